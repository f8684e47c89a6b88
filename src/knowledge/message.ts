/**
 * Reading a whole chat message, as a sequence of stages:
 *   1. sentences and focus (`sentences.ts`, with `clauses.ts`, `purposes.ts` and `referents.ts`):
 *      which pieces ask, which are context, and what a part points at;
 *   2.–3. normalising and reading each word (`text.ts`, `analyzer.ts`): the message's words once,
 *      each asked part and its context from them (`messageWords.ts`);
 *   4. scoring (`scoring.ts`) with the context's known words as a ranking help;
 *   5. deciding (`decide.ts`) for each part alone;
 *   6. follow-ups (`followUp.ts`): given the topic of the last answer, or the answer of the part
 *      before, elliptic parts are read against it;
 * then the whole message is checked against its parts (context that chose an answer, a part that
 * asks for two things, a pronoun that stands for something unknown).
 * `explainMessage` returns every stage's result for `npm run ask -- --json`.
 */
import { opensQuestion } from './clauses';
import { declined } from './decide';
import { choiceNearAnswer, firstSentence, readPart, shownOf, type PartTrace } from './followUp';
import { coverageOf, type Explanation, type Matcher, type TextReader } from './matcher';
import { plainMessage } from './mailText';
import { MessageWords } from './messageWords';
import type { Entry } from './schema';
import { actorOfReferent, actorsNamed, asksForPerson, asksWho, isThin, namesLaki, pointsAtField, pointsAtThing, pointsBack, pointsWithAdverb, pointsWithPronoun, referentOf, saysShe } from './pointers';
import { findFocus, type FocalPart, type MessagePiece } from './sentences';
import { fold, isStopword } from './text';
import type { ConversationContext, DeclinedMessage, MatchResult, MessageMatch, PartMatch } from './types';

export type { PartTrace } from './followUp';

/** Every stage's result for one message. */
export interface MessageTrace {
  /** What the writer typed, without pasted mail's headers, quotes and signature (stage 0, `mailText.ts`). */
  readonly typed: string;
  readonly pieces: readonly MessagePiece[];
  readonly parts: readonly PartTrace[];
  readonly match: MessageMatch;
}

/** Who pays for what a pronoun stands for: "wer bezahlt die?", "who pays for it?". */
const PAYER_OF_POINTED =
  /(?:^|[^\p{L}])(?:wer|who)\s+(?:bezahlt|zahlt|finanziert|übernimmt|uebernimmt|pays\s+for|funds|finances)\s+(?:(?:eigentlich|denn|dann|die\s+kosten\s+für|die\s+kosten\s+fuer)\s+)*(?:die|das|den|sie|es|diese|dies|them|it)\s*[?.!]*$/iu;

/** A question that sets itself against what was said before it. */
const CONTRAST = /^(aber|sondern|jedoch|allerdings|but|however)\b/iu;

/** A part's result with its text, built field by field: V8 adds each property that follows a spread slowly. */
function partMatch(result: MatchResult, text: string): PartMatch {
  const { outcome, answer, suggestions, candidates, declineReason, nearby } = result;
  if (declineReason === undefined) return { outcome, answer, suggestions, candidates, text };
  return nearby ? { outcome, answer, suggestions, candidates, declineReason, nearby, text } : { outcome, answer, suggestions, candidates, declineReason, text };
}

/**
 * The asked part read by its own words, without its context (the pointed-into sentence and the
 * antecedent stay: they are what the part means). Kept for one message: the context guard and
 * the whole-message check ask for the same part.
 */
function ownReadings(matcher: Matcher, reader: TextReader): (part: PartTrace) => Explanation {
  const readings = new Map<string, Explanation>();
  return (part) => {
    const key = `${part.text}\u0000${part.antecedent ?? ''}\u0000${part.leansOn ?? ''}\u0000${part.actor ?? ''}`;
    let reading = readings.get(key);
    if (!reading) {
      reading = matcher.explain(part.text, { antecedent: part.antecedent, leansOn: part.leansOn, actor: part.actor }, reader);
      readings.set(key, reading);
    }
    return reading;
  };
}

/**
 * False when the context chose the entry against the part's own words: read alone, the part
 * answers with an entry of another topic (neither the choice nor related to it), and the choice
 * covers too little of the part's own meaning. A thin question ("Gibt es Beispiele?") or one
 * whose own words the choice covers ("Ich arbeite in einer Kita – was kann das KI für uns tun?")
 * lets the context choose.
 */
function agrees(choice: Entry, own: Explanation, part: PartTrace, minCoverage: number): boolean {
  const answer = own.result.answer;
  if (!answer || answer.id === choice.id || choice.related.includes(answer.id) || answer.related.includes(choice.id)) return true;
  // Coverage counts the part's own words only; the reading with context ranks the choice higher.
  return Math.max(coverageOf(own, choice) ?? 0, coverageOf(part.explanation, choice) ?? 0) >= minCoverage;
}

/**
 * Answer fit against the context: a part answered with the help of its context words must be
 * answered by its own words too (see {@link agrees}); otherwise the context chose the answer ("Wir arbeiten eng mit
 * Migrantenselbstorganisationen zusammen. Welche Aufgaben hat die Koordinierungsstelle?" must not
 * become the networking entry): both entries are offered as suggestions instead.
 */
function guardContextChoice(matcher: Matcher, part: PartTrace, ownReading: (part: PartTrace) => Explanation): PartTrace {
  const answer = part.explanation.result.answer;
  // Context whose words no entry has changed nothing: the part's reading is its own reading.
  if (!answer || part.followUp || part.context.length === 0 || part.explanation.contextTokens.length === 0) return part;
  const own = ownReading(part);
  if (agrees(answer, own, part, matcher.settings.minCoverage)) return part;
  const result = part.explanation.result;
  return {
    ...part,
    why: `${part.why}; the context chose the answer, the part's own words answer ${own.result.answer!.id}`,
    explanation: { ...part.explanation, result: { ...result, outcome: 'suggest', answer: null, suggestions: [answer, own.result.answer!] } },
  };
}

/**
 * The main question of a message: the first answered part, else the first with suggestions,
 * else the first part; what single-answer clients (GET /api/ask top level, the message
 * extension) show.
 */
function mainOf(parts: readonly PartMatch[]): MatchResult {
  return parts.find((part) => part.outcome === 'answer') ?? parts.find((part) => part.outcome === 'suggest') ?? parts[0]!;
}

/**
 * A message's match, with `declined` (when every part was declined) worked out on first read.
 * The getter is written in the object literal: `Object.defineProperty` on a built object turns it
 * into a slow dictionary object, which cost about 1 % of reading a message.
 */
function messageMatch(main: MatchResult, parts: readonly PartMatch[], followUp: MessageMatch['followUp'], summarize?: () => DeclinedMessage): MessageMatch {
  if (!summarize) return followUp ? { main, parts, followUp } : { main, parts };
  let summary: DeclinedMessage | undefined;
  return followUp
    ? { main, parts, followUp, get declined() { return (summary ??= summarize()); } }
    : { main, parts, get declined() { return (summary ??= summarize()); } };
}

/** Reads a message through every stage; see the module comment. */
export function explainMessage(
  matcher: Matcher,
  message: string,
  conversation: ConversationContext | undefined,
  getEntry: (id: string) => Entry | undefined,
): MessageTrace {
  // Forwarded mails' headers, quotes, salutations and signatures name no topic (see `mailText.ts`).
  const text = plainMessage(message);
  // Every text the stages read is a piece of the message: its words are found and looked up once.
  const reader = new MessageWords(matcher.analyzer, text);
  const focus = findFocus(text, isStopword, (piece) => matcher.namesKnownTopic(piece, reader));
  const topic = conversation?.lastEntryId !== undefined ? getEntry(conversation.lastEntryId) : undefined;
  // No asked part: the message is empty, or praise alone ("Klasse, danke!" is no school class).
  const asked = focus.parts.length > 0 ? focus.parts : [{ text: '', why: 'empty message', context: [] as string[] }];
  let parts = asked.map((part) => readPart(matcher, reader, part, topic, getEntry));
  // Without a topic, the first part may lean on the message declined right before it.
  if (!topic && conversation?.declined && focus.parts.length > 0) parts[0] = afterDeclined(matcher, reader, parts[0]!, asked[0]!, conversation.declined, text, getEntry);
  // "Wo ist das Büro der LaKI, und wie erreiche ich das?": a later part whose pronoun stands for
  // what the part before it asked about is that part's follow-up, read against its answer like the
  // next turn. A pronoun standing for an actor ("und wer fördert *die*?") already reads as the actor.
  parts = parts.map((part, index) => {
    const before = index > 0 ? parts[index - 1]!.explanation.result.answer : null;
    if (!before || part.followUp || asked[index]!.actor || !pointsWithPronoun(part.text, isStopword)) return part;
    // "Welche Erzieherfortbildungen gibt es, und wer bezahlt die?": after a part that names no
    // actor, the pronoun of a payer question stands for the thing that part asked about, not for
    // the actor its answer names. Who pays for a thing other than the actors, the knowledge does
    // not say (as with "wer bezahlt die Fortbildungen?"): declined, the part's choices shown nearby.
    if (PAYER_OF_POINTED.test(part.text) && actorsNamed(asked[index - 1]!.text).length === 0) {
      return declinedPart(part, 'asks who pays for what the part before asked about', shownOf(part.explanation));
    }
    return readPart(matcher, reader, asked[index]!, before, getEntry);
  });
  // "Welche Programme gibt es in der frühen Bildung, und für wen gibt es da Fortbildungen?": a part
  // pointing at the one before with an adverb, whose own words leave a choice, takes the choice
  // near that part's answer.
  parts = parts.map((part, index) => {
    const before = index > 0 ? parts[index - 1]!.explanation.result.answer : null;
    if (!before || part.followUp || part.explanation.result.outcome !== 'suggest' || !pointsBack(part.text, isStopword)) return part;
    return choiceNearAnswer(matcher, reader, part, asked[index]!, before, getEntry) ?? part;
  });
  // "Gibt es einen Austausch der KIs untereinander, und wer kümmert sich darum?": a later part that
  // points back, asks only whose duty it is and got only choices is answered by the part before
  // when that answer's first sentence names the LaKI or the centres (whose duty it tells): the same
  // answer, shown once.
  parts = parts.map((part, index) => {
    const before = index > 0 ? parts[index - 1]!.explanation.result.answer : null;
    if (!before || part.followUp || part.explanation.result.outcome !== 'suggest' || !asksWho(part.text) || !pointsAtDuty(part.text)) return part;
    // Only a part that asks nothing besides whose duty it is: a cost, a person, a date or a word the
    // knowledge does not know ("wer kümmert sich dabei um Instagram?") keeps its own reading.
    const { analysis } = part.explanation;
    if (analysis.forwardTerms.length > 0 || analysis.readings.some((reading) => reading.kind === 'unknown')) return part;
    if (!matcher.asksOnlyWhoseDuty(part.text, analysis.tokens) || actorsNamed(firstSentence(before)).length === 0) return part;
    const result: MatchResult = { outcome: 'answer', answer: before, suggestions: [], candidates: part.explanation.result.candidates };
    return { ...part, why: `${part.why}; asks whose duty the part before names: its answer says`, explanation: { ...part.explanation, result } };
  });
  // One question with context: when the whole message, read as one question as written, answers
  // ("Wir sind ein Kreis – können wir ein KI aufbauen?"), that reading wins — it used every word
  // and passed every protection over the whole text. Otherwise the context's unknown words would
  // have declined it, and the question read alone stands.
  // Not when the question contrasts with its context ("die Adresse habe ich schon, aber wer …").
  // Not either when the question points into its context ("… dabei?"): that reading already
  // weighs the context sentence as the question means it.
  // Not either when the whole reading's answer is chosen by the context's words while the part's
  // own words answer with an entry of another topic ("Unsere Schulen brauchen Lernmaterialien. Wer
  // gibt den Rahmen vor?" is about the Erlass, not the materials).
  const ownReading = ownReadings(matcher, reader);
  parts = parts.map((part) => guardContextChoice(matcher, part, ownReading));
  // (Read whole only when that reading can answer at all: see `Matcher.mayAnswerAlone`.)
  const single = parts.length === 1 && parts[0]!.context.length > 0 && !parts[0]!.followUp && !parts[0]!.leansOn && !CONTRAST.test(parts[0]!.text);
  if (single && matcher.mayAnswerAlone(text, reader)) {
    const whole = matcher.explain(text, {}, reader);
    if (whole.result.answer && agrees(whole.result.answer, ownReading(parts[0]!), parts[0]!, matcher.settings.minCoverage)) {
      parts = [{ text: parts[0]!.text, why: `${parts[0]!.why}; answered when read whole`, context: [], elliptic: false, explanation: whole }];
    }
  }
  parts = parts.map((part, index) => (index > 0 ? withGapFilled(matcher, reader, part, parts[index - 1]!) : part));
  parts = parts.map((part, index) => (index > 0 ? pointsIntoUnknown(matcher, part, parts[index - 1]!, text) : part));
  parts = parts.map((part, index) => (index > 0 ? personsOfOtherBody(part, parts[index - 1]!) : part));
  parts = parts.map((part, index) => (index + 1 < parts.length ? frameOfUncovered(part, parts[index + 1]!, text) : part));
  // (Only a message with "oder"/"or" can offer bodies to choose from.)
  if (MAY_OFFER_SIDES.test(text)) parts = parts.map((part) => choiceOfUnknownBodies(reader, part, focus.pieces));
  // A loop, not `flatMap`: V8 runs `flatMap` through a generic builtin that costs a few per cent
  // of reading a whole message.
  const split: PartTrace[] = [];
  for (const part of parts) split.push(...splitObjects(matcher, reader, part));
  parts = withoutGenericAsides(matcher, split);
  const partMatches: PartMatch[] = parts.map((part) => partMatch(part.explanation.result, part.text));
  const followUp = parts.find((part) => part.followUp)?.followUp;
  const declinedAll = focus.parts.length > 0 && partMatches.every((part) => part.outcome === 'none');
  // Read only by the bot, to keep for the next turn: worked out when asked for (it reads the whole message again).
  const summary = declinedAll ? () => declinedSummary(matcher, text, parts) : undefined;
  return { typed: text, pieces: focus.pieces, parts, match: messageMatch(mainOf(partMatches), partMatches, followUp, summary) };
}

/**
 * The first part of a turn right after the bot declined the whole last message, with no answered
 * topic to lean on: a pronoun standing for the one actor that message named ("Wie hoch ist das
 * Budget der LaKI?" – "und wer fördert *die*?") makes the part about that actor, as within one
 * message; a part pointing with an adverb at that message, which named a thing the knowledge does
 * not know ("Wie viel Geld bekommt ein KI?" – "und wer berät *da*?"), asks about it too and is
 * declined (see {@link pointsIntoUnknown}), and so is one pointing at a field of it ("Gibt es eine
 * Statistik, wie erfolgreich die KIs beim Übergang Schule-Beruf sind?" – "was machen sie *in dem
 * Bereich*?": the field is told apart from the unknown thing only by words the store does not
 * keep, so no entry may answer for it). A pronoun alone ("und wo sitzt *die*?") may stand for
 * anything the message named: the part keeps its own reading.
 */
function afterDeclined(
  matcher: Matcher,
  reader: MessageWords,
  part: PartTrace,
  asked: FocalPart,
  before: DeclinedMessage,
  message: string,
  getEntry: (id: string) => Entry | undefined,
): PartTrace {
  // (The writer's capitals show in either message: "sie" written small inside one is no "Sie".)
  const capitalised = before.capitalised || /\p{Lu}/u.test(message);
  const actor = asked.actor || !capitalised ? undefined : actorOfReferent(asked.text, before, isStopword);
  const why = `${asked.why}; its pronoun stands for the actor of the message declined before`;
  const read = actor ? readPart(matcher, reader, { ...asked, actor, why }, undefined, getEntry) : part;
  // (A field pointed at, "in dem Bereich", is pointed at as with "da".)
  if (!before.unknownThing || !(pointsWithAdverb(asked.text) || pointsAtField(asked.text)) || !pointsAtThing(asked.text, isStopword)) return read;
  return declinedPart(read, 'points at the message declined before, which names what the knowledge does not cover');
}

/**
 * A part declined because the knowledge does not cover what it asks, `why` added to its reason;
 * `nearby`, what it would have shown, is offered beside the honest "no answer".
 */
function declinedPart(part: PartTrace, why: string, nearby: readonly Entry[] = []): PartTrace {
  const result = declined('uncovered-terms', part.explanation.result.candidates, nearby);
  return { ...part, why: `${part.why}; ${why}`, explanation: { ...part.explanation, result } };
}

/** What a declined message leaves for the next turn (see {@link DeclinedMessage}). */
function declinedSummary(matcher: Matcher, text: string, parts: readonly PartTrace[]): DeclinedMessage {
  return { ...referentOf(text), capitalised: /\p{Lu}/u.test(text), unknownThing: parts.some((part) => namesUnknownThing(matcher, part.explanation)) };
}

/**
 * A part whose own words name nothing but help or a duty (`Matcher.namesOnlyHelp`: "Wer hilft
 * denen eigentlich?", "Wer ist denn jetzt zuständig?") is answered by one generic verb. Beside a
 * part that asks something ("… Machen die KIs da was für Senioren?") it is the writer's aside:
 * left out, so the other part is the message's main question. Alone, a pronoun standing for
 * people of the context ("Die Mütter … Wer hilft *denen* eigentlich?") asks who helps them, which
 * the knowledge does not say: declined, its answer shown as a nearby topic (unless the sentence
 * before names the centres or the LaKI, which the pronoun then stands for). A part read as a
 * follow-up, for an actor ("und wem hilft *sie*?"), as the piece before it, or into a sentence it
 * leans on ("Wir bauen ein KI auf. Könnt ihr uns *da* helfen?") keeps its reading.
 */
function withoutGenericAsides(matcher: Matcher, parts: readonly PartTrace[]): PartTrace[] {
  const generic = parts.map(
    (part) =>
      !part.followUp &&
      !part.actor &&
      part.leansOn === undefined &&
      !part.explanation.contextAsQuestion &&
      matcher.namesOnlyHelp(part.text, part.explanation.analysis),
  );
  if (!generic.includes(true)) return [...parts];
  const asks = parts.some((part, index) => !generic[index] && part.explanation.result.declineReason !== 'empty');
  if (asks) return parts.filter((_, index) => !generic[index]);
  return parts.map((part, index) => {
    const result = part.explanation.result;
    if (!generic[index] || result.outcome !== 'answer' || part.context.length === 0 || !PEOPLE_POINTED_AT.test(part.text)) return part;
    // "Die Integrationszentren sind sehr unterschiedlich. Wer hilft denen?": the pronoun stands for the centres.
    if (actorsNamed(part.antecedent ?? part.context[part.context.length - 1]!).length > 0) return part;
    return declinedPart(part, 'asks who helps the people of the context', shownOf(part.explanation));
  });
}

/** "denen", "ihnen", "them": people of the context (the formal "Ihnen" is written capitalised). */
const PEOPLE_POINTED_AT = /(?:^|[^\p{L}])(?:denen|ihnen|them)(?=[^\p{L}]|$)/u;

/** "darum", "drum", "dafür", "das", "sowas": what a duty question points at ("Wer kümmert sich darum?"). */
function pointsAtDuty(text: string): boolean {
  return DUTY_POINTER.test(text) || pointsBack(text, isStopword);
}

const DUTY_POINTER = /(?:^|[^\p{L}])(?:darum|drum|dafür|dafuer|dafur)(?=[^\p{L}]|$)/iu;

/**
 * "Was ist das Kommunale Integrationsmanagement, und wie hängt das mit den KIs zusammen?": a part
 * that points at the part before it, which names something the knowledge base does not know, asks
 * about that unknown thing too. Its own few words ("mit den KIs") must not answer it. So does a
 * thin part with a pointing adverb ("In welche Entgeltgruppe …? Gibt es *da* eine Vorgabe?").
 * A thing of the asker's own municipality is unknown in the same way ("Gibt es bei uns im Kreis
 * ein KI, und wo sitzt das?" asks where the local centre is, not where the LaKI is), and so is a
 * person a part asked about ("Wie heißt die Leitung von unserem KI, und wie erreiche ich sie?").
 */
function pointsIntoUnknown(matcher: Matcher, part: PartTrace, before: PartTrace, message: string): PartTrace {
  const unknownBefore = namesUnknownThing(matcher, before.explanation);
  // "Wie heißt die Leitung von unserem KI, und wie erreiche ich *sie*?": after a part that asks for
  // a person, "sie" stands for that person, so the part asks after them. After another part ("Hat
  // die LaKI einen Newsletter, und wie erreiche ich sie?") it may stand for an actor.
  const forPerson = !part.actor && saysShe(part.text, message) && isThin(part.text, isStopword) && asksForPerson(before.text);
  const points = pointsAtThing(part.text, isStopword) || forPerson;
  if (part.followUp || !unknownBefore || !points) return part;
  return declinedPart(part, 'points at the part before, which the knowledge does not cover');
}

/**
 * "Was machen die KIs im Elementarbereich und was in der Schule?", "Wer berät Schulen und wer
 * Kitas?": a part of a question word and a few nouns leaves out the verb (and subject) of the part
 * before, which asked with the same kind of question word: it is read with them filled in.
 */
function withGapFilled(matcher: Matcher, reader: TextReader, part: PartTrace, before: PartTrace): PartTrace {
  if (part.followUp) return part;
  const gapped = GAPPED.exec(part.text);
  const full = gapped ? ASKED_WITH_VERB.exec(before.text) : null;
  if (!gapped || !full || fold(gapped[1]!) !== fold(full[1]!)) return part;
  const rest = gapped[2]!.split(/\s+/u);
  if (rest.length > 4 || !rest.every((word) => /^\p{Lu}/u.test(word) || GAP_WORDS.has(word))) return part;
  // A phrase after a preposition keeps the subject ("was [machen die KIs] in der Schule?"); a noun
  // takes its place or the object's ("was [kostet] die LaKI?", "wer [berät] Kitas?").
  const kept = GAP_PREPOSITIONS.has(rest[0]!) ? full[2]! : full[2]!.split(/\s+/u)[0]!;
  const text = `${full[1]} ${kept} ${gapped[2]}${gapped[3]}`;
  const explanation = matcher.explain(text, { context: part.context }, reader);
  return { ...part, text, why: `${part.why}; leaves out the verb of the part before, filled in`, explanation };
}

/** A part of a question word and what follows it ("und was in der Schule?"): group 1 the word, 2 the rest, 3 the end mark. */
const GAPPED = /^\s*(?:und\s+|sowie\s+)?(wer|wen|wem|was|wo|wann)\s+([^,;?!.]+?)\s*([?.!]*)$/iu;

/** A part opening with a question word and its verb, with the subject if an article follows ("Was machen die KIs"). */
const ASKED_WITH_VERB = /^\s*(wer|wen|wem|was|wo|wann)\s+(\p{Ll}+(?:\s+(?:die|der|das|den|ein|eine)\s+\p{Lu}[\p{L}'-]*)?)(?=[\s,?.!]|$)/iu;

/** Prepositions a gapped part may open with. */
const GAP_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'im', 'an', 'am', 'auf', 'bei', 'beim', 'für', 'fuer', 'mit', 'zu', 'zum', 'zur', 'von', 'vom', 'über', 'ueber']);

/** Words written small that a gapped part may hold besides nouns: prepositions and articles. */
const GAP_WORDS: ReadonlySet<string> = new Set([...GAP_PREPOSITIONS, 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einem', 'einer', 'einen']);

/**
 * "Welche Ministerien fördern die KIs, und wer ist *dort* Ansprechpartner?": a part asking for a
 * person *there* asks about the body or place the part before names. The knowledge names people
 * of the LaKI only: unless one of the two parts names the LaKI, its answer would give the LaKI's
 * people for someone else's. Declined, that answer shown as a nearby topic.
 */
function personsOfOtherBody(part: PartTrace, before: PartTrace): PartTrace {
  const result = part.explanation.result;
  if (part.followUp || result.outcome !== 'answer' || !PLACE_POINTER.test(part.text) || !asksForPerson(part.text)) return part;
  if (namesLaki(part.text) || namesLaki(before.text)) return part;
  return declinedPart(part, 'asks for people of what the part before names, which the knowledge does not name', shownOf(part.explanation));
}

/** "dort", "there", "bei denen": the place or body a part before named. */
const PLACE_POINTER = /(?:^|[^\p{L}])(?:[Dd]ort|[Tt]here|bei\s+(?:denen|ihnen))(?=[^\p{L}]|$)/u;

/** True when a declined reading names a thing the knowledge does not know: an unknown noun, or a place of the asker's own. */
function namesUnknownThing(matcher: Matcher, explanation: Explanation): boolean {
  const result = explanation.result;
  return (
    result.outcome === 'none' &&
    // A thing is named by a noun ("Integrationsmanagement"); an unknown verb ("ausgeschrieben") names none.
    // (typed in lower case, a noun's casing is unclear)
    (explanation.analysis.readings.some((reading) => reading.kind === 'unknown' && reading.casing !== 'lower') ||
      (result.declineReason === 'forward-term' && explanation.analysis.forwardTerms.some((term) => matcher.analyzer.isLocalTerm(term))))
  );
}

/**
 * "Wer entscheidet, ob unser KI einen Beirat bekommt?": a thin part whose question is the clause
 * after it (an "ob" clause, or what a deciding verb decides: "Wer legt fest, wie viele Stellen …")
 * asks about that clause. When the knowledge does not cover the clause, the part's one verb must
 * not answer ("entscheiden" alone chooses the entry on who shapes a centre); its answer is a nearby topic.
 */
function frameOfUncovered(part: PartTrace, after: PartTrace, message: string): PartTrace {
  const result = part.explanation.result;
  const afterResult = after.explanation.result;
  if (part.followUp || result.outcome === 'none' || afterResult.outcome !== 'none' || afterResult.declineReason === 'empty') return part;
  if (SENTENCE_END.test(part.text) || WHETHER_CLAUSE.test(part.text) || !isThin(part.text, isStopword)) return part;
  // The clause follows the part directly, after a comma at most: "… oder ob …" is another
  // alternative of the same question, not what the part frames.
  const at = message.indexOf(part.text);
  const next = at === -1 ? -1 : message.indexOf(after.text, at + part.text.length);
  if (next === -1 || !/^\s*,?\s*$/u.test(message.slice(at + part.text.length, next))) return part;
  if (!WHETHER_CLAUSE.test(after.text) && !(DECIDING.test(part.text) && QUESTION_CLAUSE.test(after.text))) return part;
  return declinedPart(part, 'frames the clause after it, which the knowledge does not cover', shownOf(part.explanation));
}

/**
 * "Wer legt die Schwerpunkte unseres KI fest – entscheidet das der Kreistag oder der Landrat?": the
 * bodies a "who" part offers as its answers (the context piece right after it) are what it asks to
 * choose between. When none of them names a thing the knowledge knows and one names a thing it
 * does not, no entry can say which: the part is declined, its answer a nearby topic ("Wer gibt den
 * Rahmen vor, das Land oder wir als Kreis?" offers the Land, which the flyer names).
 */
function choiceOfUnknownBodies(reader: TextReader, part: PartTrace, pieces: readonly MessagePiece[]): PartTrace {
  if (part.followUp || part.explanation.result.outcome !== 'answer' || !asksWho(part.text)) return part;
  const at = pieces.findIndex((piece) => piece.text === part.text);
  const offered = at === -1 ? undefined : pieces[at + 1];
  if (offered?.role !== 'context' || !OFFERED_SIDES.test(offered.text) || offered.text.split(/\s+/u).length > MAX_OFFERED_WORDS) return part;
  const sides = offered.text.split(OFFERED_SIDES).map((side) => reader.analyze(side));
  // (A noun as written, capitalised: typed all in lower case, "das land oder die stadt selber" names no unknown body.)
  const unknownThing = sides.some((side) => side.readings.some((reading) => reading.kind === 'unknown' && reading.casing === 'noun'));
  if (!unknownThing || sides.some((side) => side.nounTokens.length > 0)) return part;
  return declinedPart(part, 'asks to choose between bodies the knowledge does not know', shownOf(part.explanation));
}

/** "oder" between the bodies a "who" part offers ("der Kreistag *oder* der Landrat"). */
const OFFERED_SIDES = /\s+(?:oder|or)\s+/iu;

/** A cheap test that is true whenever a message may hold {@link OFFERED_SIDES}. */
const MAY_OFFER_SIDES = /\s(?:oder|or)\s/i;

/** Most words of the piece offering bodies; a longer piece says more than its options. */
const MAX_OFFERED_WORDS = 8;

/** A piece that ends a sentence: it frames no clause after it. */
const SENTENCE_END = /[?.!]\s*$/u;

/** A clause asking whether ("ob …", "whether …"): the complement of the verb before it. */
const WHETHER_CLAUSE = /^\s*(?:ob|whether)(?=[^\p{L}]|$)/iu;

/** A clause opening with a question word ("wie viele Stellen …"), without "und" or "oder" before it. */
const QUESTION_CLAUSE = /^\s*(?:wer|wen|wem|was|wie|wann|wo|welche\p{L}*|who|what|how|when|where|which)(?=[^\p{L}]|$)/iu;

/** Verbs of deciding, whose object is the clause after them ("Wer entscheidet, wie …", "Wer legt fest, wann …"). */
const DECIDING = /(?:^|[^\p{L}])(?:entscheid\p{L}*|bestimm\p{L}*|leg\p{L}*\s+(?:\p{L}+\s+)?fest|festleg\p{L}*|decides?|determines?)(?=[^\p{L}]|$)/iu;

/**
 * A part that asks for two things joined by "und": "ich brauch die Besuchsadresse der LaKI und die
 * Internetseite", "wie ist die Telefonnummer und die Mailadresse der LaKI?". The second thing is
 * an article and a few words at the end, perhaps before a last clause ("…, schick mal rüber").
 */
const JOINED_OBJECT =
  /^(.*\S)\s+(?:und|sowie|and)\s+(?:(?:außerdem|ausserdem|auch|noch|zusätzlich|zusaetzlich|also|(idealerweise|möglichst|moeglichst|eventuell|evtl\.|ggf\.|gegebenenfalls|vielleicht|gerne?|bestenfalls))\s+)?((?:die|den|das|eine|einen|ihre|eure|deren|the)\s+[\p{L}-]+(?:\s+[\p{L}.-]+){0,3})\s*(?:,[^,]*)?[?.!]*$/iu;

/**
 * Words that relate the two things joined by "und" to each other ("Wie hängen das KI und die LaKI
 * zusammen?", "Worin unterscheiden sich das KI und die LaKI?"): the part asks one question about
 * both, not one about each.
 */
const RELATES_THEM =
  /(?<!\p{L})(?:zusammen|miteinander|untereinander|voneinander|gemeinsam|unterscheid\p{L}*|unterschied\p{L}*|zwischen|verhältnis|verhaeltnis|beziehung|vergleich\p{L}*|together|between|differ\p{L}*|compar\p{L}*|relat\p{L}*)(?!\p{L})/iu;

/**
 * What every match of {@link JOINED_OBJECT} contains: tested first, since most parts join nothing
 * and the full pattern backtracks over the whole part to find that out.
 */
const JOINS_TWO = /\s(?:und|sowie|and)\s/iu;

/** Prepositions that open each of two joined phrases sharing one verb ("per Mail und per Telefon"). */
const PHRASE_PREPOSITION = String.raw`(?:per|für|fuer|mit|bei|beim|im|in|am|an|zum|zur|über|ueber|for|with|via|by)`;

/**
 * A part that asks its one question about two prepositional phrases: "Wie erreiche ich die LaKI
 * per Mail und per Telefon?", "Gibt es Angebote für Schüler und für Eltern?". Each phrase is a few
 * words without a comma; what comes before them is shared, and so is the end: the mark, and a verb
 * or particle written small after the second ("für Kommunen und für Schulen *an*?"). (Case matters:
 * a word written small is no noun, and prepositions inside a sentence are written small.)
 */
const JOINED_PHRASE = new RegExp(
  String.raw`^(.*\S)\s+(${PHRASE_PREPOSITION})\s+([^\s,;]+(?:\s+[^\s,;]+){0,3})\s+(?:und|sowie|and)\s+(?:(?:auch|noch|also)\s+)?(${PHRASE_PREPOSITION})\s+([^\s,;?!.]+(?:\s+[^\s,;?!.]+){0,3}?)((?:\s+\p{Ll}+)?[?.!]*)$`,
  'u',
);

/** Two compounds sharing their last part, the first cut short: "Telefon- und Faxnummer". */
const TRUNCATED_PAIR = /([\p{L}]{2,})-\s+(?:und|oder|sowie|bzw\.?)\s+([\p{L}][\p{L}-]*)/u;

/**
 * The things a part asks for: the halves around "und die …" (three with a list before it: "die
 * Mailadresse, die Webseite und die Faxnummer"), or the part once with each compound of a
 * truncated pair ("die Telefon- und Faxnummer der LaKI" → "die Telefon der LaKI", "die Faxnummer
 * der LaKI"; the first reads by its own part, which names the thing). Undefined when the part
 * asks for one thing.
 */
function objectsOf(text: string): JoinedObjects | undefined {
  const phrases = JOINS_TWO.test(text) && !RELATES_THEM.test(text) ? JOINED_PHRASE.exec(text) : null;
  if (phrases) {
    const [, before, first, firstObject, second, secondObject, end = ''] = phrases;
    return Object.assign([`${before} ${first} ${firstObject}${end}`, `${before} ${second} ${secondObject}${end}`], { whole: true });
  }
  const joined = JOINS_TWO.test(text) && !RELATES_THEM.test(text) ? JOINED_OBJECT.exec(text) : null;
  const hedged = joined?.[2] !== undefined && asksWhetherItsVerb(joined[1]!);
  if (joined && !hedged && joined[1]!.split(/\s+/u).length >= 2) {
    // "die Mailadresse der LaKI, die Webseite und die Faxnummer": a list before the last "und".
    const listed = LISTED_OBJECT.exec(joined[1]!);
    return listed && listed[1]!.split(/\s+/u).length >= 2 ? [listed[1]!, listed[2]!, joined[3]!] : [joined[1]!, joined[3]!];
  }
  // Most parts have no hyphen, and the pattern tries every letter of every word to find that out.
  const pair = text.includes('-') ? TRUNCATED_PAIR.exec(text) : null;
  if (!pair) return undefined;
  const [before, after] = [text.slice(0, pair.index), text.slice(pair.index + pair[0].length)];
  return [`${before}${pair[1]}${after}`, `${before}${pair[2]}${after}`];
}

/** The things a part asks for; `whole` when each is a question of its own, read without the others. */
type JoinedObjects = string[] & { readonly whole?: boolean };

/**
 * True when what comes before a hedged "und vielleicht die …" asks whether its own verb holds ("Berät
 * die LaKI Kommunen und vielleicht die Schulen?", "…, ob die LaKI Kommunen berät und vielleicht die
 * Schulen?"): the hedge then joins a second object of that verb, not a second thing asked for. A
 * request verb ("Können Sie mir … schicken und möglichst die Namen …") asks for things, and splits.
 */
function asksWhetherItsVerb(before: string): boolean {
  return (opensQuestion(before, true) === 'verb' && opensQuestion(before) !== 'verb') || /(?:^|[\s,])ob\s/iu.test(before);
}

/**
 * Two bare nouns joined by "und" that share what follows them: "mailadresse und ansprechpartner der
 * laki bitte" asks for "mailadresse der laki bitte" and "ansprechpartner der laki bitte". Tried only
 * for a part the two things together did not answer.
 */
function barePairOf(text: string): string[] | undefined {
  const pair = JOINS_TWO.test(text) ? BARE_PAIR.exec(text) : null;
  if (!pair) return undefined;
  const [, before = '', first, second, after = ''] = pair;
  return [`${before}${first}${after}`, `${before}${second}${after}`];
}

/** See {@link barePairOf}: what comes before, the two nouns, and what they share after them. */
const BARE_PAIR = /^((?:[\p{L}]+\s+){0,3})([\p{L}][\p{L}-]+)\s+(?:und|sowie|and)\s+([\p{L}][\p{L}-]+)((?:\s+(?:der|des|von|vom|bei|beim|of|at)\s+[^,;]*)?[?.!]*)$/iu;

/** The object before a comma in a list of things asked for ("…, die Webseite"), with what comes before it. */
const LISTED_OBJECT = /^(.*\S),\s+((?:die|den|das|eine|einen|ihre|eure|deren|the)\s+[\p{L}-]+(?:\s+[\p{L}.-]+){0,3})$/iu;

/**
 * Splits a part that asks for two or three things into parts when each alone answers with an
 * entry of its own ("Besuchsadresse" and "Internetseite"); one thing named in two words ("Eltern
 * und die Kinder" answered by one entry) stays one part.
 */
function splitObjects(matcher: Matcher, reader: TextReader, part: PartTrace): PartTrace[] {
  if (part.followUp) return [part];
  const objects: JoinedObjects | undefined = objectsOf(part.text) ?? (part.explanation.result.outcome === 'answer' ? undefined : barePairOf(part.text));
  if (!objects) return [part];
  const [firstText, ...others] = objects as unknown as [string, ...string[]];
  const why = `${part.why}; asks for ${objects.length} things joined by "und"`;
  const split: PartTrace[] = [
    { text: firstText, why, context: part.context, elliptic: part.elliptic, explanation: matcher.explain(firstText, { context: part.context, antecedent: part.antecedent }, reader) },
  ];
  // A later thing is read with the first as context: "die Internetseite" after "die Besuchsadresse der LaKI" is the LaKI's.
  for (const text of others) {
    // "Wie erreiche ich die LaKI per Telefon?" after "… per Mail?" repeats all it needs: the first would only pull towards its own answer.
    const context = objects.whole ? part.context : [...part.context, firstText];
    split.push({ text, why, context, elliptic: part.elliptic, explanation: matcher.explain(text, { context }, reader) });
  }
  const answers = split.map((one) => one.explanation.result.answer?.id);
  const answered = answers.filter((id) => id !== undefined);
  // Questions of their own ("Gibt es Fortbildungen für Hebammen und für Zahnärzte?") are each
  // answered or declined alone; things that only make sense together must all be answered.
  const enough = objects.whole ? answered.length > 0 : answered.length === answers.length;
  if (!enough || new Set(answered).size < answered.length) return [part];
  return split;
}

/**
 * The parts a user is answered with: parts that named nothing ("Danke!") are left out, and a part
 * answered by an entry an earlier part already brought is not shown again ("Was ist mit
 * Querschnitt gemeint, welche Bereiche fallen da drunter?" reads one answer).
 */
export function askedParts(message: MessageMatch): PartMatch[] {
  const answered = new Set<string>();
  return message.parts.filter((part) => {
    if (part.declineReason === 'empty') return false;
    if (part.outcome !== 'answer' || !part.answer) return true;
    if (answered.has(part.answer.id)) return false;
    answered.add(part.answer.id);
    return true;
  });
}

/** A single question's result as a message match, for knowledge bases that only match one text. */
export function singlePartMessage(text: string, result: MatchResult): MessageMatch {
  return { main: result, parts: [partMatch(result, text)] };
}
