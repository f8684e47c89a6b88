/**
 * English members of the synonym groups, read by their English forms rather than by the German
 * stem. The analyzer stems every word with the German stemmer, which also cuts English words: "site"
 * (a member of the website group) becomes "sit", so "Where does the LaKI *sit*?" would ask for the
 * website. A stem that only English members of the groups give (no entry text and no German member
 * has it) therefore reads a question word only when that word is one of those members or an English
 * inflection of one ("sites", "centres", "advised"); any other word with that stem is another word.
 */
import type { WordPart } from './wordReader';

/** A word ending in one short vowel and one consonant that doubles before "-ing" and "-ed". */
const CLOSED_SYLLABLE = /(?:^|[^aeiou])[aeiou][bdglmnprt]$/;

/** Inflections of an English word, folded: plural, third person, past, gerund, and the singular of a plural. */
function englishForms(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`, `${word}d`, `${word}ed`, `${word}ing`];
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`);
  // A short final syllable doubles its consonant: "set" → "setting", "plan" → "planned".
  if (CLOSED_SYLLABLE.test(word)) forms.push(`${word}${word.at(-1)}ing`, `${word}${word.at(-1)}ed`);
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  else if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

/** How question words read against the English members of the synonym groups. */
export interface ForeignForms {
  /**
   * Whether a word (folded, with its stem) reads as that stem: false only for a stem that only
   * English members give, when the word is none of their forms ("sit" is not "site").
   */
  readsByStem(folded: string, stem: string): boolean;
  /** The stem of the English member a word inflects ("helped", "advising" → "help", "advis"), if any. */
  stemOfForm(folded: string): string | undefined;
}

/**
 * Reads the English members of the synonym groups by their English forms.
 *
 * @param members the words of every member of the synonym groups
 * @param entryStems the stems the knowledge base texts use
 * @param isGermanWord whether a word as written is German
 */
export function foreignForms(
  members: Iterable<WordPart>,
  entryStems: ReadonlySet<string>,
  isGermanWord: (written: string) => boolean,
): ForeignForms {
  const german = (written: string) => isGermanWord(written) || isGermanWord(written.charAt(0).toUpperCase() + written.slice(1));
  const open = new Set<string>();
  const bound = new Map<string, Set<string>>();
  const stems = new Map<string, string>();
  for (const part of members) {
    // Inflections the German stemmer leaves whole read as the member even when its stem is open
    // ("supporting" → "support", a German word too; "offered" → "offer", whose stem "off" the
    // entries' "offen" gives): the reader asks only for words that are not German as written.
    for (const form of englishForms(part.folded)) if (!stems.has(form)) stems.set(form, part.stem);
    if (entryStems.has(part.stem) || german(part.written)) {
      open.add(part.stem);
      continue;
    }
    const forms = bound.get(part.stem) ?? new Set<string>();
    for (const form of englishForms(part.folded)) forms.add(form);
    bound.set(part.stem, forms);
  }
  for (const stem of open) bound.delete(stem);
  return {
    readsByStem: (folded, stem) => bound.get(stem)?.has(folded) ?? true,
    stemOfForm: (folded) => stems.get(folded),
  };
}
