/**
 * Splitting a chat message into sentences: at . ! ? … ; : and line breaks (not after an
 * abbreviation or a day's number, nor after a date unless a question or function word opens the
 * next), after a smiley or an emoji, at a spaced dash between longer stretches, and before list
 * markers ("1) … 2) …"). The first step of the sentence stage (`sentences.ts`).
 */
import { FRONTED_ADVERBS, INTERROGATIVES, PREPOSITIONS, QUESTION_VERBS, REQUEST_VERBS, words } from './chatWords';
import { opensQuestion } from './clauses';
import { foldedSource, GREETINGS, REGARDS, REGARDS_ABBREVIATIONS, REGARDS_ADJECTIVES, THANKS, TIMES_OF_DAY } from './greetings';
import { namesActor } from './pointers';
import { fold, isStopword } from './text';

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'z', 'b', 'bzw', 'ca', 'nr', 'dez', 'str', 'usw', 'etc', 'ggf', 'evtl', 'vgl', 'u', 'a', 'd', 'h', 'dr',
  'prof', 'abs', 'ff', 'inkl', 'bspw', 'zb', 'tel', 'hr', 'fr', 'sog', 'min', 'max', 'ua', 'e', 'v', 'i', 'o', 'kfr',
  'bzgl', 'ggfs', 'zzgl', 'insb', 'insbes', 'allg', 'mind', 'abt', 'lt', 'gem', 'ehem', 'stellv', 'stv', 'eigtl',
  'vllt', 'zt', 'tlw', 'ebd', 'anm', 'kath', 'ev', 'st', 'mio', 'tsd', 'jh', 'jhd', 'ref', 'sachb',
]);

/**
 * True when the period at `at` closes a dotted abbreviation of short letter groups ("z.K.", "i.R.d.",
 * "o.g.", "u.U."): the letters before it follow another period directly, after a letter.
 */
function dottedAbbreviation(text: string, at: number, before: string): boolean {
  return before.length <= 2 && /\p{L}$/u.test(before) && /(?:^|[^\p{L}\p{N}])\p{L}{1,3}\.$/u.test(text.slice(Math.max(0, at - before.length - 6), at - before.length));
}

/** Abbreviations that close a list ("usw.", "etc."), after which a capital opens a new sentence. */
const LIST_ENDS = new Set(['usw', 'etc']);

/** True when the word after `at` is capitalised and opens a question ("Gibt", "Wer", "Können"). */
function opensQuestionAfter(text: string, at: number): boolean {
  const next = /^\s+(\p{Lu}\p{L}*)/u.exec(text.slice(at, at + 40))?.[1];
  if (!next) return false;
  const folded = fold(next);
  return QUESTION_VERBS.has(folded) || INTERROGATIVES.has(folded);
}

/** A date of day and month at the end of a stretch of text: "30.06.", "1.10.". */
const DATE_END = /(?:^|[^\p{N}.])\d{1,2}\.\d{1,2}\.$/u;

/** True when the text before a number ends in a word that is no ordinal's article or preposition ("Dezernat 48.", not "am 12." or a list's "1."). */
function numberAfterNoun(before: string): boolean {
  return /\p{L}\s+$/u.test(before) && !ORDINAL_BEFORE.test(before);
}

/** Words after which a number is an ordinal ("am 12.", "zum 3."), folded or as written; the text before the number. */
const ORDINAL_BEFORE = /(?:^|[^\p{L}])(?:am|zum|vom|bis|ab|der|die|das|den|dem|des|im|seit|zur|ihr|ihre|ihrem|ihren|unser|unsere|unserem|unseren|jede[nmrs]?|jeden|alle|dieser|diesem|diesen)\s+$/iu;

/** True when the word after `at` is capitalised and opens a question or is a function word ("Bieten", "Auf", "Die"). */
function opensSentenceAfter(text: string, at: number): boolean {
  const next = /^\s+(\p{Lu}\p{L}*)/u.exec(text.slice(at, at + 40))?.[1];
  return next !== undefined && (opensQuestionAfter(text, at) || isStopword(fold(next)));
}

/**
 * Splits a message into sentences at . ! ? ; : and line breaks, keeping the end mark, after a
 * smiley or an emoji, and at a spaced dash between two longer stretches ("… abläuft – dafür bräuchte ich …"; "Schule – Beruf"
 * stays whole).
 */
export function splitSentences(message: string): string[] {
  return splitMarkedSentences(message).map((sentence) => sentence.text);
}

/** A sentence of a message, and whether a spaced dash ended it ("… einrichten – jede Gemeinde …?"). */
export interface SplitSentence {
  readonly text: string;
  readonly atDash: boolean;
  /** Whether a list marker ("1.", "b)", "-", "•") opened it. */
  readonly listItem?: boolean;
  /** Whether it asks though typed without its "?": where a run-on message's question starts (see `splitRunOn`). */
  readonly asks?: boolean;
}

/** {@link splitSentences}, telling which sentences a spaced dash ended. */
export function splitMarkedSentences(message: string): SplitSentence[] {
  const runOn = splitRunOn(message);
  if (runOn) return runOn;
  const sentences: SplitSentence[] = [];
  const text = message.replace(/\r\n?/g, '\n');
  let start = 0;
  /** Whether a list marker ("1)") ended right before `start`. */
  let afterMarker = false;
  const push = (end: number, atDash = false) => {
    // "1. Was sind …", "b) Mit wem …", "- Adresse": a list marker opening a sentence is not part of what is asked.
    const raw = text.slice(start, end).trim();
    const sentence = raw.replace(LEADING_LIST_MARKER, '').replace(BULLET, '');
    const listItem = afterMarker || sentence !== raw;
    afterMarker = false;
    if (sentence) sentences.push(listItem ? { text: sentence, atDash, listItem } : { text: sentence, atDash });
  };
  // Character codes, not one-character strings: a message with a dash or quotes is a two-byte
  // string, whose characters would each become a new string.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      push(i);
      start = i + 1;
      continue;
    }
    if ((code === EN_DASH || code === EM_DASH || code === HYPHEN) && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE) {
      const after = text.slice(i + 1).split(/[.!?;:\n]/)[0]!;
      if (words(text.slice(start, i)).length >= 3 && words(after).length >= 3) {
        push(i, true);
        start = i + 1;
      }
      continue;
    }
    if (code === CLOSING_PARENTHESIS) {
      // "1) was machen die KIs für Schulen 2) und was …": a list marker starts a new sentence.
      const marker = listMarkerStart(text, i);
      if (marker !== undefined) {
        push(marker);
        start = i + 1;
        afterMarker = true;
      }
      continue;
    }
    // "… per Fax schicken 🙄 habt ihr ne Faxnummer?": an emoji before a space ends its sentence,
    // unless what follows goes on with it ("… einrichten 🤔 oder nur Kreise?").
    if (mayOpenEmoji(code)) {
      EMOJI_RUN.lastIndex = i;
      const emoji = EMOJI_RUN.exec(text)?.[0];
      if (emoji) {
        i += emoji.length - 1;
        CONTINUES.lastIndex = i + 1;
        if (i + 1 < text.length && isSpace(text.charCodeAt(i + 1)) && !CONTINUES.test(text)) {
          push(i + 1);
          start = i + 1;
        }
        continue;
      }
    }
    if (code !== PERIOD && code !== EXCLAMATION && code !== QUESTION && code !== SEMICOLON && code !== COLON && code !== ELLIPSIS) continue;
    // "Ich trau mich nicht mehr zu fragen :) Wofür steht das?": a smiley ends its sentence.
    const smiley = code === COLON || code === SEMICOLON ? SMILEY.exec(text.slice(i, i + 3))?.[0] : undefined;
    if (smiley) {
      push(i);
      i += smiley.length - 1;
      start = i + 1;
      continue;
    }
    if (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1)) && !isEndMark(text.charCodeAt(i + 1))) continue;
    if (code === PERIOD) {
      const before = /([\p{L}\p{N}]+)\.$/u.exec(text.slice(Math.max(start, i - 30), i + 1))?.[1];
      // "z. B.", "Dez. 37", "1. Januar", "am 12. fahren wir": the period belongs to an abbreviation or
      // an ordinal ("unser Konzept von 2011. Berät …": a year ends its sentence).
      // "… Missverständnisse usw. Gibt es …?": "usw." and "etc." end a list, and with it a sentence
      // when a question opens after them (a capital noun may go on with the sentence).
      // "1. wer sind die Ansprechpartner 2. wie lautet die Webseite": the next number of a list
      // the sentence opened with starts a new item, however it goes on.
      if (before !== undefined && nextListItem(text.slice(start, i - before.length), before)) {
        push(i - before.length);
        start = i - before.length;
        continue;
      }
      const folded = before !== undefined ? fold(before) : undefined;
      const endsList = folded !== undefined && LIST_ENDS.has(folded) && opensQuestionAfter(text, i + 1);
      // "Der Antrag läuft bis 30.06. Bieten die KIs …?", "Frist ist der 15.10. Auf dem Faltblatt …":
      // a date ends its sentence when a capitalised question verb or function word opens the next.
      const dayNumber = before !== undefined && /^\d{1,2}$/.test(before);
      const endsDate =
        dayNumber &&
        (DATE_END.test(text.slice(Math.max(start, i - 6), i + 1)) || numberAfterNoun(text.slice(Math.max(start, i - 30), i - before!.length))) &&
        opensSentenceAfter(text, i + 1);
      if (folded !== undefined && !endsList && !endsDate && (ABBREVIATIONS.has(folded) || dayNumber)) continue;
      // "z.K.", "s.u.", "i.R.d.", "o.g.": the last period of a dotted abbreviation, unless a question opens after it.
      if (before !== undefined && dottedAbbreviation(text, i, before) && !opensQuestionAfter(text, i + 1)) continue;
    }
    while (i + 1 < text.length && isEndMark(text.charCodeAt(i + 1))) i++;
    push(i + 1);
    start = i + 1;
  }
  push(text.length);
  return sentences;
}

/** Words of an introduction typed without any punctuation, before the writer's "wir/ich" (at most). */
const RUN_ON_INTRODUCTION = 10;

/**
 * "hi kurze frage vom jobcenter hamm wir haben viele junge leute … bleiben kann das KI da was
 * machen": a message typed without a single punctuation mark opens with who writes, up to the
 * "wir" or "ich" that starts what they have to say — split there when the word before it names
 * something (a town, an office), not when it is a verb or a function word ("wie können wir …").
 * What they then ask starts where a question would start after a full stop (see
 * {@link runOnQuestionStart}: "… gesamtschule in hagen | welche handlungsfelder haben die KIs",
 * "… in krefeld | kümmern sich die kis …"), and so does a question after a greeting ("hallo |
 * wer fördert die laki und …"); such a piece asks as if its "?" had been typed. Who writes may
 * also follow what they ask ("wo sitzt die laki | bin neu im jugendamt"). Undefined for any other message.
 */
function splitRunOn(message: string): SplitSentence[] | undefined {
  if (/[.!?;:\n…]/u.test(message) || breaksAtEmoji(message)) return undefined;
  const all = message.trim().split(/\s+/u);
  const allFolded = all.map((word) => fold(word).replace(/[^\p{L}]/gu, ''));
  // "… nach denen die KIs arbeiten danke gruß aus bielefeld": the thanks and greeting that close it.
  const closing = runOnClosing(allFolded);
  const written = all.slice(0, closing);
  const folded = allFolded.slice(0, closing);
  /** Where a piece starts (besides 0), and whether it asks. */
  const starts = new Map<number, boolean>();
  let cut = -1;
  for (let index = 3; index < Math.min(written.length - 3, RUN_ON_INTRODUCTION); index++) {
    // "… in der stadt wo ich arbeite": not the subject of a question word's clause.
    if ((folded[index] === 'wir' || folded[index] === 'ich') && !isStopword(folded[index - 1]!) && !INTERROGATIVES.has(folded[index - 1]!)) {
      cut = index;
      break;
    }
  }
  if (cut !== -1) {
    starts.set(cut, false);
    // "sorgt die laki für austausch zwischen den kis | ich bin neu im ki …": what comes before the
    // writer's "ich" asks when it opens like a question.
    if (opensQuestion(written.slice(0, cut).join(' '), true) !== null) starts.set(0, true);
  } else {
    // "was die KIs im bereich frühe bildung machen wir sind eine kita in hamm …": who writes, told
    // after what they ask; what comes before asks when it opens like a question.
    const told = lateIntroduction(folded);
    if (told !== undefined) {
      starts.set(told, false);
      if (opensQuestion(written.slice(0, told).join(' '), true) !== null) starts.set(0, true);
    }
  }
  // "… die nach der schule hängen bleiben | kann das KI da was machen", "hallo | wer fördert …":
  // where a question starts after what the writer tells.
  const greeting = greetingLength(folded);
  for (let index = 1; index < written.length - 1; index++) {
    const start = runOnQuestionStart(folded, index, greeting);
    if (start === undefined || [...starts.keys()].some((other) => Math.abs(other - start) < 2)) continue;
    starts.set(start, runOnRequest(folded[start]!) ? false : true);
  }
  if (starts.size === 0) return closing < all.length ? [{ text: written.join(' '), atDash: false }, { text: all.slice(closing).join(' '), atDash: false }] : undefined;
  const at = [...starts.keys()].filter((index) => index > 0).sort((a, b) => a - b);
  const pieces: SplitSentence[] = [];
  [0, ...at].forEach((from, index) => {
    const text = written.slice(from, at[index] ?? written.length).join(' ');
    pieces.push(starts.get(from) ? { text, atDash: false, asks: true } : { text, atDash: false });
  });
  if (closing < all.length) pieces.push({ text: all.slice(closing).join(' '), atDash: false });
  return pieces;
}

/** Words of a greeting ({@link GREETINGS}, "Guten Tag") or opener that may precede a run-on question ("hallo zusammen", "mal ne frage"), folded. */
const RUN_ON_GREETING: ReadonlySet<string> = new Set([
  ...GREETINGS, 'zusammen', 'leute', 'guten', ...TIMES_OF_DAY,
  'kurze', 'kleine', 'frage', 'mal', 'ne', 'eine', 'noch',
]);

/** How many words of a run-on message open it as a greeting ({@link RUN_ON_GREETING}). */
function greetingLength(folded: readonly string[]): number {
  let length = 0;
  while (length < folded.length && RUN_ON_GREETING.has(folded[length]!)) length++;
  return length;
}

/** Verbs that open a request in a run-on message ("… stadt hamm | bräuchte infos zu …"), folded: the {@link REQUEST_VERBS}. */
const RUN_ON_REQUESTS: ReadonlySet<string> = new Set(REQUEST_VERBS);

function runOnRequest(word: string): boolean {
  return RUN_ON_REQUESTS.has(word);
}

/**
 * Where a question (or a request) starts at word `index` of a run-on message, a preposition before
 * a question word included ("… | in welchen kommunen …"); undefined when none starts there. It
 * starts after a word that names something (not a function word: "das was …", "und wie …") or
 * after the opening greeting, with a question word in the order of a direct question (its verb
 * next, not its subject: "… wo ich arbeite" is a clause of the statement), a verb before its
 * subject ("gibt es", "kann das KI", "kümmern sich die KIs"), or a verb of request.
 */
function runOnQuestionStart(folded: readonly string[], index: number, greeting: number): number | undefined {
  const word = folded[index]!;
  let start: number;
  if (INTERROGATIVES.has(word)) {
    if (word === 'ob' || !directOrder(folded, index)) return undefined;
    start = index > 1 && PREPOSITIONS.has(folded[index - 1]!) && !COORDINATING.has(folded[index - 1]!) ? index - 1 : index;
  } else if (runOnRequest(word)) {
    start = index;
    if (start < 2) return undefined;
  } else if (askedBefore(folded, index) || afterSubject(folded, index) || (!verbBeforeSubject(folded, index) && !(QUESTION_VERBS.has(word) && afterIntroduction(folded, index)))) {
    return undefined;
  } else start = index;
  if (start === 0) return undefined;
  return start === greeting || (start > greeting && !isStopword(folded[start - 1]!)) ? start : undefined;
}

/**
 * True when word `index` follows the writer's introduction ("ich bin …", "ich arbeite …", "bin …")
 * that no subordinate or relative clause goes on ("… in duisburg | gehört sport auch zu …"): its
 * verb is taken, so a finite verb after it opens a clause of its own, a question typed without "?"
 * ("… ich arbeite im gesundheitsamt köln | ist gesundheit auch ein thema").
 */
function afterIntroduction(folded: readonly string[], index: number): boolean {
  if (isStopword(folded[index + 1] ?? 'die')) return false;
  for (let at = index - 2; at >= 0; at--) {
    const word = folded[at]!;
    if (CLAUSE_OPENERS.has(word) || (RELATIVE_PRONOUNS.has(word) && at > 0 && !isStopword(folded[at - 1]!))) return false;
    if (word === 'bin' || INTRODUCING.get(word)?.has(folded[at + 1]!)) return true;
  }
  return false;
}

/** Pronouns that open a relative clause after a noun ("eine schule *die* …"), folded. */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['der', 'die', 'das', 'dem', 'den', 'denen', 'deren', 'dessen']);

/** Articles and possessives that open a subject ("*mein* chef will …", "*die* stadt hat …"), folded. */
const SUBJECT_OPENERS: ReadonlySet<string> = new Set(['der', 'die', 'das', 'ein', 'eine', 'mein', 'meine', 'unser', 'unsere', 'dein', 'euer', 'eure']);

/**
 * True when the verb at `index` follows a noun with its article or possessive and no preposition
 * before them: the noun is its subject, the verb second in a statement ("*mein chef* will das …"),
 * not after a place ("in *einer kita* | gibt es …").
 */
function afterSubject(folded: readonly string[], index: number): boolean {
  return index >= 2 && SUBJECT_OPENERS.has(folded[index - 2]!) && !PREPOSITIONS.has(folded[index - 3] ?? '');
}

/** Most words between a question word and its verb ("welche *ansätze* bringen", "wie viele *mitarbeiter* hat"). */
const QUESTION_PHRASE = 3;

/** True when a question word stands just before the verb at `index`: the verb goes on with its question ("wo | ist …", "welche handlungsfelder | haben …"). */
function askedBefore(folded: readonly string[], index: number): boolean {
  for (let at = Math.max(0, index - QUESTION_PHRASE); at < index; at++) if (INTERROGATIVES.has(folded[at]!)) return true;
  return false;
}

/** Conjunctions that join a question to the clause before ("und wie …"): no start of a piece of its own. */
const COORDINATING: ReadonlySet<string> = new Set(['und', 'oder', 'aber', 'sowie', 'dann', 'so']);

/** Subjects and articles after which a question word opens a clause of the statement ("wo *ich* arbeite", "was *die* KIs machen"), folded. */
const CLAUSE_SUBJECTS: ReadonlySet<string> = new Set([
  'ich', 'wir', 'du', 'er', 'sie', 'es', 'man', 'ihr', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer',
  'mein', 'meine', 'unser', 'unsere', 'uns', 'mir', 'sich',
]);

/** True when the question word at `index` has its verb (or, "welche …", its noun) next, as a direct question has. */
function directOrder(folded: readonly string[], index: number): boolean {
  const next = folded[index + 1];
  if (next === undefined || CLAUSE_SUBJECTS.has(next)) return false;
  // "wie bei uns", "wie immer": "wie" comparing.
  if (folded[index] === 'wie' && (COMPARING.has(next) || PREPOSITIONS.has(next))) return false;
  return true;
}

/** Words after which "wie" compares ("wie immer", "wie gesagt"), folded. */
const COMPARING: ReadonlySet<string> = new Set(['immer', 'gesagt', 'besprochen', 'ublich', 'gewohnt', 'erwahnt', 'bisher', 'z', 'zb', 'etwa', 'beispielsweise', 'auch', 'fruher']);

/** Subjects after the verb that opens a question in a run-on message ("kann *das* KI …", "gibt *es* …"). */
const RUN_ON_SUBJECTS = new Set(['das', 'die', 'der', 'es', 'man', 'ihr', 'sie', 'wir', 'ich', 'sowas']);

/**
 * True when word `index` is a finite verb before its subject: a question verb ("gibt es", "kann das
 * KI"), or a verb ending like one before an actor with its article, "sich" between ("kümmern sich
 * die KIs", "sorgt die LaKI").
 */
function verbBeforeSubject(folded: readonly string[], index: number): boolean {
  const word = folded[index]!;
  let next = index + 1;
  if (folded[next] === 'sich') next++;
  if (QUESTION_VERBS.has(word) && RUN_ON_SUBJECTS.has(folded[next] ?? '')) return true;
  return (
    (folded[next] === 'die' || folded[next] === 'das') &&
    namesActor(folded[next + 1] ?? '') &&
    word.length >= 4 &&
    /(?:en|ern|eln|t|st)$/u.test(word) &&
    !isStopword(word) &&
    !FRONTED_ADVERBS.has(word) &&
    !PREPOSITIONS.has(word)
  );
}

/** Words that thank or greet at the end of a run-on message, folded ("danke", "gruss", "lg"). */
const RUN_ON_CLOSINGS: ReadonlySet<string> = new Set([...THANKS, ...REGARDS, ...REGARDS_ABBREVIATIONS]);

/** Most words of a run-on message's closing ("danke und viele grüße aus bielefeld"). */
const RUN_ON_CLOSING_WORDS = 6;

/**
 * Where the closing of a run-on message starts: its first word of thanks or greeting among the last
 * words, after at least four words asked ("… arbeiten *danke gruß aus bielefeld*"); before
 * "viele"/"liebe" of the greeting and "vielen" of "vielen dank". The length of the text when it has none.
 */
function runOnClosing(folded: readonly string[]): number {
  let at = folded.length;
  for (let index = Math.max(4, folded.length - RUN_ON_CLOSING_WORDS); index < folded.length; index++) {
    const word = folded[index]!;
    if (RUN_ON_CLOSINGS.has(word) || (word === 'dank' && folded[index - 1] === 'vielen')) {
      at = index;
      break;
    }
  }
  while (at < folded.length && at > 4 && GREETING_OPENERS.has(folded[at - 1]!)) at--;
  return at;
}

/** Words before a closing's thanks or greeting ("*vielen* dank", "*viele* grüße", "danke *und* gruß"), folded. */
const GREETING_OPENERS: ReadonlySet<string> = new Set(['vielen', ...REGARDS_ADJECTIVES.map(foldedSource), 'und']);

/** "wir sind", "ich bin": the writer tells who they are (see {@link lateIntroduction}). */
const INTRODUCING: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['wir', new Set(['sind', 'haben', 'arbeiten'])],
  ['ich', new Set(['bin', 'arbeite', 'leite', 'komme', 'komm', 'sitze', 'mache'])],
]);

/** "kurze frage *von* einer kitaleitung": who asks, after the question (see {@link lateIntroduction}), folded. */
const ASKED_FROM: ReadonlySet<string> = new Set(['von', 'vom', 'aus']);

/**
 * Where a run-on message tells who writes after what it asks ("… was die KIs im bereich frühe
 * bildung machen *wir sind* eine kita …"): "wir sind" or "ich bin" in this order (not "wo *sind wir*
 * …"), with words after it, and not inside a clause a conjunction opens ("… *weil wir haben* …").
 */
function lateIntroduction(folded: readonly string[]): number | undefined {
  for (let index = 4; index < folded.length - 2; index++) {
    const [before, word, next] = [folded[index - 1]!, folded[index]!, folded[index + 1]!];
    if (INTRODUCING.get(word)?.has(next) && !CLAUSE_OPENERS.has(before)) return index;
    // "wo sitzt die laki *bin* neu im jugendamt": "bin" without its "ich", after a word naming something.
    if (word === 'bin' && !isStopword(before)) return index;
    // "… erreichen *kurze frage von* einer kitaleitung".
    if (word === 'frage' && ASKED_FROM.has(next) && RUN_ON_GREETING.has(before) && index > 4) return index - 1;
  }
  return undefined;
}

/** Conjunctions and question words after which "wir sind …" goes on with their clause, folded. */
const CLAUSE_OPENERS = new Set(['und', 'oder', 'aber', 'weil', 'da', 'denn', 'dass', 'ob', 'wenn', 'als', 'wie', 'was', 'wo', 'wer', 'sondern', 'obwohl', 'damit', 'nachdem', 'seit', 'seitdem', 'sodass']);

/** True when a message typed without punctuation closes with thanks or a greeting ("… arbeiten danke gruß aus bielefeld"). */
export function closesRunOn(message: string): boolean {
  if (/[.!?;:\n…]/u.test(message)) return false;
  const folded = message.trim().split(/\s+/u).map((word) => fold(word).replace(/[^\p{L}]/gu, ''));
  return runOnClosing(folded) < folded.length;
}

const NEWLINE = 10;
const SPACE = 32;
const EXCLAMATION = 33;
const HYPHEN = 45;
const PERIOD = 46;
const OPENING_PARENTHESIS = 40;
const COLON = 58;
const CLOSING_PARENTHESIS = 41;
const SEMICOLON = 59;
const QUESTION = 63;
const EN_DASH = 0x2013;
/** "…" typed as one character ("Schulsozialarbeit … Was bringt uns das KI?"). */
const ELLIPSIS = 0x2026;
const EM_DASH = 0x2014;

/**
 * One emoji as shown in a chat, with its variation selector, skin tone and joined parts ("🙄",
 * "👋🏽", "🤷‍♀️", "☺️"); a pattern's source. Not arrows or other symbols that are only text ("↔").
 */
const EMOJI = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*`;

/** A run of emoji where `lastIndex` stands ("😅😅"). */
const EMOJI_RUN = new RegExp(`(?:${EMOJI})+`, 'uy');

/** Words that go on with the sentence before an emoji ("🤔 oder nur Kreise?"); a pattern's source. */
const GOES_ON = String.raw`(?:oder|und|aber|sondern|bzw|or|and|but)(?=[^\p{L}]|$)`;

/** Where `lastIndex` stands, a space and a word that goes on with the sentence before ({@link GOES_ON}). */
const CONTINUES = new RegExp(String.raw`\s+${GOES_ON}`, 'iuy');

/** An emoji that ends its sentence (see {@link splitMarkedSentences}): before a space and a word that does not go on with it. */
const EMOJI_BREAK = new RegExp(String.raw`(?:${EMOJI})+\s+(?!${GOES_ON})\S`, 'iu');

/** True when a message has an emoji that ends a sentence ("… schicken 🙄 habt ihr …"). */
export function breaksAtEmoji(message: string): boolean {
  return EMOJI_BREAK.test(message);
}

/** Whether a character (code unit) may open an emoji: none below U+2000 does ("‼️" is U+203C, "☺" U+263A, "🙄" a surrogate pair). */
function mayOpenEmoji(code: number): boolean {
  return code >= 0x2000;
}

/** A smiley written with a colon or semicolon (":)", ";-)", ":D"), at the start of the text it is tested on. */
const SMILEY = /^[:;]-?[()DPp](?![\p{L}\p{N}])/u;

/**
 * True when `number` is the next item of a list whose marker ("1.") opens `sentence`, the text of
 * the sentence before it: "1. wer sind … 2." (not "1. März bis 2.").
 */
function nextListItem(sentence: string, number: string): boolean {
  const opened = /^\s*(\d)\.\s+\p{L}/u.exec(sentence)?.[1];
  return opened !== undefined && /^\d$/u.test(number) && Number(number) === Number(opened) + 1 && /\p{L}\s+$/u.test(sentence) && !ORDINAL_BEFORE.test(sentence);
}

/** A list marker ("1.", "2)", "b)") opening a sentence, before a word. */
/** A bullet opening a line of a list ("- Aufgaben", "• Adresse"). */
const BULLET = /^[-–•*·]\s+(?=\p{L})/u;

/** "(2) Welche Rolle …" opens a sentence with its marker in parentheses, as in numbered office mails. */
const LEADING_LIST_MARKER = /^(?:\d{1,2}|[a-e])[.)]\s+(?=\p{L})|^\((?:\d{1,2}|[a-e])\)\s+(?=\p{L})/u;

/**
 * Where the list marker ending at `close` (the ")" of "1)", "12)", "a)") starts, when it stands
 * alone between spaces and closes no parenthesis; otherwise undefined ("(Ruhrallee 9)", "KI(s)").
 */
function listMarkerStart(text: string, close: number): number | undefined {
  let start = close;
  while (start > 0 && start > close - 2 && isDigit(text.charCodeAt(start - 1))) start--;
  if (start === close && close > 0 && /[a-e]/u.test(text[close - 1]!)) start--;
  if (start === close) return undefined;
  // "(1) Wo sitzt die LaKI? (2) Wer fördert sie?": a marker in parentheses starts at its "(".
  const after = close + 1 >= text.length || isSpace(text.charCodeAt(close + 1));
  if (after && start > 0 && text.charCodeAt(start - 1) === OPENING_PARENTHESIS && (start === 1 || isSpace(text.charCodeAt(start - 2)))) return start - 1;
  const before = start === 0 || isSpace(text.charCodeAt(start - 1));
  if (!before || !after) return undefined;
  // "(Ruhrallee 9)" closes a parenthesis opened before it.
  const preceding = text.slice(0, start);
  const opened = preceding.split('(').length - preceding.split(')').length;
  return opened > 0 ? undefined : start;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `.`, `!`, `?` or `…`. */
function isEndMark(code: number): boolean {
  return code === PERIOD || code === EXCLAMATION || code === QUESTION || code === ELLIPSIS;
}

/** Whether a character (code unit) is white space as `/\s/` reads it. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === SPACE || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}
