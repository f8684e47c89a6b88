/**
 * The words of chat German that the sentence stage reads a message by: question words and the
 * verbs that open a yes/no question, courtesy, anaphors, and a piece's words as those lists spell
 * them (`words`, memoised, umlauts typed as digraphs read as the listed word). Used by
 * `sentences.ts`, `sentenceSplit.ts`, `clauses.ts`, `purposes.ts`, `referents.ts` and `pointers.ts`.
 */
import { consonantDigraphsFolded, fold } from './text';

/** Question words, folded; German and English. A piece starting with one (after a preposition) asks. */
export const INTERROGATIVES = new Set([
  'wer', 'wen', 'wem', 'wessen', 'was', 'wie', 'wo', 'wann', 'warum', 'wieso', 'weshalb', 'weswegen',
  'welche', 'welcher', 'welches', 'welchen', 'welchem', 'woher', 'wohin', 'wozu', 'womit', 'wofur',
  'worauf', 'woran', 'woruber', 'wobei', 'wodurch', 'worin', 'wovon', 'worum', 'wonach', 'inwiefern',
  'inwieweit', 'wieviel', 'wieviele', 'ob',
  'what', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'which', 'whether',
  "what's", "where's", "who's", "how's", 'whats', 'wheres', 'whos',
]);

/** Finite verbs that open a yes/no question ("Gibt es …", "Kann ich …", "Is there …"). */
export const QUESTION_VERBS = new Set([
  'gibt', 'gibts', 'kann', 'kannst', 'konnen', 'konnte', 'konnten', 'ist', 'sind', 'war', 'waren', 'hat',
  'haben', 'hatte', 'hatten', 'muss', 'mussen', 'musste', 'darf', 'durfen', 'soll', 'sollen', 'sollte',
  'sollten', 'wird', 'werden', 'wurde', 'wurden', 'bietet', 'bieten', 'berat', 'beraten', 'unterstutzt',
  'unterstutzen', 'hilft', 'helfen', 'fordert', 'fordern', 'arbeitet', 'arbeiten', 'macht', 'machen',
  'kummert', 'gehort', 'gehoren', 'existiert', 'existieren', 'brauche', 'braucht', 'brauchen', 'bekomme',
  'bekommt', 'bekommen', 'erhalte', 'erhalt', 'erhalten', 'weiss', 'wisst', 'wissen', 'kennt', 'kennen',
  'habt', 'seid', 'geht', 'gilt', 'vertritt', 'vertreten', 'organisiert', 'organisieren', 'betreut',
  'begleitet', 'koordiniert', 'richtet', 'plant', 'informiert', 'vermittelt', 'sitzt', 'liegt',
  'kostet', 'kosten', 'dauert', 'dauern', 'zahlt', 'zahlen', 'finanziert', 'gehen', 'lauft', 'laufen', 'spielt', 'spielen',
  // Addressing the reader as du or ihr ("Könntest du …", "Könnt ihr …", "Hast du …", "Weißt du …").
  'konntest', 'konntet', 'konnt', 'hast', 'hattest', 'hattet', 'weisst', 'kennst', 'wurdest', 'wurdet',
  // Spoken forms with "du" or "es" fused on ("Kannste mir sagen …", "Gibbet da wat?").
  'kannste', 'haste', 'weisste', 'biste', 'gibbet', 'jibbet',
  'is', 'are', 'do', 'does', 'did', 'can', 'could', 'would', 'should', 'will', 'may', 'has', 'have',
]);

/** Prepositions that may stand before a question word ("An welche Nummer …", "Seit wann …"). */
export const PREPOSITIONS = new Set([
  'an', 'auf', 'aus', 'bei', 'bis', 'durch', 'fur', 'gegen', 'in', 'mit', 'nach', 'seit', 'uber', 'um',
  'unter', 'von', 'vor', 'zu', 'ab', 'und', 'oder', 'aber', 'dann', 'sowie', 'to', 'for', 'from',
  'with', 'in', 'at', 'and', 'so',
]);

/** The words the request patterns (`clauses.ts`) are written with, for reading them typed without umlauts. */
const REQUEST_WORDS = [
  'brauche', 'brauchte', 'benotige', 'benotigte', 'benotigen', 'benotigten', 'ubermitteln', 'hatte', 'hatten',
  'wusste', 'mochte', 'mochten', 'wurde', 'wurden', 'ware', 'waren', 'dankbar', 'schon',
];

/** Words of a courtesy question: it asks for help, not about a topic ("Können Sie mir da helfen?"). */
export const COURTESY = new Set([
  'helfen', 'weiterhelfen', 'hilfe', 'helft', 'hilfst', 'idee', 'jemand', 'rat', 'tipp', 'tipps', 'auskunft',
  'antwort', 'ruckmeldung', 'beantworten', 'klaren', 'vorab', 'danke', 'dank', 'vielen', 'herzlichen',
  'weiss', 'weisst', 'wisst', 'wissen', 'kennt', 'sagen', 'sag', 'fragen', 'frage', 'bitte', 'gruss', 'grusse',
  'help', 'thanks', 'thank', 'know', 'anyone', 'somebody', 'someone', 'hallo', 'hello', 'hi', 'moin', 'tach',
  'morgen', 'tag', 'abend', 'guten', 'liebe', 'lieber', 'team', 'sehr', 'geehrte', 'geehrter', 'damen',
  'herren', 'beste', 'freundliche', 'freundlichen', 'mfg', 'lg', 'vg', 'kurze', 'kurz', 'schnell',
]);

/** Anaphors that point back to something said before ("Was macht sie sonst noch?"). */
export const ANAPHORS = new Set([
  'da', 'dort', 'dazu', 'dafur', 'davon', 'damit', 'daruber', 'darin', 'dabei', 'dahin', 'sie', 'ihr', 'ihre',
  'ihnen', 'er', 'es', 'das', 'dies', 'diese', 'dieser', 'dieses', 'denen', 'deren', 'dessen', 'die', 'sowas', 'soetwas',
  'der', 'den', 'dem', 'they', 'them', 'it', 'that', 'this', 'there',
]);

/** A piece as the sentence stage reads it: folded, and its words as the lists spell them. */
interface PieceWords {
  readonly folded: string;
  readonly words: string[];
}

const pieceCache = new Map<string, PieceWords>();

/**
 * A piece folded and split into words, memoised briefly: the sentence stage looks at each piece
 * several times (its opening words, whether it requests, whether it is courtesy or a closing),
 * and folding it once serves both its words and the patterns that read the folded text.
 */
function pieceWords(text: string): PieceWords {
  let piece = pieceCache.get(text);
  if (!piece) {
    if (pieceCache.size > 2000) pieceCache.clear();
    const folded = fold(text);
    const found = folded.match(/[\p{L}\p{N}']+/gu) ?? [];
    // Most pieces have no "ae", "oe" or "ue" at all, so no word of them can be a list word typed
    // without its umlaut: one search of the piece instead of three per word.
    const digraphs = folded.includes('ae') || folded.includes('oe') || folded.includes('ue');
    const listed = digraphs ? found.map(asListWord) : found;
    piece = { folded, words: folded.includes("'") ? listed.map(contractedListWord) : listed };
    pieceCache.set(text, piece);
  }
  return piece;
}

/**
 * Folded words of a piece (memoised with {@link foldedPiece}). A word of the lists below typed
 * without umlauts ("koennt", "waer", "fuer") is read as that word.
 */
export function words(text: string): string[] {
  return pieceWords(text).words;
}

/** The piece folded (`fold`), from the same memo as its {@link words}. */
export function foldedPiece(text: string): string {
  return pieceWords(text).folded;
}

let listWords: ReadonlySet<string> | undefined;

function asListWord(word: string): string {
  const folded = consonantDigraphsFolded(word);
  if (folded === null) return word;
  return listWordSet().has(folded) && !listWordSet().has(word) ? folded : word;
}

/** Every word of the lists of this module. */
function listWordSet(): ReadonlySet<string> {
  listWords ??= new Set([
    ...INTERROGATIVES, ...QUESTION_VERBS, ...PREPOSITIONS, ...COURTESY, ...ANAPHORS, ...INQUIRY, ...FRONTED_ADVERBS,
    ...SUBJECT_PRONOUNS, ...REQUEST_WORDS,
  ]);
  return listWords;
}

/** A list word written with a contracted "es" ("gibt's" → "gibts", "geht's" → "geht"); any other word as it is. */
function contractedListWord(word: string): string {
  if (!word.endsWith("'s")) return word;
  const joined = `${word.slice(0, -2)}s`;
  const bare = word.slice(0, -2);
  return listWordSet().has(joined) ? joined : listWordSet().has(bare) ? bare : word;
}

/** Subject and reflexive pronouns that follow the finite verb of a yes/no question ("Entscheiden *wir* …"). */
export const SUBJECT_PRONOUNS = new Set(['ich', 'wir', 'sie', 'man', 'es', 'er', 'ihr', 'sich', 'du', 'uns', 'mich']);

/** Words that may open a statement with the verb second ("Gestern haben wir …", "Dann wollen wir …"). */
export const FRONTED_ADVERBS = new Set([
  'dann', 'denn', 'wenn', 'nun', 'schon', 'gestern', 'morgen', 'heute', 'jetzt', 'eben', 'bitte', 'danke',
  'gerne', 'gern', 'oben', 'unten', 'selten', 'vorhin', 'zuerst', 'erst', 'sonst', 'meist', 'leider', 'seit',
  'hallo', 'guten', 'liebe', 'nachste', 'letzte', 'diese', 'eine', 'keine', 'meine', 'seine', 'unsere',
  // Conjunctions and adverbs that look like a finite verb ending in -t ("…, damit es gefördert wird?").
  'damit', 'somit', 'zuletzt', 'zumindest', 'vielleicht', 'nicht', 'bereit', 'samt',
]);

/**
 * Words of a clause that hands an indirect question to the reader ("ich soll *herausfinden*,
 * welches …", "mein Chef will *wissen*, ob …", "die *Frage* kam auf, ob …"). Without one, an
 * indirect question in a statement is what the writer weighs ("wir *überlegen*, wie wir die
 * freien Träger einbinden", "es gibt Streit, ob …"), context to the question they ask.
 */
export const INQUIRY = new Set([
  'wissen', 'weiss', 'wusste', 'wussten', 'fragen', 'frage', 'fragt', 'fragte', 'erfahren',
  'herausfinden', 'rausfinden', 'klaren', 'nachfragen', 'interessiert', 'interessieren', 'interessiere',
  'mitteilen', 'sagen', 'erklaren', 'suche', 'suchen', 'brauche', 'brauchen', 'brauchte', 'brauchten', 'benotige', 'benotigen', 'unklar',
  'info', 'infos', 'information', 'informationen',
  'unsicher', 'ahnung', 'verstehe', 'informieren', 'nachlesen', 'recherchieren', 'prufen',
  'know', 'wonder', 'wondering', 'ask', 'asking', 'asked', 'tell', 'unsure', 'find', 'out',
]);

/** A word that names a topic: not courtesy, an anaphor, a stopword, a question word or a question verb. */
export function isTopicWord(word: string, isStopword: (word: string) => boolean): boolean {
  return !COURTESY.has(word) && !ANAPHORS.has(word) && !isStopword(word) && !INTERROGATIVES.has(word) && !QUESTION_VERBS.has(word);
}

/** Content words of a piece: not courtesy and not an anaphor (stopwords are left to the analyzer). */
export function hasTopicWords(text: string, isStopword: (word: string) => boolean): boolean {
  return words(text).some((word) => isTopicWord(word, isStopword));
}
