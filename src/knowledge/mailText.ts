/**
 * Stage 0 of reading a message: what the writer typed, without the furniture of office writing
 * pasted into the chat. A forwarded e-mail's marker and header lines ("---- Weitergeleitete
 * Nachricht ----", "Von: … Gesendet: … Betreff: AW: …"), the lines it quotes ("> …", "Am 03.12.
 * schrieb Frau X:"), the salutation line ("Sehr geehrte Damen und Herren,"), the signature after
 * the closing greeting ("Mit freundlichen Grüßen / i.A. Müller / Sachgebiet 51.2 / Tel. …"), an
 * addressing line or prefix ("z. Hd. LaKI:", "An die LaKI:", "@LaKI-Assistent") name no topic,
 * but their words would be read as the message's context and pull the ranking. Dictated
 * punctuation ("… wer berät uns fragezeichen") becomes the mark it names, and a question put in
 * parentheses ("Für die Vorlage (wo sitzt die LaKI eigentlich?) brauche ich …") a sentence of its
 * own. Pure text to text.
 */
import { REGARDS_ABBREVIATIONS, REGARDS_ADJECTIVES, SALUTATION } from './greetings';

/** Anything this module might change: a line break, a quote or mention sign, an addressing or a dictated mark. Most messages have none (no `u` flag: tested on every message, and ASCII-only but for "ä"). */
const MAY_CARRY_FURNITURE = /[\n>@]|\?\)|z\.\s?hd|zu h(?:ä|ae)nden|^an d(?:ie|as|en)\s|fragezeichen|komma|punkt/i;

/** The marker line opening a forwarded or replied-to e-mail. */
const FORWARD_MARKER =
  /^[\s\-–—_*=]*(?:weitergeleitete nachricht|ursprüngliche nachricht|urspruengliche nachricht|original message|forwarded message|anfang der weitergeleiteten (?:nachricht|e-mail))[\s\-–—_*=:]*$/iu;

/** A header line of an e-mail ("Von: …", "Gesendet: …", "Betreff: AW: …", "Subject: RE: …"). */
const HEADER_LINE = /^(?:von|gesendet|an|cc|bcc|datum|betreff|from|sent|to|date|subject|wichtigkeit|importance)\s*:/iu;

/** A quoted line ("> …", ">> …"). */
const QUOTED_LINE = /^\s*>/u;

/** The line introducing a quote ("Am 03.12. schrieb Frau Yilmaz:", "Herr Özdemir schrieb am 28.11.:", "On Mon, … wrote:"). */
const ATTRIBUTION_LINE = /^[^?]{0,120}\b(?:schrieb|wrote)\b[^?]{0,60}:\s*$/iu;

/**
 * A line that only greets at the start ("Sehr geehrte Damen und Herren,", "Liebe Kolleg*innen,",
 * "Guten Tag Frau Rimbach,", "Hallo liebes LaKI-Team,"): a salutation and at most a few words of
 * address, no question.
 */
const SALUTATION_LINE = new RegExp(String.raw`^(?:${SALUTATION})\b[^?.!:;,\n]{0,50}[,!]?\s*$`, 'iu');

/** Most words of a salutation line ("Sehr geehrte Damen und Herren,"). */
const SALUTATION_WORDS = 7;

/**
 * A line that only closes with a greeting ("Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße
 * aus Herne", "Danke & Gruß", "Danke und VG", "MfG", "LG Tanja"): what follows is the signature.
 * "BG" too, on a line of its own (see {@link REGARDS_ABBREVIATIONS}).
 */
const CLOSING_LINE = new RegExp(
  String.raw`^(?:(?:vielen )?dank(?:e)?(?:\s*(?:&|und|,)\s*|\s+)(?:viele |beste |liebe )?)?(?:mit (?:den )?(?:freundlichen|besten|kollegialen|herzlichen) grü(?:ß|ss)en|(?:${REGARDS_ADJECTIVES.join('|')}) grü(?:ß|ss)e|grü(?:ß|ss)e|gru(?:ß|ss)|${REGARDS_ABBREVIATIONS.join('|')}|bg|best regards|kind regards|regards|cheers)(?!\p{L})[^?]{0,40}$`,
  'iu',
);

/** The conventional signature delimiter line ("--", "-- "). */
const SIGNATURE_DELIMITER = /^--\s*$/u;

/**
 * An addressing prefix of a line ("z. Hd. LaKI:", "z.Hd. Koordinierungsstelle", "An die LaKI:", "Zu
 * Händen der LaKI –", "@LaKI-Assistent"); "An die Schulen: …" names whom the question is about.
 */
const ADDRESSING_PREFIX = /^(?:(?:z\.\s?hd\.?|zu h(?:ä|ae)nden)\s+(?:(?:der|des|von|an)\s+)?[^\s:,–—-]+(?:\s+[^\s:,–—-]+)?\s*(?:[:,–—-]\s*|$)|an (?:die|das|den)\s+(?:[^\s:]+\s+)?[^\s:]*(?:laki|koordinierungsstelle|team|assistent|kolleg)[^\s:]*\s*:\s*|@\S+[\s,:]*)/iu;

/** A question in parentheses inside a sentence. */
const PARENTHESISED_QUESTION = /\s*\(([^()\n]{6,200}\?)\)\s*/gu;

/** Words a speaker says for a mark when dictating, and the mark they name. */
const DICTATED_MARKS: ReadonlyArray<[RegExp, string]> = [
  [/\s*\b(?:neuer absatz|neue zeile|absatz)\b\s*/giu, '\n'],
  [/\s*\bfragezeichen\b/giu, '?'],
  [/\s*\bausrufezeichen\b/giu, '!'],
  [/\s*\bdoppelpunkt\b/giu, ':'],
  [/\s*\bkomma\b/giu, ','],
  // "der Punkt", "zum Punkt 3": the noun, not the mark.
  [/(?<!\b(?:der|den|dem|des|zum|im|am|ein|einen|einem|einer|diesen|diesem|jeden|wichtiger|wichtigen|nächsten|letzten)) *\bpunkt\b(?!\s*\d)/giu, '.'],
];

/** A word said for a mark that nobody types otherwise: the message was dictated. */
const DICTATED = /\b(?:fragezeichen|ausrufezeichen|doppelpunkt|komma|neuer absatz|neue zeile)\b|\bpunkt\s*$/iu;

/**
 * The message as the writer typed it, without e-mail furniture; see the module comment. Returns the
 * text unchanged when it has none, and never an empty text for a non-empty message.
 */
export function plainMessage(message: string): string {
  if (!MAY_CARRY_FURNITURE.test(message)) return message;
  let text = undictated(message);
  if (text.includes('\n') || text.includes('>')) text = withoutMailLines(text);
  // "Für die Vorlage (wo sitzt die LaKI eigentlich?) brauche ich …": the question is a sentence of its own.
  if (text.includes('?)')) text = text.replace(PARENTHESISED_QUESTION, (all, question: string) => (question.trim().split(/\s+/u).length >= 3 ? `\n${question.trim()}\n` : all));
  const addressed = ADDRESSING_PREFIX.exec(text.trimStart());
  if (addressed) {
    const rest = text.trimStart().slice(addressed[0].length).trimStart();
    if (/\p{L}/u.test(rest)) text = rest;
  }
  return text;
}

/** A dictated message ("hallo frage zum ki punkt wer berät uns fragezeichen") with the marks its words name. */
function undictated(message: string): string {
  // Only a message typed without a single mark: a typed "Komma" or "Punkt" is a word.
  if (/[.?!,:;]/u.test(message) || !DICTATED.test(message)) return message;
  let text = message;
  for (const [said, mark] of DICTATED_MARKS) text = text.replace(said, mark);
  return text.replace(/([.?!:,])(?=\p{L})/gu, '$1 ');
}

/** The lines of a message the writer typed: no forward marker, header, quote, salutation, signature or addressing line. */
function withoutMailLines(message: string): string {
  const lines = message.replace(/\r\n?/gu, '\n').split('\n');
  const kept: string[] = [];
  let closed = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (closed) break;
    if (FORWARD_MARKER.test(line) || HEADER_LINE.test(line) || QUOTED_LINE.test(line) || ATTRIBUTION_LINE.test(line)) continue;
    // The closing greeting and the signature under it, unless something is still asked after it.
    if ((CLOSING_LINE.test(line) || SIGNATURE_DELIMITER.test(line)) && kept.some((k) => /\p{L}/u.test(k)) && !lines.slice(index + 1).some((rest) => rest.includes('?'))) {
      closed = true;
      continue;
    }
    if (SALUTATION_LINE.test(line) && line.split(/\s+/u).length <= SALUTATION_WORDS) continue;
    if (ADDRESSING_PREFIX.test(line) && !/\p{L}/u.test(line.replace(ADDRESSING_PREFIX, ''))) continue;
    kept.push(lines[index]!);
  }
  const text = kept.join('\n').trim();
  if (/\p{L}/u.test(text)) return text;
  // Nothing typed but a quote ("> Wer fördert die LaKI?"): the quote is the message.
  const quoted = lines.filter((line) => QUOTED_LINE.test(line)).map((line) => line.replace(/^\s*(?:>\s*)+/u, ''));
  return quoted.length > 0 ? quoted.join('\n').trim() : message;
}
