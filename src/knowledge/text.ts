/**
 * German text normalisation shared by indexing and querying: case and umlaut folding,
 * word splitting (hyphenated compounds), stopwords and stemming. Pure functions, no state
 * besides frozen word lists.
 */
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { deu as germanStopwords, eng as englishStopwords } from 'stopword';
import { GREETINGS, REGARDS, TIMES_OF_DAY } from './greetings';

const PLAIN_GERMAN = /^[\x00-\x7fäöüÄÖÜß]*$/;
const UMLAUT = /[äöüß]/g;
const UMLAUT_FOLDS: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/**
 * Lower-cases and folds umlauts so that "Übergang" and "ubergang" meet: ä → a, ö → o, ü → u,
 * ß → ss, other accents dropped. The digraph spellings ("Uebergang") are handled by
 * {@link foldDigraphs}, which the analyzer only tries for words it does not know, because
 * folding "ue" everywhere would break real words ("bauen", "neue").
 */
export function fold(text: string): string {
  // Plain German text (ASCII, umlauts, ß) is stable under NFKC and NFD and has no combining
  // marks: lower-casing and replacing the umlauts is all the full path below would do.
  if (PLAIN_GERMAN.test(text)) return text.toLowerCase().replace(UMLAUT, (umlaut) => UMLAUT_FOLDS[umlaut]!);
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** "uebergang" → "ubergang": the umlaut spelled as a digraph, folded like the umlaut. */
export function foldDigraphs(foldedWord: string): string {
  return foldedWord.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/**
 * The umlaut digraphs of a word typed without umlauts, where they can only be umlauts: at the
 * start or after a consonant ("fuer", "koennt", "waer"), not after a vowel ("neue", "bauen").
 * Null when the word has none.
 */
export function consonantDigraphsFolded(foldedWord: string): string | null {
  // Most words have no "ae", "oe" or "ue" at all: a plain search is much cheaper than the replace.
  if (!foldedWord.includes('ae') && !foldedWord.includes('oe') && !foldedWord.includes('ue')) return null;
  const folded = foldedWord.replace(/(^|[^aeiouy])([aou])e/g, '$1$2');
  return folded === foldedWord ? null : folded;
}

/**
 * A written word, folded. Hyphenated compounds ("Rucksack-Kita", "KI-Mitarbeitende") keep their
 * parts as separate words and their joined form ("rucksackkita") as an extra spelling, because
 * users write them both ways.
 */
export interface Word {
  readonly parts: readonly string[];
  /** The parts as written (umlauts and case intact), for the German dictionary. */
  readonly written: readonly string[];
  readonly joined?: string;
  /**
   * How the word was written: German capitalises nouns, so a capitalised word inside a
   * sentence is most likely a noun ('noun'), a lower-case one in a text that uses capitals is
   * not ('lower'); the first word of a sentence or any word of an all-lower-case text tells
   * nothing ('unclear').
   */
  readonly casing: 'noun' | 'lower' | 'unclear';
  /** Index of the clause (split at punctuation) the word belongs to. */
  readonly clause: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐‑–/][\p{L}\p{N}]+)*/gu;
const HYPHEN = /[-‐‑–/]/;
const SENTENCE_END_GAP = /[.!?:;"„“(–-]\s*$/u;
const CLAUSE_GAP = /[.!?:;,–()]/u;
const ABBREVIATION_PLURAL = /\p{Lu}\p{Lu}s(?:$|[-‐‑–/])/u;

/**
 * Splits text into folded words; "§" becomes the word "paragraph" so "§ 7" is searchable.
 * Indexing a large knowledge base runs this over every text, so the common case (a plain word
 * after a single space) takes the short path.
 */
export function splitWords(rawText: string): Word[] {
  const words: Word[] = [];
  eachWord(rawText, (raw, casing, clause) => {
    const forms = formsOf(raw);
    words.push(forms.joined ? { parts: forms.parts, written: forms.written, joined: forms.joined, casing, clause } : { parts: forms.parts, written: forms.written, casing, clause });
  });
  return words;
}

/**
 * Visits the written words of a text as {@link splitWords} finds them, each as written (the
 * key of {@link formsOf}), without building the word objects: reading a question looks its
 * words up by how they are written.
 */
export function eachWord(rawText: string, visit: (raw: string, casing: Word['casing'], clause: number) => void): void {
  const text = normalizeText(rawText);
  const gaps = new WordGaps(text);
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const casing = gaps.next(raw, match.index);
    visit(raw, casing, gaps.clause);
  }
}

/**
 * How {@link eachWord} tells each word's casing and clause from the text between it and the
 * word before: given the words of a text in order with their places, `next` returns a word's
 * casing and `clause` is then its clause. Shared with reading a message once
 * (`messageWords.ts`), which knows its pieces' words and places without scanning them again.
 */
export class WordGaps {
  /** Index of the clause (split at punctuation) of the word last given to {@link next}. */
  clause = 0;
  private readonly usesCapitals: boolean;
  private previousEnd = 0;
  private sentenceStart = true;

  constructor(private readonly text: string) {
    this.usesCapitals = /\p{Lu}/u.test(text) && text !== text.toUpperCase();
  }

  /** The casing of the word `raw` found at `start`, the word after the one given before. */
  next(raw: string, start: number): Word['casing'] {
    const { text, previousEnd } = this;
    if (previousEnd > 0) {
      if (start - previousEnd === 1 && text.charCodeAt(previousEnd) === 32) {
        this.sentenceStart = false;
      } else {
        const gap = text.slice(previousEnd, start);
        this.sentenceStart = SENTENCE_END_GAP.test(gap);
        if (CLAUSE_GAP.test(gap)) this.clause++;
      }
    }
    this.previousEnd = start + raw.length;
    return !this.usesCapitals || this.sentenceStart ? 'unclear' : isUpperCaseInitial(raw) ? 'noun' : 'lower';
  }
}

/** {@link WORD} for {@link placedWords} alone, read with `exec`: `matchAll` copies the pattern on every call. */
const PLACED_WORD = new RegExp(WORD.source, WORD.flags);

/**
 * The written words of a text with their places, as {@link eachWord} finds them, when normalising
 * leaves the text and every piece of it as it is (plain characters, no "§" or "Paragraph"), so
 * that a piece's words are exactly those that lie inside it; undefined otherwise.
 */
export function placedWords(text: string): { readonly raws: string[]; readonly starts: number[] } | undefined {
  if (!NFKC_STABLE.test(text) || text.includes('§') || PARAGRAPH_LETTERS.test(text)) return undefined;
  const raws: string[] = [];
  const starts: number[] = [];
  PLACED_WORD.lastIndex = 0;
  for (let match = PLACED_WORD.exec(text); match !== null; match = PLACED_WORD.exec(text)) {
    raws.push(match[0]);
    starts.push(match.index);
  }
  return { raws, starts };
}

/** A written word's folded parts, as written, and the joined spelling of a hyphenated compound. */
export interface WordForms {
  readonly parts: readonly string[];
  readonly written: readonly string[];
  readonly joined?: string;
}

const CLAUSE_END = /[.!?:;,–()]/u;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Whether a code point below 0x10000 is a word character of {@link WORD} (`\p{L}`, `\p{N}`): 0 not yet known, 1 yes, 2 no. */
const bmpWordChars = new Uint8Array(0x10000);

function isWordCodePoint(code: number): boolean {
  if (code < 0x10000) {
    let known = bmpWordChars[code]!;
    if (known === 0) bmpWordChars[code] = known = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }
  return LETTER_OR_NUMBER.test(String.fromCodePoint(code));
}

/** The separators {@link WORD} allows inside a word: - ‐ ‑ – / */
function isWordHyphen(code: number): boolean {
  return code === 45 || code === 47 || code === 0x2010 || code === 0x2011 || code === 0x2013;
}

/** The characters of {@link CLAUSE_END} (and of the clause gaps `splitWords` counts): . ! ? : ; , – ( ) */
function isClauseMark(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 58 || code === 59 || code === 44 || code === 0x2013 || code === 40 || code === 41;
}

/** Code units of the code point at `index` (2 for a surrogate pair). */
function width(code: number): number {
  return code > 0xffff ? 2 : 1;
}

/**
 * Visits every written word of a text (the matches of {@link WORD}) with whether a clause ends
 * right after it: `endsClause` when the next character after spaces is a clause mark,
 * `breaksClause` when anything up to the next word contains one or no word follows (as
 * `splitWords` numbers clauses). The pass indexing uses: one walk over the characters, no
 * regular expression per word.
 */
export function scanWords(rawText: string, visit: (raw: string, endsClause: boolean, breaksClause: boolean) => void): void {
  const text = normalizeText(rawText);
  const length = text.length;
  let i = 0;
  let pending: string | undefined;
  let pendingEnds = false;
  let gapBreaks = false;
  while (i < length) {
    const code = text.codePointAt(i)!;
    if (!isWordCodePoint(code)) {
      if (pending !== undefined && isClauseMark(code)) gapBreaks = true;
      i += width(code);
      continue;
    }
    const start = i;
    i += width(code);
    for (;;) {
      while (i < length) {
        const next = text.codePointAt(i)!;
        if (!isWordCodePoint(next)) break;
        i += width(next);
      }
      // A hyphen or slash continues the word only when a letter or digit follows it.
      if (i + 1 < length && isWordHyphen(text.charCodeAt(i)) && isWordCodePoint(text.codePointAt(i + 1)!)) {
        i++;
        continue;
      }
      break;
    }
    if (pending !== undefined) visit(pending, pendingEnds, gapBreaks);
    pending = text.slice(start, i);
    let next = i;
    while (next < length && text.charCodeAt(next) === 32) next++;
    pendingEnds = next >= length || isClauseMark(text.charCodeAt(next));
    gapBreaks = false;
  }
  if (pending !== undefined) visit(pending, pendingEnds, true);
}

/** Characters NFKC leaves as they are: checking for them is much cheaper than normalising. */
const NFKC_STABLE = /^[\t\n\r\x20-\x7eäöüÄÖÜß–—„“”‚‘’]*$/u;

/** "§ 7", "§§ 7", "Paragraph 7", "Paragraphen 7": a paragraph number. */
const PARAGRAPH_NUMBER = /(?:§+|\bparagraph(?:en|s)?)\s*(\d+)/giu;
const PARAGRAPH_WORD = /\bparagraph/iu;
/**
 * A cheap test that must pass before {@link PARAGRAPH_WORD} can: "paragraph" has no letter whose
 * Unicode case folding differs from ASCII, and every word boundary of the Unicode pattern is one
 * of this one too.
 */
const PARAGRAPH_LETTERS = /paragraph/i;

function normalizeText(rawText: string): string {
  const text = NFKC_STABLE.test(rawText) ? rawText : rawText.normalize('NFKC');
  if (!text.includes('§') && !(PARAGRAPH_LETTERS.test(text) && PARAGRAPH_WORD.test(text))) return text;
  // "§ 9" is one fact: it becomes the word "paragraph9", so it meets only "§ 9" in the knowledge
  // and never the 9 of "Ruhrallee 9"; an unknown paragraph is an unknown number (declined).
  return text.replace(PARAGRAPH_NUMBER, ' Paragraph paragraph$1 ').replace(/§/g, ' Paragraph ');
}

const wordForms = new Map<string, WordForms>();

/** Memoised: a knowledge base repeats its words thousands of times. */
export function formsOf(raw: string): WordForms {
  let forms = wordForms.get(raw);
  if (forms) return forms;
  const singular = raw.length > 2 && raw.endsWith('s') && ABBREVIATION_PLURAL.test(raw) ? singularAbbreviation(raw) : raw;
  const folded = fold(singular);
  if (!HYPHEN.test(raw)) {
    forms = { parts: [folded], written: [singular] };
  } else {
    const parts = folded.split(HYPHEN).filter(Boolean);
    const written = singular.split(HYPHEN).filter(Boolean);
    forms = parts.length > 1 ? { parts, written, joined: parts.join('') } : { parts, written };
  }
  if (wordForms.size >= MAX_CACHED_WORDS) wordForms.clear();
  wordForms.set(raw, forms);
  return forms;
}

function isUpperCaseInitial(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/**
 * "KIs", "LaKIs", "MSOs" → "KI", "LaKI", "MSO": an abbreviation (ending in two capitals) keeps its
 * meaning with a plural or genitive "s" ("KI's" splits at the apostrophe by itself).
 */
function singularAbbreviation(raw: string): string {
  return raw.replace(/(\p{Lu}\p{Lu})s(?=$|[-‐‑–/])/gu, '$1');
}

const MAX_CACHED_WORDS = 100_000;
const stems = new Map<string, string>();

/** Memoises a pure word function: indexing thousands of entries meets the same words again and again. */
function cached(cache: Map<string, string>, word: string, compute: (word: string) => string): string {
  let value = cache.get(word);
  if (value === undefined) {
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    value = compute(word);
    cache.set(word, value);
  }
  return value;
}

/** Snowball German stemmer on folded words ("schulen" → "schul", "beratung" → "berat"). */
export function stem(foldedWord: string): string {
  if (/^\d+$/.test(foldedWord)) return foldedWord;
  const own = OWN_STEMS.exec(foldedWord);
  if (own) return own[1]!;
  return cached(stems, foldedWord, germanStemmer);
}

/**
 * Adjectives whose "-lich" the stemmer would cut to another word's stem: "verbindlich" (binding,
 * prescribed) is not "verbinden" (to join); group 1 is the stem they keep.
 */
const OWN_STEMS = /^(verbindlich)(?:e|en|er|es|em)?$/u;

/**
 * Words with no topic meaning in a chat question: greetings (`greetings.ts`), politeness, filler.
 * They are stopwords in addition to the stopword package's German list.
 */
const CHAT_FILLERS = [
  ...GREETINGS, 'huhu', 'guten', ...TIMES_OF_DAY, 'liebe', 'lieber',
  'schonen', 'schone', 'schoner', 'schones',
  ...REGARDS, 'danke', 'dank', 'vielen', 'bitte', 'kurze', 'kurz', 'frage', 'fragen', 'mal',
  'eigentlich', 'genau', 'gerne', 'gern', 'brauche', 'brauchte', 'mochte', 'wurde', 'wurden', 'wissen',
  'erfahren', 'info', 'infos', 'information', 'informationen', 'neu', 'kollege', 'kollegin', 'kollegen',
  'leider', 'ok', 'okay', 'ja', 'nein', 'super', 'toll', 'prima', 'eure', 'euer', 'euch', 'ihr', 'du',
  'dir', 'dich', 'sagen', 'sag', 'erklaren', 'erklar', 'bescheid', 'vorab', 'irgendwie', 'gibts',
  'wozu', 'warum', 'wieso', 'weshalb', 'weswegen', 'anfrage', 'anfragen', 'anliegen',
  'lautet', 'lauten', 'heisst', 'nennen', 'angeben', 'finde', 'finden', 'gilt', 'gelten', 'sein', 'ware',
  // Words that make a statement a request and name no topic ("Benötige …", "Wäre nett, wenn Sie
  // mir … mitteilen", "Hätte gern gewusst, …"); the sentence stage reads them as the request.
  'benotige', 'benotigen', 'benotigt', 'benotigte', 'benotigten', 'brauch', 'brauchten', 'suche', 'suchen',
  'wusste', 'gewusst', 'mitteilen', 'mitteilt', 'auskunft', 'auskunfte', 'angaben', 'nett',
  'dankbar', 'hilfreich', 'verraten', 'raussuchen', 'heraussuchen', 'fehlt', 'fehlen',
  // Abbreviations of chat and office German that name no topic.
  'bzgl', 'bezuglich', 'betreffend', 'betreffs', 'ggf', 'ggfs', 'evtl', 'lt', 'zzgl', 'bzw', 'usw', 'etc', 'zb', 'erklart', 'erklaert',
  'please', 'the', 'is', 'are', 'what', 'of', 'to', 'for', 'a', 'an', 'and', 'in', 'on', 'do', 'does',
  'can', 'i', 'you', 'me', 'my', 'how', 'which', 'tell', 'about', 'there', 'we', 'our', 'it',
  // Question words that only say what kind of fact is asked; the sentence stage reads them.
  'womit', 'wofur', 'worauf', 'woran', 'woruber', 'wobei', 'wodurch', 'worin', 'wovon', 'worum', 'wonach',
  'inwiefern', 'inwieweit', 'konkret', 'konkreter', 'konkretes', 'eins', 'ahnung',
  // "beim Thema Übergang", "in Sachen Qualität", "im Bereich Übergang": the frame, not the topic.
  'thema', 'sachen', 'sache', 'bereich',
  // Sentence adverbs of chat German ("Was sind denn insgesamt die Kernaufgaben?").
  'einfach', 'komplett', 'vollstandig', 'ziemlich', 'nich', 'bevor', 'kurzen', 'kurzer', 'kurzes',
  'insgesamt', 'generell', 'grundsatzlich', 'zusatzlich', 'ungefahr', 'eigentl', 'grad', 'nochmal', 'nochmals', 'jeweils',
  // Colloquial adverbs ("Ist da was dran?", "schick mal rüber").
  'dran', 'drauf', 'ruber',
  // Spoken and regional forms ("gibbet son Programm?", "kannste mir sagen …", "weißte", "nix", "dat").
  'gibbet', 'jibbet', 'son', 'sone', 'sonen', 'sonem', 'soner', 'haste', 'kannste', 'weisste', 'willste', 'machste',
  'kriegste', 'biste', 'hamma', 'hamse', 'nix', 'nuscht', 'dat', 'jut', 'nee', 'jo', 'joa', 'jupp', 'eh', 'ma', 'sowat',
  // Colloquial "get" ("so ein Zentrum kriegen", "wer bekommt da …"), "im Kern" (essentially), "was passiert da" (what happens),
  // "wie sieht es … aus" (what about), "etwas Ähnliches" (the follow-up stage reads it as asking for more), signing a letter.
  'kriegen', 'kriegt', 'kriege', 'kriegst', 'krieg', 'kern', 'passiert', 'passieren', 'ahnliches', 'ahnlich', 'vergleichbares', 'bekommt', 'bekommen', 'bekomme', 'bekommst', 'sieht', 'sehen', 'seht', 'sehe', 'aussehen', 'aussieht', 'unterschrieben', 'unterschriebenes', 'unterschriebene', 'unterschreiben',
  // Verbs contracted with "es" and verbs of the writer's own state ("ich kanns mir kaum vorstellen").
  'kanns', 'gehts', 'hats', 'wars', 'isses', 'vorstellen', 'glaube', 'glaub',
  // "stehen" only places what is named ("im Fokus stehen", "in welchem Paragraphen stehen die KI").
  'stehen', 'steht', 'stehe', 'stand', 'standen',
  // Hearsay around a claim ("Eine Kollegin hat erzählt / meinte, …", "Man sagte mir, …") and the
  // question whether it holds ("Stimmt das?", "Können Sie das bestätigen?", "Is that right?"): the claim is the topic.
  'erzahlt', 'erzahlte', 'meinte', 'meint', 'gelesen', 'sogar', 'sagte', 'sagten', 'gesagt', 'stimmt', 'stimmts',
  'bestatigen', 'bestatigt', 'bestatige', 'right', 'true', 'correct',
  // Modal verbs in reported speech ("die LaKI könne uns unterstützen").
  'konne', 'musse', 'solle', 'wolle', 'durfe', 'moge',
  // Modal and auxiliary verbs addressing "du" or "ihr" ("wäre super, wenn ihr mir das sagen könntet").
  'konntet', 'konntest', 'wurdest', 'wurdet', 'solltet', 'solltest', 'musstet', 'musstest', 'durftet', 'durftest',
  'mochtet', 'mochtest', 'wolltet', 'wolltest',
  // "Für wen ist das gedacht?": the participle of "denken", not a form of "Dach".
  'gedacht', 'gedachte', 'gedachten',
  // Prepositions fused with "das" ("fürs Protokoll", "ans KI").
  'furs', 'ans', 'aufs', 'ums', 'ubers', 'durchs',
  // Inflected "unser" the stopword package misses ("zu unserem Projekt").
  'unserem', 'unseren', 'unseres', 'unserm', 'unsern', 'unsrem', 'unsren', 'unsres', 'unsre',
  // Adverbs and prepositional frames that qualify the question, not its topic ("laut Gesetz",
  // "in Bezug auf die Angebote", "in dem Zusammenhang", "irgendwas mit Rucksack", "danke schonmal").
  'direkt', 'laut', 'bezug', 'zusammenhang', 'schonmal', 'irgendwas', 'irgendwer', 'irgendwo', 'irgendwelche', 'woanders',
  'irgendein', 'irgendeine', 'irgendeinen', 'typischerweise', 'normalerweise', 'regelmassig', 'regelmaessig', 'hinweg',
  'drunter', 'darunter', 'drum', 'darum',
  // Verbs that only frame what is asked ("fällt das darunter?", "klappt das?", "von wem stammt der?",
  // "Ist das überhaupt vorgesehen?").
  'fallen', 'fallt', 'klappt', 'klappen', 'stammt', 'stammen', 'erledigt', 'erledigen', 'hiess', 'hiessen', 'heissen', 'vorgesehen',
  // The writer doubting they ask the right place ("… oder sind wir da falsch?", "bin ich hier richtig?").
  'falsch',
  // Adjectives that grade the answer, not the topic ("eine offizielle Seite"; more in ARTICLE_FILLERS).
  'korrekt', 'offiziell', 'offizielle', 'offiziellen',
  // "auf die Schnelle" (quickly): how the writer looked, not what for.
  'schnelle',
  // The form of an answer asked for ("in einfachen Worten", "in ein, zwei Sätzen", "in Stichpunkten").
  'einfachen', 'worten', 'satz', 'satze', 'satzen', 'stichpunkte', 'stichpunkten', 'stichworte', 'stichworten',
  // "gibts sowas auch für Schulen?": points back, names nothing itself.
  'sowas', 'soetwas',
  // English fillers beyond the stopword package's list.
  'could', 'would', 'should', 'may', 'did', 'whether', 'when', 'whom', 'whose', 'just', 'yet', 'not',
  'were', 'been', 'this', 'that', 'these', 'those', 'thanks', 'thank', 'hello', 'dear', 'regards', 'let',
  'want', 'wanted', 'im', 'ive', 'id', 'please', 'know', 'question', 'questions', 'quick', 'hey', 'find',
  'exist', 'exists', 'existing', 'anything', 'something', 'info', 'details', 'exactly', 'actually', 'special', 'specific', 'particular',
  'its', 'she', 'really', 'sort', 'done', 'doing', 'mean', 'means', 'keep', 'keeps', 'say', 'says', 'saying', 'wants', 'makes',
  'made', 'even', 'every', 'own', 'whole', 'alone', 'anyone', 'someone', 'somebody', 'anybody', 'everyone', 'everything',
  'usually', 'generally', 'basically', 'currently', 'simply', 'give', 'given', 'gives', 'giving', 'sure', 'main', 'regulates', 'regulated', 'regulate',
  'include', 'includes', 'included', 'including',
  // What German says with stopwords ("zwei", "beiden", "möglich", "besonders", "ein bisschen", "viel"):
  // "the two strategies", "is it possible to get …", "especially important", "a lot of", "a bit".
  'two', 'possible', 'possibly', 'especially', 'particularly', 'lot', 'lots', 'bit',
  // English negations and contractions cut at the apostrophe ("don't", "isn't", "couldn't").
  'don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'couldn', 'wouldn', 'shouldn', 'haven', 'hasn', 'won',
  // English chat markers ("btw", "tbh", "just curious").
  'btw', 'tbh', 'lol', 'haha', 'honestly', 'curious',
  // "for example", "for instance": an example follows, as after German "zum Beispiel".
  'example', 'instance',
  // English chat around the question: who asked, and the writer's state ("My boss asked me whether …").
  'ask', 'asked', 'asking', 'boss', 'manager', 'colleague', 'colleagues', 'wonder', 'wondering', 'wondered',
  'mentioned', 'heard', 'told', 'called', 'trying', 'understand', 'regarding', 'thing', 'things',
  // Possessive pronouns standing alone ("a school like *ours*"): the writer, named in their context.
  'ours', 'yours', 'theirs',
];

/**
 * Fillers that stand after an article: nouns and adjectives around the topic that name none of
 * their own. Stopwords like the {@link CHAT_FILLERS}; the pointer stage needs them apart, because
 * "der/die/den" before one of them is an article ("der Blick aufs Quartier"), not a pronoun
 * pointing back at something named before ("Wer bezahlt die?").
 */
export const ARTICLE_FILLERS: ReadonlySet<string> = new Set([
  // Generic nouns: "im Kita-Alltag", "zum Umgang mit Vielfalt", "Ist das deren Ding?", "Wie ist der
  // Name?", "der Blick aufs Quartier", "welche Art von …", "etwas in die Richtung" (along those lines).
  'alltag', 'umgang', 'ding', 'dinge', 'name', 'namen', 'blick', 'art', 'richtung',
  // "auf welcher Ebene": the level asked for is named by the answer ("Kreise und kreisfreie Städte").
  'ebene',
  // The form of an answer asked for ("eine kurze Darstellung, welche …").
  'darstellung',
  // Adjectives that grade the answer, not the topic ("die richtige Anschrift", "die konkrete
  // Adresse", "die genaue Bezeichnung", "die komplette Liste").
  'richtige', 'richtigen', 'korrekte', 'korrekten', 'konkrete', 'konkreten', 'genaue', 'genauen',
  'komplette', 'kompletten', 'vollstandige', 'vollstandigen',
]);

/** Particles of separable verbs, folded, which German moves to the end of the clause ("Wer baut den *auf*?", "Wer stellt den *sicher*?"). */
export const SEPARABLE_PARTICLES: ReadonlySet<string> = new Set([
  'ab', 'an', 'auf', 'aus', 'bei', 'dar', 'ein', 'fest', 'fort', 'her', 'heraus', 'hin', 'mit', 'nach', 'um', 'vor', 'vorbei', 'weiter', 'zu', 'zuruck', 'zusammen', 'sicher', 'neu',
]);

/**
 * Conjunctions that join two clauses (or two things) of one sentence, folded: where a separable
 * particle before one ends its clause ("Schreibt das Land das *vor oder* …") and where a pronoun's
 * clause begins ("… hinter der LaKI *bzw.* fördern die?").
 */
export const COORDINATING_CONJUNCTIONS: ReadonlySet<string> = new Set(['und', 'oder', 'aber', 'bzw', 'beziehungsweise', 'sondern', 'sowie']);

/**
 * English particles the stopword list has that phrases of the synonyms file need ("set *up*"):
 * kept as words so the phrase matches, but outside a phrase they name nothing ("pick up", "open
 * up"), see `SynonymTable.apply`.
 */
export const PHRASE_PARTICLES: ReadonlySet<string> = new Set(['up']);

/** English stopwords that are German topic words or occur in the knowledge base. */
const ENGLISH_KEEP = new Set([...PHRASE_PARTICLES, 'kind', 'still', 'most', 'man', 'where']);

/** The question word that asks for a place; also what a part asking the way there ("Wie komme ich da hin?") asks. */
export const PLACE_KIND = 'wo';

/**
 * Question words that say what kind of fact is asked, kept as tokens: "Wo ist die LaKI?" asks
 * for a place, "Was ist die LaKI?" for a description, and an entry whose questions ask "wo"
 * answers the first. They weigh less than topic words and name no topic of their own.
 */
export const QUESTION_KIND_WORDS: readonly string[] = [PLACE_KIND];

/**
 * Words the stopword package lists but that carry meaning in questions to LaKI ("Wie hoch ist
 * die Förderung pro Jahr?"). Keeping them lets the matcher notice what a question is about.
 */
const MEANINGFUL = [
  'jahr', 'jahre', 'jahren', 'hoch', 'zeit', 'mensch', 'menschen', 'recht', 'tage', 'ende', 'wann',
  'viele', 'gross', 'grosse', 'heute', 'lange', 'gut', 'ersten', 'schule', 'tel', 'uhr', 'elf',
  ...QUESTION_KIND_WORDS,
];

/** Folded German stopwords plus chat and article fillers, minus the {@link MEANINGFUL} words. */
export const STOPWORDS: ReadonlySet<string> = (() => {
  const keep = new Set(MEANINGFUL);
  const english = englishStopwords.filter((word) => !ENGLISH_KEEP.has(word));
  const words = [...germanStopwords, ...CHAT_FILLERS, ...ARTICLE_FILLERS, ...english].map(fold).filter((word) => !keep.has(word));
  return new Set(words);
})();

/** True when a folded word carries no topic meaning. */
export function isStopword(foldedWord: string): boolean {
  if (STOPWORDS.has(foldedWord) || (foldedWord.length < 2 && !/\d/.test(foldedWord))) return true;
  // "fuer", "ueber", "waer": a stopword typed without umlauts.
  const folded = consonantDigraphsFolded(foldedWord);
  if (folded !== null && STOPWORDS.has(folded)) return true;
  return SINGLE_S_STOPWORDS.has(foldedWord) || SINGLE_CONSONANT_STOPWORDS.has(foldedWord);
}

/**
 * "was heist das genau?", "gewust": stopwords whose "ß" (folded "ss") before the ending "t" is typed
 * as one "s"; a set of their own, so that no word pays for building the spelling.
 */
const SINGLE_S_STOPWORDS: ReadonlySet<string> = new Set(
  [...STOPWORDS].filter((word) => word.endsWith('sst')).map((word) => `${word.slice(0, -3)}st`),
);

/** Shortest stopword whose doubled consonant typed once is still read as it: shorter ones ("offen", "mittel") would become other words ("Ofen"). */
const MIN_DOUBLED_STOPWORD = 8;

/**
 * "danke euch zusamen", "vieleicht", "bekomen": long stopwords with a doubled consonant typed once,
 * a set of their own like {@link SINGLE_S_STOPWORDS}. Only the first doubled consonant is undone.
 */
const SINGLE_CONSONANT_STOPWORDS: ReadonlySet<string> = new Set(
  [...STOPWORDS].flatMap((word) => {
    const doubled = word.length >= MIN_DOUBLED_STOPWORD ? /([bcdfghklmnprstz])\1/u.exec(word) : null;
    return doubled ? [word.slice(0, doubled.index) + word.slice(doubled.index + 1)] : [];
  }),
);
