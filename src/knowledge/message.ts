/**
 * Reading a whole chat message, as a sequence of stages:
 *   1. sentences and focus (`sentences.ts`): which pieces ask, which are context;
 *   2.–3. normalising and reading each word (`text.ts`, `analyzer.ts`): the message's words once,
 *      each asked part and its context from them (`messageWords.ts`);
 *   4. scoring (`scoring.ts`) with the context's known words as a ranking help;
 *   5. deciding (`decide.ts`) for each part alone;
 * then, given the topic of the last answer, elliptic follow-ups are read against it.
 * `explainMessage` returns every stage's result for `npm run ask -- --json`.
 */
import type { Explanation, Matcher, TextReader, Topic } from './matcher';
import { MessageWords } from './messageWords';
import type { Entry } from './schema';
import { asksToExplain, findFocus, leansBack, pointsWithPronoun, type MessagePiece } from './sentences';
import { isStopword } from './text';
import { declined } from './decide';
import type { ConversationContext, MatchResult, MessageMatch, Outcome, PartMatch } from './types';

/** One asked part on its way through the stages. */
export interface PartTrace {
  readonly text: string;
  /** Why this piece was taken as asked. */
  readonly why: string;
  /** Texts whose known words helped ranking. */
  readonly context: readonly string[];
  /** Whether the part leans on something said before ("und die Adresse?"); only judged in a conversation with a topic. */
  readonly elliptic: boolean;
  /** Set when the last answer's topic was used to read this part. */
  readonly followUp?: { readonly entryId: string };
  /** The context sentence this part points into ("… dabei?"), whose known words joined it. */
  readonly leansOn?: string;
  /** The piece before the part: what it is read as when it names no topic ("Wie lautet die?"). */
  readonly antecedent?: string;
  readonly explanation: Explanation;
}

/** Every stage's result for one message. */
export interface MessageTrace {
  readonly pieces: readonly MessagePiece[];
  readonly parts: readonly PartTrace[];
  readonly match: MessageMatch;
}

const RANK: Record<Outcome, number> = { none: 0, suggest: 1, answer: 2 };

/** A follow-up that asks for something besides the last answer ("sonst noch", "gilt das auch für …"). */
const ADDITIVE = /(^|\s)(auch|sonst|ausserdem|außerdem|weitere[nms]?|andere[nms]?|else|also|too|other)(\s|[?!.]|$)/iu;

/**
 * A follow-up that asks for the same for something else: "gibt es sowas auch für Schulen?",
 * "gilt das auch im Elementarbereich?". What follows the preposition is its new subject.
 */
const SHIFT = /(^|\s)(auch|ebenfalls|also|too)\s+(für|fur|fuer|in|im|bei|beim|an|am|zur|zum|for|at)\s+\S/iu;

/** A question that sets itself against what was said before it. */
const CONTRAST = /^(aber|sondern|jedoch|allerdings|but|however)\b/iu;

/**
 * What names an entry's topic, for reading a follow-up: its title and keywords, and its
 * neighbourhood: related entries and theirs (two links), so a conversation that moved from an
 * overview to one programme can still continue with the overview's other entries.
 */
function topicOf(entry: Entry, getEntry: (id: string) => Entry | undefined): Topic {
  const favoured = new Set([entry.id, ...entry.related]);
  for (const id of entry.related) for (const next of getEntry(id)?.related ?? []) favoured.add(next);
  return { text: [entry.title, ...entry.keywords].join(' . '), favoured };
}

/**
 * Reads an asked part, and again against the last answer's topic when it may be a follow-up.
 * A part that points back ("gibt es dafür …", "was macht sie …", or names no topic at all) takes
 * the reading with the topic when that is at least as good. A part that continues the topic
 * ("und für wen gibt es Fortbildungen?") keeps its own answer when that lies in the topic's
 * neighbourhood (the entry and its related entries) and takes the topic's reading when that
 * answers inside it. A complete question keeps its own answer, so an old topic never bends a
 * clear question; there the topic only turns no answer into suggestions, or suggestions into an
 * answer.
 */
function readPart(
  matcher: Matcher,
  reader: TextReader,
  part: AskedPart,
  topic: Entry | undefined,
  getEntry: (id: string) => Entry | undefined,
): PartTrace {
  const alone = matcher.explain(part.text, part, reader);
  if (!topic) return traceOf(part, false, alone);
  const leaning = leansBack(part.text, isStopword);
  const trace = traceOf(part, leaning !== 'no', alone);
  const neighbourhood = topicOf(topic, getEntry);
  const answeredAlone = alone.result.answer;
  // A clear answer stays, unless the part points back, or continues the topic ("und für wen
  // gibt es Fortbildungen?") and the answer lies outside the topic's neighbourhood.
  if (answeredAlone && (leaning === 'no' || (leaning === 'continues' && neighbourhood.favoured.has(answeredAlone.id)))) return trace;
  const besides = ADDITIVE.test(part.text) ? { exclude: topic.id } : {};
  const withTopic = matcher.explain(
    part.text,
    { context: part.context, antecedent: part.antecedent ?? topic.title, leansOn: part.leansOn, topic: { ...neighbourhood, ...besides } },
    reader,
  );
  const reading: FollowUpReading = { matcher, reader, part, topic, neighbourhood, alone, withTopic, elliptic: trace.elliptic };
  if (leaning === 'points-back' && besides.exclude) {
    const more = relatedForMore(reading, getEntry);
    if (more) return more;
  }
  // "gibt es sowas auch für Schulen?" after the early-years answer names a subject the last answer
  // does not cover: read by its own words it is about schools, and the topic only helps when it
  // does better than that.
  const covered = topicCovers(matcher, reader, part, alone, topic);
  const shifts = SHIFT.test(part.text) && alone.result.outcome !== 'none' && !covered;
  const better = topicReadingWins(reading, leaning, shifts);
  // Below, the part points back to a last answer that does not hold what it asks.
  const pointsPastTopic = leaning === 'points-back' && !asksToExplain(part.text) && !covered;
  if (better && pointsPastTopic) {
    const reread = readPastTopic(reading, shifts);
    if (reread) return reread;
  }
  const chosen = better ? withTopic : alone;
  if (pointsPastTopic && !shifts && shownOf(chosen).length > 0 && shownOf(chosen).every((entry) => !staysWithSubject(reading, entry))) {
    // "Was ist Rucksack-Kita?" – "und wer bezahlt das?": "das" is the programme, and what the part's
    // own words find (the funding of the centres) is about something else: the knowledge does not say.
    const declinedHere = { ...chosen, result: declined('uncovered-terms', chosen.result.candidates) };
    return traceOf({ ...part, why: `${part.why}; what it finds is not about the last answer it points at` }, trace.elliptic, declinedHere);
  }
  return better ? traceOf(part, trace.elliptic, withTopic, { entryId: topic.id }) : trace;
}

/** A part read as a follow-up: alone and with the last answer's topic. */
interface FollowUpReading {
  readonly matcher: Matcher;
  readonly reader: TextReader;
  readonly part: AskedPart;
  readonly topic: Entry;
  readonly neighbourhood: Topic;
  readonly alone: Explanation;
  readonly withTopic: Explanation;
  readonly elliptic: boolean;
}

/**
 * "was macht sie sonst noch?" names nothing of its own and asks for more than the last answer:
 * when nothing else answers it, the last answer's related entries are what else there is.
 */
function relatedForMore(reading: FollowUpReading, getEntry: (id: string) => Entry | undefined): PartTrace | undefined {
  const { matcher, part, topic, alone, withTopic } = reading;
  if (alone.result.declineReason !== 'empty' || withTopic.result.outcome !== 'none') return undefined;
  const others = topic.related.map(getEntry).filter((entry): entry is Entry => entry !== undefined);
  if (others.length === 0) return undefined;
  const result: MatchResult = {
    outcome: 'suggest',
    answer: null,
    suggestions: others.slice(0, matcher.settings.maxSuggestions),
    candidates: withTopic.result.candidates,
  };
  const more = { ...part, why: `${part.why}; asks for more than the last answer: its related entries` };
  return traceOf(more, reading.elliptic, { ...withTopic, result }, { entryId: topic.id });
}

/** Whether the reading with the last answer's topic beats the part's own reading. */
function topicReadingWins(reading: FollowUpReading, leaning: 'points-back' | 'continues' | 'no', shifts: boolean): boolean {
  const { matcher, topic, neighbourhood, alone, withTopic } = reading;
  const answeredAlone = alone.result.answer;
  if (leaning === 'points-back') {
    if (RANK[withTopic.result.outcome] > RANK[alone.result.outcome]) return true;
    // "gilt das auch für Schulen?" after the early-years opening: among the school entries the part
    // finds, the topic picks the one about the same thing (the schools' opening).
    if (shifts) return withTopic.result.answer !== null && findsAmongFirst(alone, withTopic.result.answer, matcher.settings.maxSuggestions);
    return (
      RANK[withTopic.result.outcome] === RANK[alone.result.outcome] ||
      // "gibt es dafür Beispiele?" answered alone outside the topic is a guess: the topic's
      // reading wins when it stays in the neighbourhood, even if it only suggests.
      (answeredAlone !== null && !neighbourhood.favoured.has(answeredAlone.id) && inNeighbourhood(withTopic, neighbourhood))
    );
  }
  // "und …?" asks for something else than the last answer: a neighbour, not the same entry again.
  if (answeredAlone) return withTopic.result.answer !== null && withTopic.result.answer.id !== topic.id && neighbourhood.favoured.has(withTopic.result.answer.id);
  return RANK[withTopic.result.outcome] > RANK[alone.result.outcome];
}

/**
 * A part that points back to a last answer which does not hold what it asks, read once more.
 * Its own answer stands when it is about the same subject ("und wie erreiche ich die?" after the
 * LaKI's tasks is the LaKI's contact); when its own words leave a choice ("und wer fördert die?":
 * the centres' or the LaKI's funding), the pronoun makes it. When the topic's reading gave the
 * last answer again, what it finds besides that answer may answer when it stays with the subject
 * ("Was sind die Kernaufgaben der LaKI?" – "und mit wem arbeitet die dabei zusammen?"); otherwise
 * giving the last answer again ("Was ist Rucksack-Kita?" – "und wer bezahlt das?") would pretend
 * it holds what is asked: the knowledge does not say. Undefined when none of this applies.
 */
function readPastTopic(reading: FollowUpReading, shifts: boolean): PartTrace | undefined {
  const { matcher, reader, part, topic, neighbourhood, alone, withTopic, elliptic } = reading;
  const answeredAlone = alone.result.answer;
  if (!shifts) {
    if (answeredAlone && sameSubject(matcher, answeredAlone, topic)) return traceOf(part, elliptic, alone, { entryId: topic.id });
    const onSubject = alone.result.suggestions.filter((entry) => sameSubject(matcher, entry, topic));
    if (!answeredAlone && onSubject.length === 1 && coversOwnWords(matcher, reader, part, alone, onSubject[0]!)) {
      const result: MatchResult = { outcome: 'answer', answer: onSubject[0]!, suggestions: [], candidates: alone.result.candidates };
      const resolved = { ...part, why: `${part.why}; the pronoun picks the choice on the last answer's subject` };
      return traceOf(resolved, elliptic, { ...alone, result }, { entryId: topic.id });
    }
  }
  if (withTopic.result.answer?.id !== topic.id) return undefined;
  const besidesTopic = matcher.explain(
    part.text,
    { context: part.context, antecedent: part.antecedent ?? topic.title, leansOn: part.leansOn, topic: { ...neighbourhood, exclude: topic.id } },
    reader,
  );
  const others = shownOf(besidesTopic);
  // The topic's words were borrowed to find them: they must hold the part's own words too.
  if (others.length > 0 && others.every((entry) => staysWithSubject(reading, entry) && coversOwnWords(matcher, reader, part, alone, entry))) {
    return traceOf({ ...part, why: `${part.why}; the last answer does not hold it, its neighbours do` }, elliptic, besidesTopic, { entryId: topic.id });
  }
  const declinedHere = { ...withTopic, result: declined('uncovered-terms', withTopic.result.candidates) };
  return traceOf({ ...part, why: `${part.why}; the last answer does not hold what it asks` }, elliptic, declinedHere);
}

/** True when an entry lies in the last answer's neighbourhood or is about the same subject. */
function staysWithSubject(reading: FollowUpReading, entry: Entry): boolean {
  return reading.neighbourhood.favoured.has(entry.id) || sameSubject(reading.matcher, entry, reading.topic);
}

/** An asked part as the sentence stage found it. */
type AskedPart = Pick<PartTrace, 'text' | 'why' | 'context' | 'antecedent' | 'leansOn'>;

/**
 * A part's trace, built field by field: V8 adds each property that follows a spread
 * (`{ ...part, elliptic }`) through its runtime, about a microsecond each, on every message.
 */
function traceOf(part: AskedPart, elliptic: boolean, explanation: Explanation, followUp?: PartTrace['followUp']): PartTrace {
  const trace: { -readonly [K in keyof PartTrace]: PartTrace[K] } = { text: part.text, why: part.why, context: part.context, elliptic, explanation };
  if (part.antecedent !== undefined) trace.antecedent = part.antecedent;
  if (part.leansOn !== undefined) trace.leansOn = part.leansOn;
  if (followUp) trace.followUp = followUp;
  return trace;
}

/** A part's result with its text (field by field, see {@link traceOf}). */
function partMatch(result: MatchResult, text: string): PartMatch {
  const { outcome, answer, suggestions, candidates, declineReason } = result;
  return declineReason === undefined
    ? { outcome, answer, suggestions, candidates, text }
    : { outcome, answer, suggestions, candidates, declineReason, text };
}

/**
 * True when two entries are about the same subject: the same topic group, or titles that share a
 * word ("Kontakt zur LaKI" and "Kernaufgaben der LaKI").
 */
function sameSubject(matcher: Matcher, one: Entry, other: Entry): boolean {
  if (one.category === other.category) return true;
  const words = new Set(matcher.analyzer.analyzeIndexed(one.title).tokens);
  return matcher.analyzer.analyzeIndexed(other.title).tokens.some((token) => words.has(token));
}

/**
 * True when the last answer's entry covers the part's own words, or the part has none ("was
 * heißt das genau?" asks for the same entry again).
 */
function topicCovers(matcher: Matcher, reader: TextReader, part: AskedPart, alone: Explanation, topic: Entry): boolean {
  return alone.scored.length === 0 || coversOwnWords(matcher, reader, part, alone, topic);
}

/** True when an entry covers enough of the part's own words (its reading alone, without a topic). */
function coversOwnWords(matcher: Matcher, reader: TextReader, part: AskedPart, alone: Explanation, entry: Entry): boolean {
  const coverage = (reading: Explanation) => reading.scored.find((candidate) => candidate.entry.id === entry.id)?.coverage;
  // The entry may rank below the candidates kept: read once more with it favoured, which moves
  // it up without changing what it covers.
  const favoured = () => matcher.explain(part.text, { ...part, topic: { text: '', favoured: new Set([entry.id]) } }, reader);
  return (coverage(alone) ?? coverage(favoured()) ?? 0) >= matcher.settings.minCoverage;
}

/**
 * The asked part read by its own words, without its context (the pointed-into sentence and the
 * antecedent stay: they are what the part means). Kept for one message: the context guard and
 * the whole-message check ask for the same part.
 */
function ownReadings(matcher: Matcher, reader: TextReader): (part: PartTrace) => Explanation {
  const readings = new Map<string, Explanation>();
  return (part) => {
    const key = `${part.text}\u0000${part.antecedent ?? ''}\u0000${part.leansOn ?? ''}`;
    let reading = readings.get(key);
    if (!reading) {
      reading = matcher.explain(part.text, { antecedent: part.antecedent, leansOn: part.leansOn }, reader);
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
  const coverage = (reading: Explanation) => reading.scored.find((candidate) => candidate.entry.id === choice.id)?.coverage ?? 0;
  return Math.max(coverage(own), coverage(part.explanation)) >= minCoverage;
}

/**
 * Answer fit against the context: a part answered with the help of its context words must be
 * answered by its own words too (see {@link agrees}); otherwise the context chose the answer ("Wir arbeiten eng mit
 * Migrantenselbstorganisationen zusammen. Welche Aufgaben hat die Koordinierungsstelle?" must not
 * become the networking entry): both entries are offered as suggestions instead.
 */
function guardContextChoice(matcher: Matcher, part: PartTrace, ownReading: (part: PartTrace) => Explanation): PartTrace {
  const answer = part.explanation.result.answer;
  if (!answer || part.followUp || part.context.length === 0) return part;
  const own = ownReading(part);
  if (agrees(answer, own, part, matcher.settings.minCoverage)) return part;
  const result = part.explanation.result;
  return {
    ...part,
    why: `${part.why}; the context chose the answer, the part's own words answer ${own.result.answer!.id}`,
    explanation: { ...part.explanation, result: { ...result, outcome: 'suggest', answer: null, suggestions: [answer, own.result.answer!] } },
  };
}

/** True when an entry is among the first `count` candidates of a reading. */
function findsAmongFirst(reading: Explanation, entry: Entry, count: number): boolean {
  return reading.scored.slice(0, count).some((candidate) => candidate.entry.id === entry.id);
}

/** The entries a reading shows: its answer, or its suggestions. */
function shownOf(reading: Explanation): readonly Entry[] {
  return reading.result.answer ? [reading.result.answer] : reading.result.suggestions;
}

/** True when a reading answers or suggests inside the topic's neighbourhood. */
function inNeighbourhood(reading: Explanation, topic: Topic): boolean {
  const shown = reading.result.answer ? [reading.result.answer] : reading.result.suggestions;
  return shown.length > 0 && topic.favoured.has(shown[0]!.id);
}

/**
 * The main question of a message: the first answered part, else the first with suggestions,
 * else the first part; what single-answer clients (GET /api/ask top level, the message
 * extension) show.
 */
function mainOf(parts: readonly PartMatch[]): MatchResult {
  return parts.find((part) => part.outcome === 'answer') ?? parts.find((part) => part.outcome === 'suggest') ?? parts[0]!;
}

/** Reads a message through every stage; see the module comment. */
export function explainMessage(
  matcher: Matcher,
  text: string,
  conversation: ConversationContext | undefined,
  getEntry: (id: string) => Entry | undefined,
): MessageTrace {
  const focus = findFocus(text, isStopword);
  const topic = conversation ? getEntry(conversation.lastEntryId) : undefined;
  const asked = focus.parts.length > 0 ? focus.parts : [{ text, why: 'empty message', context: [] as string[] }];
  // Every text the stages read is a piece of the message: its words are found and looked up once.
  const reader = new MessageWords(matcher.analyzer, text);
  let parts = asked.map((part) => readPart(matcher, reader, part, topic, getEntry));
  // "Wo sitzt die LaKI, und wer fördert die?": a later part whose pronoun stands for what the part
  // before it asked about is that part's follow-up, read against its answer like the next turn.
  parts = parts.map((part, index) => {
    const before = index > 0 ? parts[index - 1]!.explanation.result.answer : null;
    if (!before || part.followUp || !pointsWithPronoun(part.text, isStopword)) return part;
    return readPart(matcher, reader, asked[index]!, before, getEntry);
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
  if (parts.length === 1 && parts[0]!.context.length > 0 && !parts[0]!.followUp && !parts[0]!.leansOn && !CONTRAST.test(parts[0]!.text)) {
    const whole = matcher.explain(text, {}, reader);
    if (whole.result.answer && agrees(whole.result.answer, ownReading(parts[0]!), parts[0]!, matcher.settings.minCoverage)) {
      parts = [{ text: parts[0]!.text, why: `${parts[0]!.why}; answered when read whole`, context: [], elliptic: false, explanation: whole }];
    }
  }
  parts = parts.map((part, index) => (index > 0 ? pointsIntoUnknown(part, parts[index - 1]!) : part));
  parts = parts.flatMap((part) => splitObjects(matcher, reader, part));
  const partMatches: PartMatch[] = parts.map((part) => partMatch(part.explanation.result, part.text));
  const followUp = parts.find((part) => part.followUp)?.followUp;
  const match: MessageMatch = { main: mainOf(partMatches), parts: partMatches, ...(followUp ? { followUp } : {}) };
  return { pieces: focus.pieces, parts, match };
}

/**
 * "Was ist das Kommunale Integrationsmanagement, und wie hängt das mit den KIs zusammen?": a part
 * that points at the part before it, which names something the knowledge base does not know, asks
 * about that unknown thing too. Its own few words ("mit den KIs") must not answer it.
 */
function pointsIntoUnknown(part: PartTrace, before: PartTrace): PartTrace {
  // A thing is named by a noun ("Integrationsmanagement"); an unknown verb ("ausgeschrieben") names none.
  const unknownBefore =
    before.explanation.result.outcome === 'none' &&
    before.explanation.analysis.readings.some((reading) => reading.kind === 'unknown' && reading.casing === 'noun');
  if (part.followUp || !unknownBefore || !pointsWithPronoun(part.text, isStopword)) return part;
  const result = declined('uncovered-terms', part.explanation.result.candidates);
  return { ...part, why: `${part.why}; points at the part before, which the knowledge does not cover`, explanation: { ...part.explanation, result } };
}

/**
 * A part that asks for two things joined by "und": "ich brauch die Besuchsadresse der LaKI und die
 * Internetseite", "wie ist die Telefonnummer und die Mailadresse der LaKI?". The second thing is
 * an article and a few words at the end, perhaps before a last clause ("…, schick mal rüber").
 */
const JOINED_OBJECT = /^(.*\S)\s+(?:und|sowie|and)\s+((?:die|den|das|eine|einen|ihre|eure|deren|the)\s+[\p{L}-]+(?:\s+[\p{L}.-]+){0,3})\s*(?:,[^,]*)?[?.!]*$/iu;

/**
 * Splits a part that asks for two things into two parts when each half alone answers with an
 * entry of its own ("Besuchsadresse" and "Internetseite"); one thing named in two words ("Eltern
 * und die Kinder" answered by one entry) stays one part. The second half is read with the first
 * as context, so "die Internetseite" after "die Besuchsadresse der LaKI" is the LaKI's.
 */
function splitObjects(matcher: Matcher, reader: TextReader, part: PartTrace): PartTrace[] {
  if (part.followUp) return [part];
  const match = JOINED_OBJECT.exec(part.text);
  if (!match || match[1]!.split(/\s+/u).length < 2) return [part];
  const [firstText, secondText] = [match[1]!, match[2]!];
  const first = matcher.explain(firstText, { context: part.context, antecedent: part.antecedent }, reader);
  const second = matcher.explain(secondText, { context: [...part.context, firstText] }, reader);
  const [one, other] = [first.result.answer, second.result.answer];
  if (!one || !other || one.id === other.id) return [part];
  const why = `${part.why}; asks for two things joined by "und"`;
  return [
    { text: firstText, why, context: part.context, elliptic: part.elliptic, explanation: first },
    { text: secondText, why, context: [...part.context, firstText], elliptic: part.elliptic, explanation: second },
  ];
}

/** A single question's result as a message match, for knowledge bases that only match one text. */
export function singlePartMessage(text: string, result: MatchResult): MessageMatch {
  return { main: result, parts: [partMatch(result, text)] };
}
