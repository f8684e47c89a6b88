/**
 * Stage 1 of reading a message, third step: the phrases that say what a request is for ("Für unsere
 * Vorlage im Jugendhilfeausschuss …", "… für eine Präsentation im Schulausschuss") or the writer's
 * own matter it is about ("wegen einer Rückfrage zum Antrag"). Their nouns name the writer's
 * occasion, not the topic, so `sentences.ts` makes them context.
 */
import { words } from './chatWords';
import { fold } from './text';

/** Prepositions that open a phrase saying what a request is for ("Für unsere Vorlage …", "Zur Vorbereitung …"). */
const PURPOSE = /^(fur|zur|zum|wegen|bezuglich|betreffend|im rahmen|als vorbereitung)\s/u;

/** Request verbs in second position, after the phrase before them ("… benötige ich …"). */
const REQUEST_VERB_SECOND = /^(.+?)\s+((?:benötige|brauche|bräuchte|suche|hätte|wüsste|möchte|benötigen|brauchen|bräuchten|suchen|hätten|wüssten|möchten)\s+(?:ich|wir)\b.*)$/isu;

/**
 * Splits off the phrase a request starts with when it says what the request is for: "Für unsere
 * Vorlage im Jugendhilfeausschuss benötige ich den Namen …" → context "Für unsere Vorlage im
 * Jugendhilfeausschuss" and request "benötige ich den Namen …", so the purpose's words (unknown
 * committees, forward terms like "Vorlage") stay context.
 */
export function splitFrontedPurpose(sentence: string): [string | undefined, string] {
  const match = REQUEST_VERB_SECOND.exec(sentence);
  if (!match || !PURPOSE.test(fold(match[1]!))) return [undefined, sentence];
  return [match[1]!.trim(), match[2]!];
}

/**
 * A phrase inside an asked piece that says what the answer is for: "für unseren Verteiler", "für
 * eine Präsentation im Schulausschuss", "fuer die Dienstbesprechung". Its nouns name the writer's
 * occasion, not the topic (unknown committees, forward terms like "Vorlage"), so it is context.
 * A place or committee after it ("im Kreis Höxter") goes with it; a genitive ("… der
 * Handlungsfelder") may be the topic and stays.
 */
const PURPOSE_PHRASE = new RegExp(
  String.raw`(?:^|\s)(?:für|fuer|fur|fürs|fuers|furs|zur|zum)\s+(?:(?:eine[nmrs]?|ein|ne|nen|die|den|das|dem|der|unsere[nmrs]?|unser|meine[nmrs]?|mein|unsre[nmrs]?)\s+)?` +
    String.raw`(?:[\p{L}-]+\s+)?(?:[\p{L}-]*(?:vorlage|präsentation|praesentation|prasentation|bericht|verteiler|sitzung|besprechung|schreiben|vortrag|protokoll|newsletter|pressemitteilung|tagung|konferenz|ausschuss|kreistag|haushaltsberatungen?|vermerk|rundmail|rundschreiben|unterlagen|akte|dokumentation|broschüre|broschuere|broschure|aushang|handout|infoblatt|rundbrief|folien?|präsi|praesi|prasi|anschreiben|einladung)` +
    // Whole words only: an "Eigenbeitrag" or "Artikel 3" of a law is a topic, and so may be a "Beitrag".
    String.raw`|einleitung|text|artikel(?!\s*\d)|zeitungsartikel|fachartikel|fachbeitrag|zeitungsbeitrag|recherche|stellungnahme|steckbrief|hausarbeit|bachelorarbeit|masterarbeit|seminararbeit|abschlussarbeit|projektarbeit|facharbeit|studienarbeit|doktorarbeit)(?=[\s,.!?;:]|$)`,
  'iu',
);

/**
 * The place, committee or owner after a purpose ("… im Kreis Höxter", "… unserer
 * Dienstbesprechung", "… des Kreises Coesfeld"): a preposition, possessive or genitive of a
 * municipality and one or two capitalised words.
 */
const PURPOSE_PLACE =
  /^\s+(?:im|in der|in|beim|bei der|am|an der|unserer|unseres|meiner|meines|vom|von der|von unserem|von unserer|von meinem|von meiner|des Kreises|der Stadt|der Gemeinde)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*(?=[\s,.!?;:]|$))?/u;

/**
 * A question the writer has of their own, given as the reason of a request: "Telefonnummer der
 * LaKI bzgl. einer Frage zu unserem Projekt", "wegen einer Rückfrage zum Antrag". What the
 * question is about runs to the end of the clause and is the writer's matter, not the topic.
 */
const REASON_PHRASE =
  /(?:^|\s)(?:wegen|bzgl\.?|bezüglich|bezueglich|für|fuer|fur|mit)\s+(?:einer|eine|meiner|meine|unserer|unsere|ner|ne)\s+(?:kleinen\s+|kurzen\s+)?(?:frage|rückfrage|rueckfrage|ruckfrage|anfrage|nachfrage|anliegen)\b[^,.!?;:]*/iu;

/**
 * How long or in what form the writer wants the answer: "in 2-3 Sätzen", "in wenigen Worten", "in
 * ein paar Stichpunkten", "in one sentence". Its number is no fact asked about, its nouns no topic.
 */
const FORMAT_PHRASE =
  /(?:^|\s)(?:in|mit|in just)\s+(?:\d+(?:\s*[-–]\s*\d+)?|ein(?:em|igen)?\s+paar|wenigen|einem|zwei|drei|vier|fünf|fuenf|funf|a\s+few|one|two|three|a)\s+(?:(?:kurzen|knappen|einfachen|eigenen|short|simple)\s+)?(?:sätzen|saetzen|satzen|satz|worten|wörtern|woertern|wortern|zeilen|stichpunkten|stichworten|absätzen|absaetzen|absatzen|sentences?|words|lines|bullet\s+points)(?=[\s,.!?;:]|$)/iu;

/** A law's own text: its sentences and paragraphs are facts asked about ("Regelt § 7 die Förderung in 2 Absätzen?"). */
const LEGAL_TEXT = /§|paragra(?:ph|f)|gesetz|erlass|absatz|abs\./iu;

/** A verb asking to be told or given something: the phrase then says the answer's form ("… in 3 Sätzen zusammenfassen"). */
const TELLING = /(?<!\p{L})(?:zusammenfass|zusammengefass|erklär|erklaer|beschreib|sag|nenn|schreib|schick|gib|geb|darstell|formulier(?:e|en|st)?\b|bitte|explain|summari[sz]|tell|describe)/iu;

/** {@link FORMAT_PHRASE} in a text, unless it counts a law's sentences or paragraphs without asking to be told. */
function formatPhrase(text: string): RegExpExecArray | null {
  const match = FORMAT_PHRASE.exec(text);
  return match && LEGAL_TEXT.test(text) && !TELLING.test(text) ? null : match;
}

/** A text without the phrase from `start` to `end`, its spaces and a comma left before the end mended ("Was macht die LaKI, in zwei Sätzen?"). */
function without(text: string, start: number, end: number): string {
  return `${text.slice(0, start)} ${text.slice(end)}`
    .replace(/\s+([,.!?;:])/gu, '$1')
    .replace(/,+([.!?;:]|$)/gu, '$1')
    .replace(/\s{2,}/gu, ' ')
    .trim();
}

/** Splits the purpose phrase out of a piece: [the phrase, the piece without it]. */
export function splitPurposePhrase(text: string): [string | undefined, string] {
  const match = PURPOSE_PHRASE.exec(text) ?? REASON_PHRASE.exec(text);
  if (!match) return [undefined, text];
  let end = match.index + match[0].length;
  // "für einen Vortrag im Schulausschuss des Kreises Coesfeld": a committee and its owner.
  for (let place = 0; place < 2; place++) end += PURPOSE_PLACE.exec(text.slice(end))?.[0].length ?? 0;
  const rest = without(text, match.index, end);
  // A piece that is nothing but the purpose ("Für den Bericht:") stays as it is.
  return words(rest).length >= 2 ? [text.slice(match.index, end).trim(), rest] : [undefined, text];
}

/** Splits the phrase saying the answer's form out of a piece ({@link FORMAT_PHRASE}): [the phrase, the piece without it]. */
export function splitFormatPhrase(text: string): [string | undefined, string] {
  const match = formatPhrase(text);
  if (!match) return [undefined, text];
  const rest = without(text, match.index, match.index + match[0].length);
  return words(rest).length >= 2 ? [match[0].trim(), rest] : [undefined, text];
}

/** True when a text has a phrase that says what the answer is for, or the writer's own matter it is about. */
export function namesPurpose(text: string): boolean {
  return PURPOSE_PHRASE.test(text) || REASON_PHRASE.test(text) || formatPhrase(text) !== null;
}
