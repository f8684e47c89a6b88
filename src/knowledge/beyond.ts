/**
 * Follow-ups that ask beyond what the last answer says (read in `followUp.ts`): a reason ("und
 * warum?"), what comes next ("und danach?"), more detail ("und wie genau?", "ok, und im Sport
 * konkret?") or what a person it names does ("was macht Herr Buchholt?"). Read with the last
 * answer's topic such a part finds that answer again, which tells nothing new: unless the answer
 * gives what is asked (a reason it states), the knowledge does not say.
 */
import { HOW_INTERROGATIVES, INTERROGATIVES, REASON_INTERROGATIVES, words } from './chatWords';

/** What a follow-up asks beyond the last answer. */
export type BeyondAsk = 'reason' | 'sequence' | 'detail' | 'means' | 'person';

/** Words asking what comes next or first, folded ("danach" as "according to it" asks no time, but then the answer differs). */
const SEQUENCE = new Set(['danach', 'anschliessend', 'hinterher', 'spater', 'davor', 'vorher', 'zuerst', 'zunachst', 'afterwards', 'next']);

/** Words asking for more detail, folded; "im Einzelnen", "im Detail" as two words. */
const DETAIL = new Set(['genau', 'genauer', 'konkret', 'konkreter', 'naher', 'ausfuhrlicher', 'detailliert', 'exactly', 'specifically']);
const DETAIL_PHRASE = /(?:^|\s)(?:im\s+(?:einzelnen|detail)|in\s+detail)(?=\s|$)/u;

/** Asking what something is called or means ("wie heißt das Gesetz genau?"): the answer names it. */
const NAMING = new Set(['heisst', 'heissen', 'hiess', 'lautet', 'lauten', 'nennt', 'nennen', 'name', 'bedeutet', 'gemeint', 'called', 'mean', 'means']);

/**
 * "wie machen die das?", "und wie schaffen sie das eigentlich?": how, a verb of doing, and nothing
 * but pronouns and particles — the way the last answer's aim is reached, folded.
 */
const DOING = new Set(['machen', 'macht', 'tun', 'tut', 'schaffen', 'schafft', 'erreichen', 'erreicht', 'do', 'does']);
const MEANS_FRAME = new Set(['und', 'wie', 'how', 'die', 'sie', 'das', 'es', 'er', 'ihr', 'denn', 'eigentlich', 'dann', 'so', 'they', 'it', 'that', 'this']);

/** "Herr Buchholt", "Frau Rimbach", "Dr. Buchholt": a person named by title, folded. */
const TITLES = new Set(['herr', 'herrn', 'frau', 'dr', 'mr', 'mrs', 'ms']);

/** What a named person does or is responsible for: "was macht …", "wofür ist … zuständig", folded. */
const ROLE = new Set(['macht', 'tut', 'wofur', 'zustandig', 'aufgabe', 'aufgaben', 'does', 'responsible']);

/** Any word asking a reason, as a plain pattern: the cheap test before the words are read. */
const REASON_HINT = /warum|wieso|weshalb|weswegen|why/i;

/**
 * True when a part asks a reason ("Weshalb wird die LaKI von zwei Ministerien gefördert?", "Why is
 * the LaKI in Dortmund?"): asked why, an entry telling what or where answers another question.
 */
export function asksReason(text: string): boolean {
  return REASON_HINT.test(text) && words(text).some((word) => REASON_INTERROGATIVES.has(word));
}

/** What the part asks beyond what it names, if anything (see the file comment). */
export function asksBeyond(text: string): BeyondAsk | undefined {
  const list = words(text);
  if (list.some((word) => REASON_INTERROGATIVES.has(word))) return 'reason';
  if (list.some((word) => SEQUENCE.has(word))) return 'sequence';
  if (list.some((word, index) => TITLES.has(word) && index + 1 < list.length) && list.some((word) => ROLE.has(word))) return 'person';
  const asked = list.filter((word) => INTERROGATIVES.has(word));
  // A detail follow-up opens with "wie"/"how" or none ("und im Sport konkret?"); another question word asks a fact of its own ("gegenüber wem genau?").
  if (asked.every((word) => HOW_INTERROGATIVES.has(word)) && !list.some((word) => NAMING.has(word)) && (list.some((word) => DETAIL.has(word)) || DETAIL_PHRASE.test(list.join(' ')))) return 'detail';
  if (asked.length > 0 && list.some((word) => DOING.has(word)) && list.every((word) => DOING.has(word) || MEANS_FRAME.has(word))) return 'means';
  return undefined;
}

/**
 * A reason or purpose an answer states: "weil", "deshalb", "damit", "mit dem Ziel", "um … zu", and
 * what a thing serves ("sollen zu mehr Transparenz *beitragen*", "*dient* dem Austausch").
 */
const STATES_REASON = /(?<!\p{L})(?:weil|denn|deshalb|deswegen|daher|darum|damit|ziel|zielt|beitragen|beiträgt|dient|dienen|um\s+(?:\p{L}+\s+){0,6}zu\s+\p{L})/iu;

/** The way something is done that an answer states: "indem", "durch", "mit Hilfe von", "by". */
const STATES_MEANS = /(?<!\p{L})(?:indem|durch|mittels|mithilfe|mit\s+hilfe)(?!\p{L})/iu;

/** True when an answer gives what `asked` asks: only a reason or the way it is done can an answer state in passing. */
export function answerGives(asked: BeyondAsk, answer: string): boolean {
  if (asked === 'means') return STATES_MEANS.test(answer);
  return asked === 'reason' && STATES_REASON.test(answer);
}
