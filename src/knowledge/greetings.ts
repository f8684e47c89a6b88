/**
 * The words with which writers greet, thank and close, in one place: a chat line ("Hallo, …",
 * "Danke!"), an e-mail's salutation and closing lines ("Sehr geehrte Damen und Herren,", "Mit
 * freundlichen Grüßen"), a message typed without punctuation ("hallo kurze frage … danke gruß aus
 * bielefeld"). None of them names a topic. Read by `mailText.ts` (the salutation and closing lines
 * of an e-mail, as written), `clauses.ts` (a salutation before a comma), `sentences.ts` (a closing
 * greeting is courtesy), `sentenceSplit.ts` (the greeting that opens and the thanks that close a
 * run-on message), `chatWords.ts` (courtesy words) and `text.ts` (chat fillers, stopwords).
 *
 * Words are folded (`fold`: lower case, "ü" → "u", "ß" → "ss"); the pattern sources are written
 * as the writer types them ("grüß gott") and read folded through {@link foldedSource}.
 */

/** Words that greet at the start ("Hallo", "Moin", "Servus", "Tach", "Hello", "Dear"), folded. */
export const GREETINGS: readonly string[] = ['hallo', 'hi', 'hey', 'moin', 'servus', 'tach', 'hello', 'dear'];

/** The times of day of "Guten Tag / Morgen / Abend", folded. */
export const TIMES_OF_DAY: readonly string[] = ['tag', 'morgen', 'abend'];

/**
 * A salutation opening a message or an e-mail ("Sehr geehrte Frau Dr. Schmidt", "Liebes LaKI-Team",
 * "Hallo zusammen", "Guten Tag", "Grüß Gott"): its first words, as written; a pattern's source
 * without groups, to be read case-insensitively.
 */
export const SALUTATION = String.raw`sehr geehrte[rs]?|liebe[rs]?|${GREETINGS.join('|')}|grüß gott|guten (?:${TIMES_OF_DAY.join('|')})`;

/** Adjectives of a closing greeting ("*Viele* Grüße", "*Beste* Grüße", "*Kollegiale* Grüße"), as written. */
export const REGARDS_ADJECTIVES: readonly string[] = ['viele', 'liebe', 'beste', 'herzliche', 'freundliche', 'schöne', 'kollegiale', 'sonnige'];

/** The nouns of a closing greeting ("Gruß", "Grüße"), folded. */
export const REGARDS: readonly string[] = ['gruss', 'grusse'];

/**
 * The closing greeting's abbreviations ("MfG", "LG", "VG"), folded. "BG" closes an e-mail only on a
 * line of its own (`mailText.ts`): inside a sentence it is as often the Berufsgenossenschaft.
 */
export const REGARDS_ABBREVIATIONS: readonly string[] = ['mfg', 'lg', 'vg'];

/** Words that thank at the end of a message ("danke", "dankeschön", "thanks", "thx"), folded; "vielen Dank" is two words. */
export const THANKS: readonly string[] = ['danke', 'dankeschon', 'thanks', 'thx'];

/** A pattern's source as it reads folded text: its umlauts and "ß" as `fold` writes them ("grüß" → "gruss"). */
export function foldedSource(source: string): string {
  return source.replace(/ä/gu, 'a').replace(/ö/gu, 'o').replace(/ü/gu, 'u').replace(/ß/gu, 'ss');
}
