/**
 * Stage 1 of reading a message: sentences and focus. Splits a chat message into sentences and
 * clauses and decides what each piece does: asks something (a question or a request), is
 * context (greetings, who is asking, why), or is a courtesy ("Können Sie helfen?"). The asked
 * pieces become the message's parts; everything else is context, whose unknown words must not
 * make the matcher decline. Pure functions over the text, no knowledge of the entries.
 * The sentences come from `sentenceSplit.ts`, their clauses from `clauses.ts`, the phrases saying
 * what a request is for from `purposes.ts`, the word lists from `chatWords.ts`, and what a piece
 * points at from `pointers.ts` and `referents.ts`; this module gives each piece its role and
 * makes the asked pieces the message's parts.
 */
import { DOUBTED_ALTERNATIVE, opensQuestion, REQUEST, RHETORICAL, splitClauses } from './clauses';
import { COURTESY, foldedPiece, hasTopicWords, HELP_WORDS, INQUIRY, INTERROGATIVES, isTopicWord, joinedWords, PLEA_POINTERS, SUBJECT_PRONOUNS, words } from './chatWords';
import { actorNamed, actorReferredTo, actorsNamed, asksActorAgain, asksAgain, asksWho, destinationPointedAt } from './pointers';
import { namesPurpose, splitFormatPhrase, splitFrontedPurpose, splitPurposePhrase } from './purposes';
import { abbreviationMeant, mainClause, pointedAt, pointsBefore, referentOf, reportsSettled, wishedClause, writerIntroduction, writersSelf } from './referents';
import { foldedSource, REGARDS, REGARDS_ADJECTIVES } from './greetings';
import { breaksAtEmoji, closesRunOn, splitMarkedSentences, type SplitSentence } from './sentenceSplit';

/** What a piece of a message does. */
export type PieceRole = 'question' | 'request' | 'context' | 'courtesy';

/** A sentence or clause of a message with its role and why it got it (shown by `ask --json`). */
export interface MessagePiece {
  readonly text: string;
  readonly role: PieceRole;
  readonly why: string;
}

/** One asked part of a message, with the texts that surround it. */
export interface FocalPart {
  readonly text: string;
  readonly why: string;
  /** Context pieces of the message, and the asked part before this one (for "… und wer hilft dabei?"). */
  readonly context: readonly string[];
  /** The piece right before this part: what "Wie lautet die?" or "Wie geht das?" refers to. */
  readonly antecedent?: string;
  /**
   * A context sentence of the same message that this thin part points into with an anaphor
   * ("Wir sitzen an unserem Integrationskonzept. Kann die LaKI uns *dabei* beraten?"): its known
   * words join the part at reduced weight.
   */
  readonly leansOn?: string;
  /**
   * The actor ("LaKI", "KI") a pronoun of this part stands for, named in its antecedent ("Wer
   * fördert die LaKI, und bei welcher Behörde ist *sie* angesiedelt?"): its known words join the part.
   */
  readonly actor?: string;
  /**
   * The sentence in which the writer says who they are, when this part points into another
   * sentence ("*Ich bin Hebamme in Bielefeld.* Viele meiner Familien sprechen kaum Deutsch. Gibt es
   * da was von euch?"): who the writer is may tell which action area the sentence pointed into is
   * about (see `Matcher.explain`).
   */
  readonly writer?: string;
}

export interface MessageFocus {
  /** Every piece in message order, for tracing. */
  readonly pieces: readonly MessagePiece[];
  /** The asked parts in message order; none only for an empty message or one of praise alone ("Klasse, danke!"), which asks nothing. */
  readonly parts: readonly FocalPart[];
}

/**
 * A message of one clause: no sentence or clause boundary before a final mark, no "und/oder", no
 * spaced dash, no emoji ending a sentence. (Plain tests: one pattern with look-aheads over the whole
 * text backtracks.)
 */
function isSimple(text: string): boolean {
  return (
    ONE_CLAUSE.test(text) &&
    !JOINED_CLAUSES.test(text) &&
    !SPACED_DASH.test(text) &&
    !(RUN_ON_SUBJECT.test(text) && !/[.!?]/u.test(text)) &&
    !breaksAtEmoji(text) &&
    !closesRunOn(text)
  );
}

/**
 * The writer's "wir/ich" (or "bin" without it, or "frage von") inside a message typed without
 * punctuation: it may follow their introduction, or tell who writes after what they ask (see `splitSentences`).
 */
const RUN_ON_SUBJECT = /\s(?:wir|ich|bin|frage\s+(?:von|vom|aus))\s/iu;

const ONE_CLAUSE = /^[^.!?;:,\n…]*[.!?…]*$/iu;

const JOINED_CLAUSES = /\s(?:und|oder|sowie|and|or)\s/iu;

const SPACED_DASH = /\s[–—-]\s/iu;

/** The end of a sentence that asks: "?", or a question-mark emoji ("Habt ihr eine Faxnummer ❓"). */
const ASKING_END = /(?:\?|\u2753|\u2754)\uFE0F?\s*$/u;

/**
 * A closing greeting ("Gruß aus Düsseldorf", "Viele Grüße", "Mit freundlichen Grüßen"), folded: an
 * adjective of {@link REGARDS_ADJECTIVES}, and a noun of {@link REGARDS}, its dative, or "Grüße"
 * typed with "ue".
 */
const CLOSING = new RegExp(
  String.raw`^(${foldedSource(REGARDS_ADJECTIVES.join('|'))}|mit freundlichen)?\s*(${[...REGARDS, 'grussen', 'gruesse'].join('|')})(\s|[.!,]|$)`,
  'u',
);

/** Why a clause that neither asks nor requests is context; a later rule looks for pieces read so. */
const A_STATEMENT = 'a statement';

/** Why a piece is context when it is the doubted alternative (shown by `ask --json`). */
const DOUBTED_WHY = 'the alternative the writer doubts ("oder ist das nur …?")';

/** A piece that is the doubted alternative, "oder" included. */
const DOUBTED_PIECE = /^(oder|or)\s+/u;

/** True when the clause at `index` of a sentence is the alternative the writer doubts ("…, oder ist das nur Schule?"). */
function isDoubted(clause: string, index: number): boolean {
  if (index === 0) return false;
  const folded = foldedPiece(clause);
  return DOUBTED_PIECE.test(folded) && DOUBTED_ALTERNATIVE.test(folded.replace(DOUBTED_PIECE, ''));
}

/**
 * True when a sentence ended at a dash is a question that goes on after it in a fragment: "Wer darf
 * ein KI einrichten – jede Gemeinde oder nur bestimmte?". A full question after the dash asks on
 * its own ("Wer prüft, ob die Arbeit etwas bringt – gibt es dafür eine Stelle?").
 */
function asksOnAfterDash(sentences: readonly SplitSentence[], index: number): boolean {
  const next = sentences[index + 1]?.text.trimEnd();
  return sentences[index]!.atDash && next !== undefined && next.endsWith('?') && opensQuestion(next, true) === null;
}

function isCourtesy(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  // "…, klasse, danke!": praise, not the school class.
  return praiseOnly(text, isStopword) || (list.some((word) => COURTESY.has(word)) && !hasTopicWords(text, isStopword));
}

/** True when a text's topic words are all praise ("Ok klasse", "Klasse, danke!"): it asks nothing. */
function praiseOnly(text: string, isStopword: (word: string) => boolean): boolean {
  // Most messages hold no word of praise: not worth folding and splitting the whole message for.
  if (!MAY_PRAISE.test(text)) return false;
  const topic = words(text).filter((word) => isTopicWord(word, isStopword));
  return topic.length > 0 && topic.every((word) => PRAISE.has(word));
}

/** Words of praise that are topic words elsewhere ("Klasse!" is no school class), folded. */
const PRAISE: ReadonlySet<string> = new Set(['klasse', 'spitze', 'perfekt', 'genial', 'wunderbar', 'top', 'great', 'perfect', 'awesome']);

/** A cheap test of the unfolded text that is true whenever it may hold a word of {@link PRAISE}. */
const MAY_PRAISE = /klasse|spitze|perfe[kc]t|genial|wunderbar|top|great|awesome/i;

/** Subjects that say nobody knows: "keiner weiß, was …" describes a situation. */
const NOBODY = new Set(['keiner', 'niemand', 'kaum', 'nobody']);

/** The writer, who would want to know ("niemand kann *mir* sagen, wer …", "wir wissen nicht, wo …" hand the question on); "bei uns" is a place. */
const WRITER = new Set(['ich', 'wir', 'mir', 'uns', 'i', 'we', 'me', 'us']);

/**
 * True when the clause introducing an indirect question says that nobody knows it, without the
 * writer wanting to know: "bei uns weiß keiner so richtig, was die anderen machen" describes the
 * situation the question after it is about.
 */
function describesOthers(list: readonly string[]): boolean {
  return list.some((word) => NOBODY.has(word)) && !list.some((word, index) => WRITER.has(word) && list[index - 1] !== 'bei');
}

/**
 * "wussten" as written, with a plain "u": the past ("wir wussten nie so richtig, an wen wir uns
 * wenden sollen") tells what was, while "wüssten"/"wuessten" would hand the question on ("wir
 * wüssten gern, an wen …"). Folding writes both alike, so the written text decides.
 */
const KNEW = /(?:^|[^\p{L}])wussten?(?=[^\p{L}]|$)/iu;

/**
 * Words that make "wussten" tell a story: when, or for how long, the writer did not know ("nie",
 * "damals", "lange"), or "aber" setting it against what they did ("wollten kooperieren, wussten
 * *aber* nicht, an wen …").
 */
const STORY = /(?:^|[^\p{L}])(?:nie|niemals|damals|lange|bisher|früher|frueher|anfangs|zunächst|zunaechst|vorher|aber)(?=[^\p{L}]|$)/iu;

/** "wüsste", "wuesste", "gern(e)": the writer would like to know ("wir wussten gern" typed without dots). */
const WISH = /wüsst|wuesst|(?:^|[^\p{L}])gerne?(?=[^\p{L}]|$)/iu;

/**
 * True when an intro hands its indirect question on only by telling that the writer did not know it
 * then ("wir wussten aber *nie* so richtig, an wen …"): "wussten" with a plain "u", a word of the
 * story, no wish, and no other word that hands a question on.
 */
function toldAsPast(intro: string, list: readonly string[]): boolean {
  if (!KNEW.test(intro) || !STORY.test(intro) || WISH.test(intro)) return false;
  return list.every((word) => !INQUIRY.has(word) || word === 'wusste' || word === 'wussten');
}

/**
 * True when the clause introducing an indirect question hands it to the reader ("Ich wüsste gern,
 * ob …", "mein Chef will wissen, …"): it has a word of inquiry, and neither says that nobody knows
 * nor tells that the writer did not know then.
 */
function handsOn(intro: string): boolean {
  const list = words(intro);
  return list.some((word) => INQUIRY.has(word)) && !describesOthers(list) && !toldAsPast(intro, list);
}

/** Most words of a bare phrase asked with a "?" ("mailadresse der laki?"). */
const BARE_PHRASE_WORDS = 6;

/** A phrase of a few words that is no statement: it does not open with a subject pronoun ("Besuchsadresse", "Aufgaben der LaKI"). */
function isBarePhrase(text: string): boolean {
  const phraseWords = words(text);
  return phraseWords.length > 0 && phraseWords.length <= BARE_PHRASE_WORDS && !SUBJECT_PRONOUNS.has(phraseWords[0]!);
}

/**
 * Finds what a message asks. Questions (a "?" or a question word/verb at the start), requests
 * ("ich brauche …") and indirect questions (", welches Dezernat …") are asked parts; courtesy
 * questions and everything else are context. With no asked piece, the last piece with topic
 * words is taken as the question (a keyword query or a bare noun phrase).
 *
 * @param isStopword the normaliser's stopword test, so pieces of only stopwords count as empty
 * @param namesTopic whether a text names something the knowledge base knows; a context piece that
 *   names nothing it knows is passed over when looking for what a part refers to
 */
export function findFocus(message: string, isStopword: (word: string) => boolean, namesTopic?: (text: string) => boolean): MessageFocus {
  const text = message.trim();
  // "Klasse, danke!", "Ok klasse": praise, no school class; the message asks nothing.
  if (praiseOnly(text, isStopword)) return { pieces: [{ text, role: 'courtesy', why: 'praise, names no topic' }], parts: [] };
  // Most messages are one short question: nothing to split, so no need to look closer.
  if (isSimple(text) && (ASKING_END.test(text) || !splitFrontedPurpose(text)[0]) && !namesPurpose(text)) {
    if (!text) return { pieces: [], parts: [] };
    const request = !ASKING_END.test(text) && REQUEST.test(joinedWords(text));
    const why = request ? 'a request ("ich brauche/suche …")' : 'the message is one clause';
    return { pieces: [{ text, role: request ? 'request' : 'question', why }], parts: [{ text, why, context: [] }] };
  }
  const pieces: MessagePiece[] = [];
  /** Indirect questions inside statements, with the clauses that introduce them. */
  const indirect = new Map<MessagePiece, string>();
  /**
   * Whether a question of a sentence with a "?" asks the reader directly, also when the doubted
   * alternative split off the "?" ("Beraten die KIs auch Studienseminare | oder nur Schulen?").
   */
  let asksDirectly = false;
  /**
   * Pieces that open the sentence after a spaced dash with a question word: a thin one goes on with
   * what the dash cut off ("Er möchte der LaKI etwas per E-Mail schicken – an welche Adresse?") and
   * leans on it. A yes/no question after a dash asks on its own ("Wir sind ein Kreis – können wir
   * ein KI aufbauen?" is read with its context as a whole).
   */
  const afterDash = new Set<MessagePiece>();
  const marked = splitMarkedSentences(message);
  const sentences = marked.map((sentence) => sentence.text);
  /** Bare phrases listed under a sentence that introduces them ("bitte um Info zu: / 1. Aufgaben der LaKI / 2. Besuchsadresse"). */
  const listed: MessagePiece[] = [];
  /** Whether the sentences before, back to one ending in ":", are all items of a list. */
  let listOpen = false;
  sentences.forEach((sentence, sentenceIndex) => {
    // A run-on message's question asks as if its "?" had been typed (see `splitMarkedSentences`).
    const asks = ASKING_END.test(sentence) || asksOnAfterDash(marked, sentenceIndex) || marked[sentenceIndex]!.asks === true;
    /** The message's last (or only) sentence with no end mark at all: a question typed without its "?". */
    const unmarkedLast = sentenceIndex === sentences.length - 1 && !/[.!?:;]$/u.test(sentence.trimEnd());
    // "Für den Bericht brauche ich nur eins: Was …?" introduces the question that follows.
    const introduces = sentence.trimEnd().endsWith(':') && sentenceIndex < sentences.length - 1;
    const [fronted, rest] = asks ? [undefined, sentence] : splitFrontedPurpose(sentence);
    const firstOfSentence = pieces.length;
    const continuesDash = sentenceIndex > 0 && marked[sentenceIndex - 1]!.atDash;
    if (fronted) pieces.push({ text: fronted, role: 'context', why: 'says what the request is for ("Für unsere Vorlage …")' });
    splitClauses(rest, asks, unmarkedLast).forEach((clause, index, all) => {
      const opens = opensQuestion(clause, asks);
      const request = REQUEST.test(joinedWords(clause));
      let role: PieceRole;
      let why: string;
      if (introduces && index === all.length - 1) {
        [role, why] = ['context', 'introduces what follows (":")'];
      } else if (isDoubted(clause, index)) {
        [role, why] = ['context', DOUBTED_WHY];
      } else if (opens === 'interrogative' && (index > 0 || asks || all.length === 1 || unmarkedLast)) {
        [role, why] = ['question', index > 0 ? 'clause opens with a question word' : 'opens with a question word'];
      } else if (opens === 'verb' && index === 0 && (asks || all.length > 1)) {
        [role, why] = ['question', 'opens with a verb (yes/no question)'];
      } else if (opens === 'verb' && index === 0 && unmarkedLast) {
        // "… ist das bei den integrationszentren auch ein thema": typed without a question mark.
        [role, why] = ['question', 'the last sentence, unmarked, opens with a verb (yes/no question)'];
      } else if (request) {
        [role, why] = ['request', 'a request ("ich brauche/suche …")'];
      } else if (!opens && continuesDash && marked[sentenceIndex]!.atDash && !ASKING_END.test(clause)) {
        // "Begleiten die KIs Schulen, wenn sich – wie bei unseren 11 Grundschulen – ein Kollegium öffnen will?":
        // an aside between two dashes is the writer's example, not what the sentence asks.
        [role, why] = ['context', 'an aside between two dashes'];
      } else if (asks && (all.length === 1 || (!continuesDash && all.every((other, at) => at === index || isDoubted(other, at))))) {
        // "Fällt Gesundheit überhaupt unter das, was die KIs machen, oder geht es da nur um Schule?":
        // the "?" belongs to the one clause besides the doubted alternative; after a dash ("… – jede
        // Gemeinde oder nur bestimmte?") the clause goes on with the sentence before.
        [role, why] = ['question', 'ends with a question mark'];
      } else if (opens && index > 0) {
        [role, why] = ['question', 'clause opens a question'];
      } else {
        [role, why] = ['context', A_STATEMENT];
      }
      if (role !== 'context' && isCourtesy(clause, isStopword)) [role, why] = ['courtesy', PLEA_WHY];
      // "Gruß aus Düsseldorf", "Viele Grüße, Team Jugendamt": a closing, whatever place it names.
      if (CLOSING.test(foldedPiece(clause))) [role, why] = ['courtesy', 'a closing greeting'];
      // "Können Sie mir das in 2-3 Sätzen zusammenfassen?": the form asked for names no topic and points at nothing.
      const [format, unformatted] = splitFormatPhrase(clause);
      if (format) pieces.push({ text: format, role: 'courtesy', why: 'says the form the answer should take ("in 2-3 Sätzen")' });
      const [purpose, asked] = splitPurposePhrase(unformatted);
      // "Mich interessiert, was …", "Ich wüsste gern, wo …", "Für die Sitzung benötige ich eine
      // kurze Darstellung, welche …": the request's object is the clause that follows; alone (its
      // purpose aside) it names no topic.
      if (request && index < all.length - 1 && !hasTopicWords(joinedWords(asked).replace(REQUEST, ' '), isStopword)) {
        [role, why] = ['courtesy', 'a request whose object follows'];
      }
      if (purpose) pieces.push({ text: purpose, role: 'context', why: 'says what the answer is for ("für unseren Verteiler")' });
      const piece = { text: asked, role, why };
      if (role === 'question' && !asks && index > 0 && opens === 'interrogative') indirect.set(piece, all.slice(0, index).join(' '));
      if (role === 'question' && asks) asksDirectly = true;
      if (index === 0 && sentenceIndex > 0 && marked[sentenceIndex - 1]!.atDash && opens === 'interrogative') afterDash.add(piece);
      pieces.push(piece);
    });
    const item = pieces.length === firstOfSentence + 1 ? pieces.at(-1) : undefined;
    if (listOpen && marked[sentenceIndex]!.listItem && item?.why === A_STATEMENT && isBarePhrase(item.text)) listed.push(item);
    listOpen = sentence.trimEnd().endsWith(':') || (listOpen && marked[sentenceIndex]!.listItem === true);
    // "moin, mailadresse der laki?": a sentence with a "?" whose only clause with topic words is
    // its last, after a greeting, asks for that clause when it is a bare phrase, not a statement
    // ("hallo, ich habe von einem Programm gehört, irgendwas mit Rucksack??").
    const last = pieces.length > firstOfSentence ? pieces.at(-1) : undefined;
    if (asks && last?.why === A_STATEMENT) {
      const lastWords = words(last.text);
      const phrase = lastWords.length <= BARE_PHRASE_WORDS && !SUBJECT_PRONOUNS.has(lastWords[0] ?? '');
      const greetingBefore = pieces.slice(firstOfSentence, -1).every((piece) => piece.role === 'context' && !hasTopicWords(piece.text, isStopword));
      if (phrase && greetingBefore) {
        pieces[pieces.length - 1] = { text: last.text, role: 'question', why: 'the only clause with topic words in a sentence with "?"' };
        asksDirectly = true;
      }
    }
  });
  // "Für die Sitzung bitte ich um Info zu: / 1. Aufgaben der Koordinierungsstelle / 2. Besuchsadresse":
  // each bare phrase of a list that a sentence introduces is asked.
  if (listed.length >= 2) {
    for (const item of listed) pieces[pieces.indexOf(item)] = { text: item.text, role: 'question', why: 'an item of a list a sentence introduces (":")' };
  }
  // "Wir überlegen, wie wir die freien Träger einbinden. … Ist das direkt ein Ministerium?": next to
  // a direct question, or to an indirect one handed to the reader ("Ich wüsste gern, ob …"), an
  // indirect one that nobody hands to the reader is what the writer weighs.
  const handedOn = new Map([...indirect].map(([piece, intro]) => [piece, handsOn(intro)]));
  const asksReader = asksDirectly || [...handedOn.values()].some(Boolean);
  for (const [piece, handed] of handedOn) {
    if (asksReader && !handed) {
      pieces[pieces.indexOf(piece)] = { text: piece.text, role: 'context', why: 'an indirect question the writer weighs, next to a question to the reader' };
    }
  }

  // "Mich würde interessieren, welche Ansätze die KIs beim Übergang mitbringen. … Wer kennt das
  // nicht?": next to a question that expects an answer, a rhetorical one tells how the writer sees
  // their situation — context. Alone it is what they ask.
  const rhetorical = new Set(pieces.filter((piece) => piece.role === 'question' && RHETORICAL.test(joinedWords(piece.text))));
  if (rhetorical.size > 0 && pieces.some((piece) => (piece.role === 'question' || piece.role === 'request') && !rhetorical.has(piece))) {
    pieces.forEach((piece, index) => {
      if (rhetorical.has(piece)) pieces[index] = { text: piece.text, role: 'context', why: 'a rhetorical question ("Wer kennt das nicht?"), next to a question that expects an answer' };
    });
  }

  // "Stellt das Sozialamt … eine Kostenübernahme aus? … Wir wissen nicht, wohin wir uns wenden sollen.",
  // "Die fragen mich immer, wo sie hingehen können.": beside a question to the reader, an indirect
  // question of what the writer or the people they speak for should do, naming no thing, in a
  // sentence naming nothing the knowledge knows, is the writer's plea, not a second question: context.
  // ("… ein eigenes Integrationszentrum aufzubauen …, wir wissen nicht, wo wir anfangen sollen" asks
  // how to set one up; "Die fragen oft, wie sie ihre Kinder in Kita und Schule unterstützen können"
  // names what they ask about: both stay questions.)
  if (namesTopic && NOUN_INSIDE.test(text)) {
    const pleads = (piece: MessagePiece) => {
      const intro = indirect.get(piece);
      return intro !== undefined && piece.role === 'question' && DELIBERATIVE.test(piece.text) && !NOUN_INSIDE.test(piece.text) && !namesTopic(intro);
    };
    const pleas = pieces.filter(pleads);
    if (pleas.length > 0 && pieces.some((piece) => (piece.role === 'question' || piece.role === 'request') && !pleas.includes(piece))) {
      for (const plea of pleas) pieces[pieces.indexOf(plea)] = { text: plea.text, role: 'context', why: 'what the writer does not know how to do, next to a question to the reader' };
    }
  }

  // "Wer legt fest, welche Themen ein KI bearbeitet? Das Land oder die Stadt selber?": a bare pair of
  // alternatives after a question, opening with neither a question word nor a verb, offers answers
  // to that question: context.
  pieces.forEach((piece, index) => {
    const before = pieces[index - 1];
    if (piece.role !== 'question' || before?.role !== 'question' || !OFFERS_OPTIONS.test(piece.text) || opensQuestion(piece.text) !== null) return;
    // "Und die Telefonnummer oder die Mailadresse?" goes on asking.
    if (words(piece.text).length > MAX_OPTION_WORDS || /^(?:und|and|auch|sowie)\s/iu.test(piece.text)) return;
    pieces[index] = { text: piece.text, role: 'context', why: 'offers answers to the question before ("Das Land oder die Stadt?")' };
  });

  // "Ich benötige das Gesetz, auf dessen Grundlage … Wie heißt es?": a piece that only asks for
  // what the asked piece before it names asks that piece again ("wo sitzt sie?" asks more).
  // "Die Schulleitungen fragen, ob es Unterstützung bei der interkulturellen Öffnung gibt. Kann das
  // KI sowas?": naming only the actor, it asks whether the actor does what the piece before asked —
  // unless that piece asks who does it ("Wer spricht für die Zentren, macht das die LaKI?" offers an
  // answer) or names another actor ("Wie ist die Telefonnummer der LaKI? Hat das KI sowas auch?").
  const actorAskedOf = new Map<MessagePiece, string>();
  pieces.forEach((piece, index) => {
    if (piece.role !== 'question' && piece.role !== 'request') return;
    const again = asksAgain(piece.text, isStopword);
    const actor = again ? undefined : asksActorAgain(piece.text, isStopword) ? actorNamed(piece.text) : undefined;
    if (!again && !actor) return;
    // What the writer reports as already done is passed over, as `referentOf` does.
    const before = pieces
      .slice(0, index)
      .reverse()
      .find((other) => other.role !== 'courtesy' && hasTopicWords(other.text, isStopword) && !(other.role === 'context' && reportsSettled(other.text)));
    if (!before || (before.role !== 'question' && before.role !== 'request')) return;
    if (actor && (asksWho(before.text) || actorsNamed(before.text).some((named) => named !== actor))) return;
    pieces[index] = { text: piece.text, role: 'courtesy', why: again ? 'asks the piece before it again, names no topic' : 'asks whether the actor does what the piece before asked' };
    // The piece before is then asked of that actor.
    if (actor) actorAskedOf.set(before, actor);
  });
  // "Wir haben 14 neu zugewanderte Kinder, für die es kaum passende Arbeitsblätter gibt. Könnt ihr
  // uns da weiterhelfen?": with nothing else asked, a plea for help that points back with an adverb
  // asks for help with what it points at — read like "Wer kann uns dabei unterstützen?", leaning on
  // that sentence, not as the sentence itself with its figures and dates asked.
  if (!pieces.some((piece) => piece.role === 'question' || piece.role === 'request')) {
    let at = pieces.length - 1;
    while (at >= 0 && !(pieces[at]!.why === PLEA_WHY && pleadsPointing(pieces[at]!.text))) at--;
    const topicBefore = at > 0 && pieces.slice(0, at).some((piece) => piece.role === 'context' && hasTopicWords(piece.text, isStopword));
    const topicAfter = at >= 0 && pieces.slice(at + 1).some((piece) => piece.role === 'context' && hasTopicWords(piece.text, isStopword));
    if (topicBefore && !topicAfter) pieces[at] = { text: pieces[at]!.text, role: 'question', why: 'asks for help with what it points at' };
  }
  const asked = pieces.filter((piece) => piece.role === 'question' || piece.role === 'request');
  const focal: MessagePiece[] =
    asked.length > 0
      ? asked
      : // The alternative the writer doubts is never what they ask ("… ne rolle oder geht es da nur um schule").
        pieces.filter((piece) => piece.role === 'context' && piece.why !== DOUBTED_WHY && hasTopicWords(piece.text, isStopword)).slice(-1);
  if (focal.length === 0) {
    // Only courtesy or nothing: read the whole message as one question, as it was written.
    const whole = message.trim();
    return { pieces, parts: whole ? [{ text: whole, why: 'no asked piece: the whole message', context: [] }] : [] };
  }
  const focalSet = new Set(focal);
  // Greetings and other pieces without topic words cannot help ranking: leave them out.
  const contextTexts = pieces
    .filter((piece) => !focalSet.has(piece) && piece.role === 'context' && hasTopicWords(piece.text, isStopword))
    .map((piece) => piece.text);
  const parts = focal.map((piece, index) => {
    const position = pieces.indexOf(piece);
    const antecedent = referentOf(piece.text, pieces.slice(0, position), isStopword, namesTopic);
    // "… einen Besuch bei der LaKI. Wo genau müssen wir da hin?" points at the place, not at the
    // visit; "… das Kürzel LaKI … Wofür steht die Abkürzung?" at the abbreviation (see abbreviationMeant).
    const pointedPhrase = antecedent
      ? (destinationPointedAt(piece.text, antecedent.text) ?? abbreviationMeant(piece.text, antecedent.text, namesTopic))
      : undefined;
    // A thin question pointing into a context sentence ("… dabei?") borrows that sentence's words;
    // a previous asked part is already read as context and, for a part without topic, as antecedent.
    // (Whether it points is asked only when a context sentence comes before it: most parts have none.)
    const cutOff = pieces[position - 1];
    // "… wir planen ein eigenes KI. Was steht da drin?" points into a text the sentence names, not at the wish.
    const wished = (text: string) => (POINTS_INTO_TEXT.test(piece.text) ? text : wishedClause(text, namesTopic));
    const leansOn =
      asked.length === 0
        ? undefined
        : antecedent?.role === 'context' && pointsBefore(piece.text, message, isStopword)
          ? (pointedPhrase ?? wished(mainClause(pointedAt(antecedent.text, namesTopic), namesTopic)))
          : afterDash.has(piece) && cutOff?.role === 'context' && words(piece.text).filter((word) => isTopicWord(word, isStopword)).length <= THIN_AFTER_DASH
            ? cutOff.text
            : writerIntroduction(piece.text, pieces.slice(0, position));
    const actor = (antecedent ? actorReferredTo(piece.text, antecedent.text, message, isStopword) : undefined) ?? actorAskedOf.get(piece);
    const writer = antecedent?.role === 'context' ? writersSelf(pieces.slice(0, position), antecedent.text, namesTopic) : undefined;
    return {
      text: piece.text,
      why: asked.length > 0 ? piece.why : 'no question or request: the last sentence with topic words',
      context: index > 0 ? [...contextTexts, focal[index - 1]!.text] : contextTexts,
      ...(antecedent ? { antecedent: pointedPhrase ?? wished(pointedAt(antecedent.text, namesTopic)) } : {}),
      ...(leansOn ? { leansOn } : {}),
      ...(actor ? { actor } : {}),
      ...(writer ? { writer } : {}),
    };
  });
  return { pieces, parts };
}

/** Why a courtesy piece asks for help and names no topic ("Können Sie helfen?"); a later rule looks for pieces read so. */
const PLEA_WHY = 'asks for help, names no topic';

/** True when a plea for help points at what was said before with an adverb ("Wer kann *da* helfen?", "Könnt ihr uns *dabei* weiterhelfen?"). */
function pleadsPointing(text: string): boolean {
  const list = words(text);
  return (list.some((word) => PLEA_POINTERS.has(word)) && list.some((word) => HELP_WORDS.has(word))) || handsOnPointing(list);
}

/**
 * "Wir würden gern … die Programme nennen, die das KI in dem Bereich anbietet. Können Sie uns sagen,
 * *welche das sind*?", "…, wer uns *da* hilft?": a plea handing the reader an indirect question
 * that points back with "das" or an adverb asks what it points at, as a plea for help does.
 */
function handsOnPointing(list: readonly string[]): boolean {
  const at = list.findIndex((word, index) => index > 0 && word !== 'ob' && INTERROGATIVES.has(word));
  if (at < 0 || !list.slice(0, at).some((word) => INQUIRY.has(word))) return false;
  return list.slice(at + 1).some((word) => word === 'das' || PLEA_POINTERS.has(word));
}


/** A piece that is two options joined by "oder" ("das Land oder die Stadt selber?"). */
const OFFERS_OPTIONS = /\S\s+oder\s+\S/iu;

/** Most words of a bare pair of options ({@link OFFERS_OPTIONS}); a longer piece says more than its options. */
const MAX_OPTION_WORDS = 7;

/** "da drin", "darin": a pointer into a text (a decree, a concept), not into what the writer wants. */
const POINTS_INTO_TEXT = /(?:^|[^\p{L}])(?:drin|darin)(?=[^\p{L}]|$)/iu;

/**
 * What someone should or can do, asked by the writer for themselves or the people they speak of
 * ("wohin wir uns wenden sollen", "wo sie hingehen können", "wohin mit den Kindern"); the formal
 * "Sie" is written capitalised.
 */
const DELIBERATIVE = /(?:^|[^\p{L}])(?:(?:wir|ich|man|sie)\s+(?:\S+\s+){0,6}?(?:sollen|soll|sollten|sollte|können|koennen|kann|könnten|koennten)|wohin\s+mit)(?=[^\p{L}]|$)/u;

/** A capitalised word after the first of a text: a noun, in a message not typed in lower case. */
const NOUN_INSIDE = /[^.!?\s]\s+\p{Lu}/u;

/** Most topic words a piece after a dash has when it only goes on with the sentence before. */
const THIN_AFTER_DASH = 2;
