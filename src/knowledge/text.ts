/**
 * German text normalisation shared by indexing and querying: case and umlaut folding,
 * word splitting (hyphenated compounds), stopwords and stemming. Pure functions, no state
 * besides frozen word lists.
 */
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { deu as germanStopwords } from 'stopword';

/**
 * Lower-cases and folds spelling variants so that "Übergang", "Uebergang" and "ubergang" meet:
 * ä/ae → a, ö/oe → o, ü/ue → u, ß → ss. Applied to both sides, so words that naturally contain
 * "ue" ("neue") fold the same way everywhere and still match.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * A written word. Hyphenated compounds ("Rucksack-Kita", "KI-Mitarbeitende") keep their parts
 * as separate words and their joined form ("rucksackkita") as an extra spelling, because users
 * write them both ways.
 */
export interface Word {
  readonly parts: readonly string[];
  readonly joined?: string;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐‑–/][\p{L}\p{N}]+)*/gu;

/** Splits folded text into words; "§" becomes the word "paragraph" so "§ 7" is searchable. */
export function splitWords(foldedText: string): Word[] {
  const text = foldedText.replace(/§/g, ' paragraph ');
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const parts = match[0].split(/[-‐‑–/]/).filter(Boolean);
    words.push(parts.length > 1 ? { parts, joined: parts.join('') } : { parts });
  }
  return words;
}

/** Snowball German stemmer on folded words ("schulen" → "schul", "beratung" → "berat"). */
export function stem(foldedWord: string): string {
  if (/^\d+$/.test(foldedWord)) return foldedWord;
  return germanStemmer(foldedWord);
}

/**
 * Words with no topic meaning in a chat question: greetings, politeness, filler. They are
 * stopwords in addition to the stopword package's German list.
 */
const CHAT_FILLERS = [
  'hallo', 'moin', 'servus', 'hi', 'hey', 'huhu', 'guten', 'morgen', 'abend', 'tag', 'liebe', 'lieber',
  'gruss', 'grusse', 'danke', 'dank', 'vielen', 'bitte', 'kurze', 'kurz', 'frage', 'fragen', 'mal',
  'eigentlich', 'genau', 'gerne', 'gern', 'brauche', 'brauchte', 'mochte', 'wurde', 'wurden', 'wissen',
  'erfahren', 'info', 'infos', 'information', 'informationen', 'neu', 'kollege', 'kollegin', 'kollegen',
  'leider', 'ok', 'okay', 'ja', 'nein', 'super', 'toll', 'prima', 'eure', 'euer', 'euch', 'ihr', 'du',
  'dir', 'dich', 'sagen', 'sag', 'erklaren', 'erklar', 'bescheid', 'vorab', 'irgendwie', 'gibts',
  'lautet', 'lauten', 'heisst', 'nennen', 'finde', 'finden', 'gilt', 'gelten', 'sein', 'ware',
  'please', 'the', 'is', 'are', 'what', 'of', 'to', 'for', 'a', 'an', 'and', 'in', 'on', 'do', 'does',
  'can', 'i', 'you', 'me', 'my', 'how', 'which', 'tell', 'about', 'there', 'we', 'our', 'it',
];

/**
 * Words the stopword package lists but that carry meaning in questions to LaKI ("Wie hoch ist
 * die Förderung pro Jahr?"). Keeping them lets the matcher notice what a question is about.
 */
const MEANINGFUL = [
  'jahr', 'jahre', 'jahren', 'hoch', 'zeit', 'mensch', 'menschen', 'recht', 'tage', 'ende', 'wann',
  'viele', 'gross', 'grosse', 'heute', 'lange', 'gut', 'ersten', 'schule',
];

/** Folded German stopwords plus chat fillers, minus the {@link MEANINGFUL} words. */
export const STOPWORDS: ReadonlySet<string> = (() => {
  const keep = new Set(MEANINGFUL);
  const words = [...germanStopwords, ...CHAT_FILLERS].map(fold).filter((word) => !keep.has(word));
  return new Set(words);
})();

/** True when a folded word carries no topic meaning. */
export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord) || (foldedWord.length < 2 && !/\d/.test(foldedWord));
}
