/**
 * The words of chat German that the sentence stage reads a message by: question words and the
 * verbs that open a yes/no question, request verbs, courtesy, anaphors and pointing adverbs, and a
 * piece's words as those lists spell them (`words`, memoised, umlauts typed as digraphs read as
 * the listed word). Each kind of word has one vocabulary here; where a rule reads only some of
 * them, it reads a named subset ({@link subsetOf}) declared beside the vocabulary, saying why.
 * Used by `sentences.ts`, `sentenceSplit.ts`, `clauses.ts`, `purposes.ts`, `referents.ts`,
 * `pointers.ts`, `questionForms.ts`, `beyond.ts` and `analyzer.ts`. Greetings and closings are in
 * `greetings.ts`.
 */
import { GREETINGS, REGARDS, REGARDS_ABBREVIATIONS, THANKS, TIMES_OF_DAY } from './greetings';
import { consonantDigraphsFolded, fold } from './text';

/**
 * The words of a vocabulary that a rule reads, checked when the module loads: a subset is spelled
 * from its vocabulary, so the two cannot drift apart unnoticed.
 */
function subsetOf(vocabulary: ReadonlySet<string>, ...subset: string[]): ReadonlySet<string> {
  for (const word of subset) if (!vocabulary.has(word)) throw new Error(`"${word}" is not a word of the vocabulary it is a subset of`);
  return new Set(subset);
}

/** Question words, folded; German and English. A piece starting with one (after a preposition) asks. */
export const INTERROGATIVES: ReadonlySet<string> = new Set([
  'wer', 'wen', 'wem', 'wessen', 'was', 'wie', 'wo', 'wann', 'warum', 'wieso', 'weshalb', 'weswegen',
  'welche', 'welcher', 'welches', 'welchen', 'welchem', 'woher', 'wohin', 'wozu', 'womit', 'wofur',
  'worauf', 'woran', 'woruber', 'wobei', 'wodurch', 'worin', 'wovon', 'worum', 'wonach', 'inwiefern',
  'inwieweit', 'wieviel', 'wieviele', 'ob',
  'what', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'which', 'whether',
  "what's", "where's", "who's", "how's", 'whats', 'wheres', 'whos',
]);

/**
 * German question words after which the finite verb comes next ("Wie *meldet* man …", "Was
 * *verdient* man …"), read by `questionForms.mainVerb` on lower-cased words (none has an umlaut):
 * not "welche" (its noun comes first) or "ob" (its verb closes the clause). The "wo-" adverbs
 * ("womit", "wofür") are left out as they always were.
 */
export const VERB_NEXT_INTERROGATIVES = subsetOf(INTERROGATIVES, 'wie', 'was', 'wer', 'wo', 'wohin', 'woher', 'wann', 'warum', 'wieso', 'weshalb', 'wozu', 'wen', 'wem');

/** Question words that ask for a reason ("Warum …?", "Why …?"): an answer that gives none does not answer them. */
export const REASON_INTERROGATIVES = subsetOf(INTERROGATIVES, 'warum', 'wieso', 'weshalb', 'weswegen', 'why');

/** "wie", "how": asks for a manner, or, with a detail word ("wie genau"), for more detail. */
export const HOW_INTERROGATIVES = subsetOf(INTERROGATIVES, 'wie', 'how');

/** "was", "what": asks for a thing ("Was wollen die KIs erreichen?" asks for a goal). */
export const WHAT_INTERROGATIVES = subsetOf(INTERROGATIVES, 'was', 'what');

/** Question words that ask for nothing of their own kind ("Wie heißt es?", "Was ist das?"): a piece with only these asks again. */
export const PLAIN_INTERROGATIVES = subsetOf(INTERROGATIVES, 'wie', 'was', 'what');

/** The dative and inflected question words of "mit wem", "mit welchen …": whom someone works with. */
export const WITH_WHOM_INTERROGATIVES = subsetOf(INTERROGATIVES, 'wem', 'welchen', 'welcher', 'welchem');

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

/**
 * Modal verbs and "werden", folded, whose infinitive German moves to the end of the clause ("Was
 * sollen die *erreichen*?"): a verb closing a piece after one is that infinitive (`pointers.ts`).
 */
export const MODAL_VERBS: ReadonlySet<string> = new Set([
  'soll', 'sollen', 'sollte', 'sollten', 'will', 'wollen', 'wollte', 'wollten', 'kann', 'konnen', 'konnte', 'konnten',
  'muss', 'mussen', 'musste', 'mussten', 'darf', 'durfen', 'mochten', 'wird', 'werden',
]);

/**
 * Auxiliaries and modals that follow the main verb at the end of a clause ("… ablehnen *darf*",
 * "… gefördert werden *kann*", "… formuliert *ist*"), as written in lower case — umlaut, digraph
 * and plain spelling — not folded: `questionForms.mainVerb` reads the words as written, to tell a
 * verb by its lower case. Modals (the present and subjunctive of those of {@link MODAL_VERBS},
 * without their past plurals) and forms of "sein", "haben", "werden" and "lassen"; of "hätte",
 * "wäre" and "lässt" not the plain spelling ("Ware" is a noun).
 */
export const CLOSING_AUXILIARIES: ReadonlySet<string> = new Set([
  'kann', 'können', 'koennen', 'konnen', 'könnte', 'koennte', 'konnte', 'könnten', 'koennten', 'konnten',
  'darf', 'dürfen', 'duerfen', 'durfen', 'dürfte', 'duerfte', 'durfte',
  'muss', 'muß', 'müssen', 'muessen', 'mussen', 'müsste', 'muesste', 'musste',
  'soll', 'sollen', 'sollte', 'sollten', 'will', 'wollen', 'möchte', 'moechte', 'mochte', 'möchten', 'moechten',
  'wird', 'werden', 'würde', 'wuerde', 'wurde', 'würden', 'wuerden', 'wurden', 'worden',
  'ist', 'sind', 'war', 'waren', 'wäre', 'waere', 'sein', 'hat', 'haben', 'hätte', 'haette', 'lassen', 'lässt', 'laesst',
]);

/** Prepositions that may stand before a question word ("An welche Nummer …", "Seit wann …"). */
export const PREPOSITIONS = new Set([
  'an', 'auf', 'aus', 'bei', 'bis', 'durch', 'fur', 'gegen', 'in', 'mit', 'nach', 'seit', 'uber', 'um',
  'unter', 'von', 'vor', 'zu', 'ab', 'und', 'oder', 'aber', 'dann', 'sowie', 'to', 'for', 'from',
  'with', 'in', 'at', 'and', 'so',
]);

/**
 * Verbs with which the writer asks for something in the first person, folded ("ich *brauche* …",
 * "*bräuchte* Infos zu …", "*suche* die Adresse", "*benötige* …"): they make a statement a
 * request, with or without "ich" (`clauses.REQUEST`), and open a request in a message typed
 * without punctuation (`sentenceSplit`). The spoken "brauch" only with its "ich" or as the
 * request patterns spell it.
 */
export const REQUEST_VERBS: readonly string[] = ['brauche', 'brauchte', 'suche', 'benotige', 'benotigte'];

/** {@link REQUEST_VERBS} in the plural, folded: a request only with its "wir" ("wir suchen …"; "…, die eine Ausbildung suchen" is a relative clause). */
export const PLURAL_REQUEST_VERBS: readonly string[] = ['brauchen', 'brauchten', 'suchen', 'benotigen', 'benotigten'];

/** The words the request patterns (`clauses.ts`) are written with, for reading them typed without umlauts. */
const REQUEST_WORDS = [
  ...REQUEST_VERBS, ...PLURAL_REQUEST_VERBS, 'ubermitteln', 'hatte', 'hatten',
  'wusste', 'mochte', 'mochten', 'wurde', 'wurden', 'ware', 'waren', 'dankbar', 'schon',
];

/**
 * Words of a courtesy question: it asks for help, not about a topic ("Können Sie mir da helfen?"),
 * or greets, thanks and closes (`greetings.ts`; of the closing's adjectives only those that
 * describe nothing else: "viele" counts).
 */
export const COURTESY: ReadonlySet<string> = new Set([
  'helfen', 'weiterhelfen', 'hilfe', 'helft', 'hilfst', 'idee', 'jemand', 'rat', 'tipp', 'tipps', 'auskunft',
  'antwort', 'ruckmeldung', 'beantworten', 'klaren', 'vorab',
  'weiss', 'weisst', 'wisst', 'wissen', 'kennt', 'sagen', 'sag', 'fragen', 'frage', 'bitte',
  'help', 'know', 'anyone', 'somebody', 'someone', 'team', 'kurze', 'kurz', 'schnell',
  ...GREETINGS, 'guten', ...TIMES_OF_DAY, 'liebe', 'lieber', 'sehr', 'geehrte', 'geehrter', 'damen', 'herren',
  ...THANKS, 'dank', 'vielen', 'herzlichen', 'thank', ...REGARDS, 'beste', 'freundliche', 'freundlichen', ...REGARDS_ABBREVIATIONS,
]);

/** The courtesy words that ask for help ("Können Sie mir da *helfen*?"): with a pointing adverb, a plea for help with what was said before. */
export const HELP_WORDS = subsetOf(COURTESY, 'helfen', 'weiterhelfen', 'hilfe', 'helft', 'hilfst');

/**
 * Adverbs that point at something said before ("dabei", "dafür", "dort", "sowas"); never an
 * article. A piece with one leans on what was said before it (`pointers.ts`).
 */
export const POINTING_ADVERBS: ReadonlySet<string> = new Set([
  'da', 'dort', 'dazu', 'dafur', 'davon', 'damit', 'daruber', 'darin', 'dabei', 'dahin', 'darauf', 'daran',
  'dadurch', 'hierbei', 'hierzu', 'hierfur', 'hier', 'there', 'sowas', 'soetwas',
]);

/**
 * The pointing adverbs among the {@link ANAPHORS}, which name no topic. Not "hier", "hierbei",
 * "hierzu", "hierfür", "darauf", "daran", "dadurch": the anaphors were listed apart
 * from the pointing adverbs, and the "hier-" adverbs, which no stopword list has, count as topic
 * words (kept so: reading them as anaphors changes how pieces are read).
 */
const ANAPHORIC_ADVERBS = subsetOf(POINTING_ADVERBS, 'da', 'dort', 'dazu', 'dafur', 'davon', 'damit', 'daruber', 'darin', 'dabei', 'dahin', 'sowas', 'soetwas');

/**
 * Pointing adverbs that point at the thing said before as the topic ("Gibt es *da* eine
 * Vorgabe?"), not at a purpose or a direction ("*dafür* brauche ich …", "*damit*", "*dahin*").
 */
export const TOPIC_ADVERBS = subsetOf(POINTING_ADVERBS, 'da', 'dazu', 'dabei', 'daruber', 'darin', 'davon', 'dort', 'hierzu', 'hierbei', 'sowas', 'soetwas');

/**
 * Pointing adverbs with which a plea for help points at what was said before ("Wer kann *da*
 * helfen?", "Könnt ihr uns *dabei* weiterhelfen?"): with a purpose too ("*dafür*", "*damit*"),
 * not at a place ("dort", "dahin").
 */
export const PLEA_POINTERS = subsetOf(POINTING_ADVERBS, 'da', 'dabei', 'dafur', 'damit', 'hier', 'hierbei', 'dazu', 'sowas', 'soetwas');

/**
 * Pointing adverbs with which what someone is reported to have said points back ("Mein Teamleiter
 * meinte, das KI hätte *da* was"): then it does not stand on its own (`clauses.ts`).
 */
export const REPORT_POINTERS = subsetOf(POINTING_ADVERBS, 'da', 'dafur', 'dazu', 'dabei', 'damit', 'davon', 'sowas', 'soetwas', 'hier');

/** Anaphors that point back to something said before ("Was macht sie sonst noch?"): pronouns, demonstratives and {@link ANAPHORIC_ADVERBS}. */
export const ANAPHORS: ReadonlySet<string> = new Set([
  ...ANAPHORIC_ADVERBS, 'sie', 'ihr', 'ihre',
  'ihnen', 'er', 'es', 'das', 'dies', 'diese', 'dieser', 'dieses', 'denen', 'deren', 'dessen', 'die',
  'der', 'den', 'dem', 'they', 'them', 'it', 'that', 'this', 'there',
]);

/** A piece as the sentence stage reads it: folded, and its words as the lists spell them. */
interface PieceWords {
  readonly folded: string;
  readonly words: string[];
  /** The words joined by single spaces, as the word patterns read a piece; joined when first asked for. */
  joined?: string;
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
    // `joined` from the start: every piece object keeps one shape, so reading its fields stays monomorphic.
    piece = { folded, words: folded.includes("'") ? listed.map(contractedListWord) : listed, joined: undefined };
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

/**
 * The {@link words} of a piece joined by single spaces, from the same memo: the patterns of the
 * sentence stage (requests, rhetorical questions, …) read a piece's words as one string, and
 * several of them read the same piece.
 */
export function joinedWords(text: string): string {
  const piece = pieceWords(text);
  return (piece.joined ??= piece.words.join(' '));
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
  // Not "asked": told in the past, like "hat mich gefragt", it reports a question ("My colleague asked
  // me whether … Do they?"), which a question to the reader beside it then asks about.
  'know', 'wonder', 'wondering', 'ask', 'asking', 'tell', 'unsure', 'find', 'out',
]);

/** A word that names a topic: not courtesy, an anaphor, a stopword, a question word or a question verb. */
export function isTopicWord(word: string, isStopword: (word: string) => boolean): boolean {
  return !COURTESY.has(word) && !ANAPHORS.has(word) && !isStopword(word) && !INTERROGATIVES.has(word) && !QUESTION_VERBS.has(word);
}

/** Content words of a piece: not courtesy and not an anaphor (stopwords are left to the analyzer). */
export function hasTopicWords(text: string, isStopword: (word: string) => boolean): boolean {
  return words(text).some((word) => isTopicWord(word, isStopword));
}
