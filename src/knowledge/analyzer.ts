/**
 * Stages 2–3 of reading a message: normalising (`text.ts`) and reading each word
 * (`wordReader.ts`), for the entries once per snapshot and for each question. Synonyms
 * (`synonyms.ts`) map every member to its group; `forward` terms (`forwardTerms.ts`) are found
 * as written or as a compound's head.
 */
import { BoundedCache } from './boundedCache';
import { WHAT_INTERROGATIVES, WITH_WHOM_INTERROGATIVES } from './chatWords';
import { ForwardTerms } from './forwardTerms';
import { IntList } from './intList';
import { foreignForms } from './foreignForms';
import { germanWords } from './germanWords';
import type { SynonymsFile } from './schema';
import { SynonymTable, type Slot } from './synonyms';
import { COORDINATING_CONJUNCTIONS, eachWord, formsOf, isStopword, scanWords, SEPARABLE_PARTICLES, splitWords, stem, type Word } from './text';
import { WordReader, type WordPart, type WordReaderSettings, type WordReading } from './wordReader';

export type { WordReading } from './wordReader';

/** A question or entry text reduced to what the matcher compares. */
export interface Analysis {
  /** Content tokens: stemmed, synonyms replaced by their group's first member. */
  readonly tokens: readonly string[];
  /** Tokens that only came from splitting a compound (they say less about the text). */
  readonly compoundParts: ReadonlySet<string>;
  /** One reading per content word, in order (query side only; empty for indexed text). */
  readonly readings: readonly WordReading[];
  /** `forward` terms of the synonyms file found in the text (as stems joined by spaces). */
  readonly forwardTerms: readonly string[];
  /** Tokens of known words written as nouns (capitalised inside a sentence): what a question is about. */
  readonly nounTokens: readonly string[];
}

/**
 * A word of the knowledge base texts that is read as a compound only because the synonyms file
 * knows one of its parts: with "Geld" in a group, "Geldgeber" is read as "geld" + "geb".
 */
export interface SynonymCompound {
  /** The word as an entry writes it (the first spelling met, for words of one stem). */
  readonly written: string;
  /** Its parts in order, as the analyzer splits the word's stem. */
  readonly parts: ReadonlyArray<{
    readonly stem: string;
    /** A word of the entries with this stem; absent when only the synonyms file knows the stem. */
    readonly written?: string;
    /**
     * A member of a synonym group whose token no entry has as a word of its own ("geben" among
     * the words that "neither help nor hurt"): as a part it carries no meaning, yet puts that
     * token into the entry, which then meets questions sharing only that word.
     */
    readonly filler: boolean;
  }>;
}

/** Tunables of the analyzer with frozen defaults; see README "How matching decides". */
export type AnalyzerSettings = WordReaderSettings;

export const DEFAULT_ANALYZER_SETTINGS: AnalyzerSettings = Object.freeze({
  minCorrectionLength: 5,
  correctionThreshold: 0.25,
  minCompoundPart: 3,
});

/** What a written word contributes to an indexed text. */
interface IndexedWord {
  readonly slots: readonly Slot[];
  /** The word's last part when that is a separable verb particle. */
  readonly particle?: string;
  /** The word's part in asking "mit wem … zusammen" (see {@link WithWhomRole}). */
  readonly withWhom?: WithWhomRole;
}

/** "mit", a question word after it ("wem", "welchen"), or "zusammen": the words of asking with whom. */
type WithWhomRole = 'with' | 'whom' | 'together';

/** Nouns that frame a request when "über" follows them ("einen Überblick über …"), folded. */
const OVERVIEW_FRAMES: ReadonlySet<string> = new Set(['ubersicht', 'uberblick', 'zusammenfassung', 'erklarung', 'beschreibung']);

/** English "work" before "with" or "together": cooperation ({@link COOPERATION}), folded. */
const WORKING: ReadonlySet<string> = new Set(['work', 'works', 'working', 'worked']);

/** The stem "work with" is read as. */
const COOPERATION = 'zusammenarbeit';

/** True when the clause of the word at `index` asks "mit wem …" before it. */
function asksWithWhom(words: readonly WrittenWord[], clauses: readonly number[], index: number): boolean {
  return words.some((other, at) => at > 0 && at < index && clauses[at] === clauses[index] && WITH_WHOM_INTERROGATIVES.has(other.last) && words[at - 1]!.last === 'mit');
}

/** A folded word's part in asking "mit wem … zusammen", if it has one. */
function withWhomRole(folded: string): WithWhomRole | undefined {
  if (folded === 'mit') return 'with';
  if (folded === 'zusammen') return 'together';
  return WITH_WHOM_INTERROGATIVES.has(folded) ? 'whom' : undefined;
}

/** English "kind of", "sort of", "type of": the frame of "What kind of support …?", not a child ("Kind"), folded. */
const KIND_FRAMES: ReadonlySet<string> = new Set(['kind', 'kinds', 'sort', 'sorts', 'type', 'types']);

/** "in der Praxis", "in practice": asking how concretely, folded. */
const IN_PRACTICE: ReadonlySet<string> = new Set(['praxis', 'practice', 'practise']);

/** Imperatives of sending that open a request ("Schick mir …", "Schicken Sie uns …"), folded. */
const SENDING: ReadonlySet<string> = new Set(['schick', 'schicke', 'schicken', 'sende', 'senden', 'send', 'maile', 'mailen', 'gib', 'geben']);

/** Nouns that frame what follows "auf" as the topic ("einen Schwerpunkt auf … legen"), folded. */
const FOCUS_FRAMES: ReadonlySet<string> = new Set(['schwerpunkt', 'wert', 'augenmerk']);

/** English "focus on …" frames what follows as the topic, as {@link FOCUS_FRAMES} before "auf" do, folded. */
const FOCUSING: ReadonlySet<string> = new Set(['focus', 'focuses', 'focusing', 'focussing', 'focused', 'focussed']);

/** Forms of "erreichen", folded: reaching someone (contact), or, asked "was", achieving something. */
const REACHING: ReadonlySet<string> = new Set(['erreichen', 'erreicht', 'erreichten']);

/**
 * Groups of people an institution reaches as its audience ("erreicht kaum *Menschen*", "mehr
 * *Publikum* erreichen"), folded.
 */
const AUDIENCES: ReadonlySet<string> = new Set([
  'menschen', 'familien', 'eltern', 'mutter', 'vater', 'besucher', 'besucherinnen', 'publikum', 'zielgruppe', 'zielgruppen',
  'jugendliche', 'jugendlichen', 'kinder', 'schuler', 'schulerinnen', 'senioren', 'seniorinnen', 'migranten', 'migrantinnen',
  'zugewanderte', 'zugewanderten', 'leute', 'burger', 'burgerinnen', 'teilnehmende', 'teilnehmenden', 'frauen', 'manner', 'gefluchtete', 'gefluchteten',
]);

/** Forms of English "reach", folded: contacting someone, or reaching a level ({@link LEVELS}). */
const REACHING_EN: ReadonlySet<string> = new Set(['reach', 'reaches', 'reached', 'reaching']);

/**
 * Levels and goals one reaches by achieving them ("den gleichen *Standard* erreichen", "reach the
 * same quality *standard*"), folded.
 */
const LEVELS: ReadonlySet<string> = new Set([
  'standard', 'standards', 'qualitatsstandard', 'qualitatsstandards', 'niveau', 'ziel', 'ziele', 'level', 'goal', 'goals', 'target', 'targets',
]);

/**
 * True when "erreichen" or "reach" at `index` has a level or goal in its clause: achieving it
 * ("…, dass alle KIs den gleichen Standard erreichen", "make sure all centres reach the same
 * standard"), not contacting anyone.
 */
function reachesLevel(words: readonly WrittenWord[], clauses: readonly number[], index: number): boolean {
  return words.some((other, at) => at !== index && clauses[at] === clauses[index] && LEVELS.has(other.last));
}

/** The writer as the one who reaches ("die Eltern erreichen *wir* kaum"), folded: that may be trying to contact them. */
const WRITER_REACHING: ReadonlySet<string> = new Set(['ich', 'wir', 'mich', 'uns', 'mir']);

/**
 * True when "erreichen" at `index` has a group of people as its audience in its clause and the
 * writer is not the one reaching: outreach ("Unsere Museen erreichen kaum Menschen mit
 * Migrationsgeschichte"), not contact ("Wie erreiche ich die LaKI?", "Ich erreiche die Eltern
 * telefonisch nicht").
 */
function reachesAudience(words: readonly WrittenWord[], clauses: readonly number[], index: number): boolean {
  const inClause = (at: number) => at !== index && clauses[at] === clauses[index];
  return words.some((other, at) => inClause(at) && AUDIENCES.has(other.last)) && !words.some((other, at) => inClause(at) && WRITER_REACHING.has(other.last));
}

/** The word "erreichen" is read as when a clause asks what is to be reached: the goal. */
const GOAL = 'ziel';

/** Prepositions that set aside what follows ("außer dem Gesetz", "besides the law"), folded. */
const EXCLUDING: ReadonlySet<string> = new Set(['ausser', 'besides', 'except']);

/** Words that make "neben" set aside what follows ("neben dem Gesetz *noch* eine Vorgabe"), folded. */
const FURTHER_THINGS: ReadonlySet<string> = new Set(['noch', 'weitere', 'weiteres', 'weiteren', 'andere', 'anderes', 'anderen', 'zusatzlich']);

/** True when a word sets aside the next content word: "außer …", or "neben …" in a text asking for something further. */
function excludes(word: string, words: ReadonlyArray<{ readonly last: string }>): boolean {
  return EXCLUDING.has(word) || (word === 'neben' && words.some((other) => FURTHER_THINGS.has(other.last)));
}

/** Prepositions that name the source of a claim ("laut Erlass", "gemäß dem Faltblatt"), folded. */
const SOURCE_MARKERS: ReadonlySet<string> = new Set(['laut', 'gemass', 'gemaess', 'lt']);

/**
 * Every word a framing rule of `Analyzer.analyzeWords` looks for as a word's last part (the source
 * of a claim, what is set aside, asking with whom, "work with", "kind of", "in der Praxis", "eine
 * Übersicht über", "Schick mir", "Schwerpunkt auf", "focus on", "erreichen"/"reach"), folded: read once
 * per written word, so that the words no rule looks for pass the rules with one flag.
 */
const FRAME_WORDS: ReadonlySet<string> = new Set([
  ...SOURCE_MARKERS, ...EXCLUDING, 'neben', 'zusammen', ...WORKING, ...KIND_FRAMES, ...IN_PRACTICE, ...OVERVIEW_FRAMES,
  ...SENDING, ...FOCUS_FRAMES, ...FOCUSING, ...REACHING, ...REACHING_EN,
]);

/** A content word of a text: its folded parts, their stems, and the joined hyphen spelling. */
interface ContentWord {
  readonly parts: readonly WordPart[];
  readonly joined?: string;
  readonly casing: Word['casing'];
  /** A separable verb particle that ends the word's clause ("Wie richte ich ein KI *ein*?"). */
  readonly particle?: string;
}

/**
 * What a written word ("Integrationszentren", "E-Mail-Adresse") means in a question wherever it
 * stands, kept per snapshot so a message's words are read once, not once per reading of the
 * message (asked part, context, whole text). What depends on the neighbours stays out: the
 * casing, a clause-final separable particle, synonym and `forward` phrases.
 */
export interface WrittenWord {
  /** Stems of the folded parts and the joined spelling, stopwords included: what `forward` terms compare. */
  readonly stems: readonly string[];
  /** The single-word `forward` term of each of {@link stems}; undefined when the word has none. */
  readonly terms?: ReadonlyArray<string | undefined>;
  /**
   * Whether the word can take part in a `forward` term: it has one of its own ({@link terms}) or
   * one of its stems opens a phrase. A text none of whose words can finds no term, so its stems
   * are not gathered for the search.
   */
  readonly forward: boolean;
  /**
   * Whether {@link last} is one of the words the analyzer's framing rules look for ({@link FRAME_WORDS}):
   * the other words, nearly all, skip those rules' dozen lookups.
   */
  readonly frames: boolean;
  /** The last folded part: a separable verb particle when it ends its clause. */
  readonly last: string;
  /** The parts that are not stopwords, as `contentWords` reads them. */
  readonly content: readonly WordPart[];
  /** The joined spelling as a slot, when the knowledge base knows it (words with content only). */
  readonly joinedSlot?: Slot;
  /** Each content part read without a particle, filled when first needed. */
  readonly readings: Array<PartReading | undefined>;
}

/** A word reading with what it adds to a question's analysis. */
interface PartReading {
  readonly reading: WordReading;
  readonly slot?: Slot;
  /** Its canonical token, when the word is known or corrected (a noun if written as one). */
  readonly noun?: string;
}

/**
 * Written words whose reading is kept per snapshot (see {@link WrittenWord}): ≈ 0.5 KB each,
 * so at most ≈ 11 MB; 20,000 generated bench questions use 4,800 distinct words.
 */
const MAX_WRITTEN_WORDS = 20_000;
/** Bits of a word code (see `Analyzer.wordCode`). */
const ENDS_CLAUSE = 1;
const BREAKS_CLAUSE = 2;
const NONE: readonly never[] = Object.freeze([]);

/** Endings only German nouns have (folded), for words whose casing tells nothing: "jugendamt", "beratung". */
const NOUN_ENDING = /^[a-z]{2,}(?:amt|amter|amts|ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tat|taten|ium|ien|ion|ionen|stelle|stellen)$/;

/**
 * The clause of each word, where a separable particle before "und/oder" ends its clause as a
 * comma would: "Schreibt das Land das vor oder entscheiden wir das?" reads "vorschreiben", and
 * "entscheiden" stays without the particle. The clauses as given when no particle is followed so.
 */
function clausesEndingAtConjunctions(words: ReadonlyArray<{ readonly last: string }>, clauses: readonly number[]): readonly number[] {
  let scoped: number[] | undefined;
  let shift = 0;
  for (let index = 1; index < words.length; index++) {
    if (clauses[index] === clauses[index - 1] && COORDINATING_CONJUNCTIONS.has(words[index]!.last) && SEPARABLE_PARTICLES.has(words[index - 1]!.last)) {
      scoped ??= [...clauses];
      shift++;
    }
    if (scoped) scoped[index] = clauses[index]! + shift;
  }
  return scoped ?? clauses;
}

function contentWords(text: string | readonly Word[]): ContentWord[] {
  const words = typeof text === 'string' ? splitWords(text) : text;
  const particles = new Map<number, string>();
  words.forEach((word, index) => {
    const next = words[index + 1];
    const last = word.parts[word.parts.length - 1]!;
    if ((!next || next.clause !== word.clause) && index > 0 && SEPARABLE_PARTICLES.has(last)) particles.set(word.clause, last);
  });
  const result: ContentWord[] = [];
  for (const word of words) {
    const parts: WordPart[] = [];
    word.parts.forEach((folded, index) => {
      if (!isStopword(folded)) parts.push({ folded, stem: stem(folded), written: word.written[index] ?? folded });
    });
    if (parts.length === 0) continue;
    result.push({ parts, joined: word.joined ? stem(word.joined) : undefined, casing: word.casing, particle: particles.get(word.clause) });
  }
  return result;
}

/**
 * The stems a synonym group member is read as: its content words, folded and stemmed, stopwords
 * left out ("work with" is read as "work"; "Gründer" as "gründen").
 */
export function synonymStems(term: string): string[] {
  return contentWords(term).flatMap((word) => word.parts.map((part) => part.stem));
}

/** Every stem of a text, stopwords included: what `forward` terms are compared with. */
function allStems(text: string): string[] {
  return splitWords(text).flatMap((word) => [...word.parts, ...(word.joined ? [word.joined] : [])]).map(stem);
}

/**
 * Turns German text into comparable tokens. Built once per knowledge snapshot from every word
 * the entries use, so it can tell known words from typos, compounds and unknown words.
 */
export class Analyzer {
  private readonly vocabulary = new Set<string>();
  private readonly synonyms: SynonymTable;
  /** The tokens of the synonyms file's `fillers` groups: known, but never a word of an entry. */
  private readonly fillerTokens = new Set<string>();
  private readonly forward: ForwardTerms;
  /** The `local` phrases of the synonyms file as {@link Analysis.forwardTerms} names them. */
  private readonly localTerms: ReadonlySet<string>;
  private readonly words: WordReader;
  /**
   * Written words of questions (see {@link WrittenWord}). Their readings come from `words`, so
   * both are cleared together: a reading never outlives the one the word reader holds.
   */
  private readonly writtenWords = new BoundedCache<string, WrittenWord>(MAX_WRITTEN_WORDS);
  /** Written words of the knowledge base texts, interned: their ids index `indexedWords`. */
  private readonly wordIds = new Map<string, number>();
  private readonly rawWords: string[] = [];
  private readonly indexedWords: Array<IndexedWord | undefined> = [];
  /** {@link indexedWordWithParticle}'s slots, by particle and word id. */
  private readonly particleWords = new Map<string, Map<number, readonly Slot[]>>();
  /**
   * The knowledge base texts as word codes (see {@link wordCode}), from the vocabulary pass, so
   * indexing does not scan them again. Indexing asks for the texts in the order they were given,
   * so they are handed out by a cursor, not looked up by their (long) text; a text asked out of
   * order is simply scanned again. The codes of all texts share one array (text `i`'s end at
   * `scannedEnds[i]`): an array per text would leave hundreds of thousands of small objects for
   * the garbage collector to copy while a large base is indexed. Dropped by {@link finishIndexing}.
   */
  private scannedTexts: string[] = [];
  private scannedEnds = new IntList();
  private scannedCodes = new IntList();
  private scannedCursor = 0;

  /**
   * @param texts every text the knowledge base indexes (questions, titles, keywords, answers)
   * @param isGermanWord whether a word as written is real German (default: the dictionary-de list)
   */
  constructor(
    texts: Iterable<string>,
    synonyms: SynonymsFile,
    settings: AnalyzerSettings = DEFAULT_ANALYZER_SETTINGS,
    isGermanWord: (written: string) => boolean = (written) => germanWords().has(written),
  ) {
    const addCode = (raw: string, endsClause: boolean, breaksClause: boolean) => this.scannedCodes.push(this.wordCode(raw, endsClause, breaksClause));
    for (const text of texts) {
      scanWords(text, addCode);
      this.scannedTexts.push(text);
      this.scannedEnds.push(this.scannedCodes.length);
    }
    const fillers = synonyms.fillers ?? [];
    const members = [...synonyms.groups, ...fillers].flat().flatMap((term) => contentWords(term).flatMap((word) => word.parts));
    const english = foreignForms(members, new Set(this.vocabulary), isGermanWord);
    this.synonyms = new SynonymTable([...synonyms.groups, ...fillers], synonymStems, (token) => this.vocabulary.add(token));
    for (const group of fillers) {
      const canonical = group.map(synonymStems).find((stems) => stems.length > 0);
      if (canonical) this.fillerTokens.add(canonical.join('_'));
    }
    const local = synonyms.local ?? [];
    this.forward = new ForwardTerms([...synonyms.forward, ...local], allStems);
    this.localTerms = new Set(local.map((term) => allStems(term).join(' ')));
    this.words = new WordReader(this.vocabulary, settings, isGermanWord, () => this.writtenWords.clear(), english);
  }

  /**
   * True when a term of {@link Analysis.forwardTerms} names the asker's own municipality (a
   * `local` phrase of the synonyms file: "bei uns im Kreis").
   */
  isLocalTerm(term: string): boolean {
    return this.localTerms.has(term);
  }

  /** Number of distinct known stems, for /healthz and benchmarks. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Tokens of a knowledge base text: compounds add their parts, nothing is corrected. */
  analyzeIndexed(text: string): Analysis {
    const cursor = this.scannedCursor;
    let codes: IntList;
    let from = 0;
    if (cursor < this.scannedTexts.length && this.scannedTexts[cursor] === text) {
      codes = this.scannedCodes;
      from = cursor === 0 ? 0 : this.scannedEnds.get(cursor - 1);
      this.scannedCursor++;
    } else {
      codes = new IntList(64);
      scanWords(text, (raw, endsClause, breaksClause) => codes.push(this.wordCode(raw, endsClause, breaksClause)));
    }
    const to = codes === this.scannedCodes ? this.scannedEnds.get(cursor) : codes.length;
    const slots: Slot[] = [];
    let particle = false;
    let together = false;
    for (let i = from; i < to; i++) {
      const code = codes.get(i);
      const word = this.indexedWord(code >> 2);
      if ((code & ENDS_CLAUSE) !== 0 && word.particle) particle = true;
      if (word.withWhom === 'together') together = true;
      for (const slot of word.slots) slots.push(slot);
    }
    // A clause-final particle ("… richtet ein KI ein.") changes how the clause's verbs read, and
    // "Mit wem zusammen …" is working together, as in a question (rare: both read word by word).
    if (particle || together) return this.analyzeIndexedWithParticles(codes, from, to);
    const { tokens, compoundParts } = this.synonyms.apply(slots);
    return { tokens: this.withoutFillers(tokens), compoundParts, readings: NONE, forwardTerms: NONE, nounTokens: NONE };
  }

  /**
   * An indexed text's tokens without the `fillers` tokens: "Können Sie die Aufgaben beschreiben?"
   * in an entry must not make every question with "beschreiben", "geben" or "Chef" lean to it
   * (written alone, or as a compound's part: "Unternehmen" as "unter" + "nehmen").
   */
  private withoutFillers(tokens: string[]): string[] {
    return this.fillerTokens.size === 0 || !tokens.some((token) => this.fillerTokens.has(token)) ? tokens : tokens.filter((token) => !this.fillerTokens.has(token));
  }

  /** Frees the scanned texts once the index is built (they are only needed while indexing). */
  finishIndexing(): void {
    this.scannedTexts = [];
    this.scannedEnds = new IntList(0);
    this.scannedCodes = new IntList(0);
    this.scannedCursor = 0;
  }

  /**
   * A written word of an indexed text as one number: its id × 4, + {@link ENDS_CLAUSE} when a
   * clause mark follows it, + {@link BREAKS_CLAUSE} when its clause ends after it (as
   * `splitWords` numbers clauses).
   */
  private wordCode(raw: string, endsClause: boolean, breaksClause: boolean): number {
    return this.internWord(raw) * 4 + (endsClause ? ENDS_CLAUSE : 0) + (breaksClause ? BREAKS_CLAUSE : 0);
  }

  /** The id of a written word; a new word adds its stems to the vocabulary. */
  private internWord(raw: string): number {
    let id = this.wordIds.get(raw);
    if (id !== undefined) return id;
    id = this.rawWords.length;
    this.rawWords.push(raw);
    this.wordIds.set(raw, id);
    const forms = formsOf(raw);
    let content = false;
    for (const part of forms.parts) {
      if (isStopword(part)) continue;
      content = true;
      this.vocabulary.add(stem(part));
    }
    if (forms.joined && content) this.vocabulary.add(stem(forms.joined));
    return id;
  }

  /**
   * The slots a written word contributes to an indexed text, computed once per snapshot:
   * indexing 10,000 entries meets the same words millions of times.
   */
  private indexedWord(id: number): IndexedWord {
    let word = this.indexedWords[id];
    if (word) return word;
    const forms = formsOf(this.rawWords[id]!);
    const content = forms.parts.filter((part) => !isStopword(part));
    const slots: Slot[] = content.map((part) => {
      const token = stem(part);
      return { tokens: [token], parts: this.words.compoundParts(token) ?? [] };
    });
    if (forms.joined && content.length > 0) slots.push({ tokens: [stem(forms.joined)], parts: [], joined: true });
    const last = forms.parts[forms.parts.length - 1]!;
    const withWhom = withWhomRole(last);
    word = SEPARABLE_PARTICLES.has(last) ? { slots, particle: last, withWhom } : { slots, withWhom };
    this.indexedWords[id] = word;
    return word;
  }

  /**
   * The slots of a written word of an indexed text in a clause that ends in `particle`: a verb
   * reads as the joined verb ("richtet … ein" → "einrichten"). Kept per word and particle, like
   * {@link indexedWord}.
   */
  private indexedWordWithParticle(id: number, particle: string): readonly Slot[] {
    let byWord = this.particleWords.get(particle);
    if (!byWord) this.particleWords.set(particle, (byWord = new Map()));
    let slots = byWord.get(id);
    if (slots) return slots;
    const forms = formsOf(this.rawWords[id]!);
    const read: Slot[] = [];
    for (const folded of forms.parts) {
      if (isStopword(folded)) continue;
      const token = this.words.separableVerb(particle, folded) || stem(folded);
      read.push({ tokens: [token], parts: this.words.compoundParts(token) ?? [] });
    }
    if (read.length > 0 && forms.joined) read.push({ tokens: [stem(forms.joined)], parts: [], joined: true });
    byWord.set(id, read);
    return read;
  }

  /**
   * An indexed text whose clauses may end in a separable verb particle: each word of such a
   * clause is read with the particle ("richtet … ein" → "einrichten"), as `contentWords` reads
   * a text, but from the word codes (`from` … `to - 1` of `codes`) instead of splitting the
   * text again. The other clauses' words read as they always do.
   */
  private analyzeIndexedWithParticles(codes: IntList, from: number, to: number): Analysis {
    const particles = new Map<number, string>();
    let clause = 0;
    for (let index = from; index < to; index++) {
      const code = codes.get(index);
      if ((code & BREAKS_CLAUSE) !== 0) {
        const particle = this.indexedWord(code >> 2).particle;
        if (index > from && particle) particles.set(clause, particle);
        clause++;
      }
    }
    const slots: Slot[] = [];
    clause = 0;
    /** Where the current clause stands in asking with whom: nothing yet, "mit", or "mit wem". */
    let asking: 'no' | 'with' | 'withWhom' = 'no';
    for (let index = from; index < to; index++) {
      const code = codes.get(index);
      const particle = particles.get(clause);
      const role = this.indexedWord(code >> 2).withWhom;
      // "Mit wem zusammen erfüllt die LaKI ihre Aufgaben?" in an entry reads as the same question
      // asked in chat does ({@link asksWithWhom}): working together, whatever the verb.
      if (role === 'together' && asking === 'withWhom' && this.vocabulary.has(COOPERATION)) slots.push({ tokens: [COOPERATION], parts: [] });
      if (role === 'with') asking = asking === 'withWhom' ? asking : 'with';
      else if (asking === 'with') asking = role === 'whom' ? 'withWhom' : 'no';
      if ((code & BREAKS_CLAUSE) !== 0) {
        clause++;
        asking = 'no';
      }
      const word = particle ? this.indexedWordWithParticle(code >> 2, particle) : this.indexedWord(code >> 2).slots;
      for (const slot of word) slots.push(slot);
    }
    const { tokens, compoundParts } = this.synonyms.apply(slots);
    return { tokens: this.withoutFillers(tokens), compoundParts, readings: [], forwardTerms: [], nounTokens: [] };
  }

  /** Tokens of a user's question: typos corrected, compounds split, unknown words reported. */
  analyzeQuery(text: string): Analysis {
    const words: WrittenWord[] = [];
    const casings: Array<Word['casing']> = [];
    const clauses: number[] = [];
    eachWord(text, (raw, casing, clause) => {
      words.push(this.writtenWord(raw));
      casings.push(casing);
      clauses.push(clause);
    });
    return this.analyzeWords(words, casings, clauses);
  }

  /**
   * A question's analysis from its written words ({@link writtenWord}), each with the casing and
   * clause {@link eachWord} gives it in the question: what {@link analyzeQuery} reads, and what
   * reading a message once (`messageWords.ts`) hands over for each piece of the message.
   */
  analyzeWords(words: readonly WrittenWord[], casings: ReadonlyArray<Word['casing']>, givenClauses: readonly number[]): Analysis {
    // A separable verb particle that ends its clause ("Wie richte ich ein KI ein?") is read
    // with every word of that clause, as `contentWords` does.
    let particles: Map<number, string> | undefined;
    const clauses = clausesEndingAtConjunctions(words, givenClauses);
    for (let index = 1; index < words.length; index++) {
      if ((index + 1 === words.length || clauses[index + 1] !== clauses[index]) && SEPARABLE_PARTICLES.has(words[index]!.last)) {
        (particles ??= new Map()).set(clauses[index]!, words[index]!.last);
      }
    }
    const slots: Slot[] = [];
    const readings: WordReading[] = [];
    const nounTokens: string[] = [];
    // Most texts have no word that can be or open a `forward` term: their stems are not gathered.
    const readsForward = words.some((word) => word.forward);
    const stems: string[] = [];
    const terms: Array<string | undefined> = [];
    /** After "laut"/"gemäß" or "außer": the next content word names where the asker read it, or what is set aside — not the topic. */
    let skipNext = false;
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      const firstTerm = terms.length;
      if (readsForward) {
        for (let i = 0; i < word.stems.length; i++) {
          stems.push(word.stems[i]!);
          terms.push(word.terms?.[i]);
        }
      }
      if (word.frames && (SOURCE_MARKERS.has(word.last) || excludes(word.last, words))) skipNext = index + 1 < words.length;
      // "mit wem die LaKI ihre Aufgaben zusammen erledigt", "Mit wem macht sie das zusammen?": doing it
      // together with someone is working together, whatever the verb.
      if (word.frames && word.last === 'zusammen' && asksWithWhom(words, clauses, index) && this.vocabulary.has(COOPERATION)) {
        readings.push({ kind: 'known', word: word.last, as: COOPERATION });
        slots.push({ tokens: [COOPERATION], parts: [] });
        continue;
      }
      if (word.content.length === 0) continue;
      // "Was sind laut Land die Handlungsfelder?": the source, not the topic; "Gibt es außer dem
      // Gesetz noch etwas?": what is set aside, not the topic.
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (word.frames && this.framesOnly(words, clauses, index, readings, slots)) continue;
      const casing = casings[index]!;
      const particle = particles?.get(clauses[index]!);
      // "Wer stellt den sicher?": the particle closing the clause belongs to its verb; unknown as a word of its own, it names nothing asked.
      const closesClause = particle !== undefined && word.last === particle && (index + 1 === words.length || clauses[index + 1] !== clauses[index]);
      for (let i = 0; i < word.content.length; i++) {
        const part = word.content[i]!;
        const read = particle ? this.partReading(this.words.read(part, particle)) : (word.readings[i] ??= this.partReading(this.words.read(part)));
        const reading = read.reading;
        if (closesClause && reading.kind === 'unknown') continue;
        // "Liste mir die Aufgaben auf" is the verb "auflisten", not the noun "Liste" a forward term names.
        if (particle && reading.kind === 'known' && reading.as !== part.stem) terms.fill(undefined, firstTerm);
        readings.push(reading.kind === 'unknown' && reading.casing !== casing ? { ...reading, casing } : reading);
        if (read.slot) slots.push(read.slot);
        if (read.noun !== undefined && (casing === 'noun' || (casing === 'unclear' && NOUN_ENDING.test(part.folded)))) nounTokens.push(read.noun);
      }
      if (word.joinedSlot) slots.push(word.joinedSlot);
    }
    // Built field by field: V8 adds each property that follows a spread (`{ ...applied, readings }`)
    // through its runtime, about a microsecond each, and this runs for every text a message has.
    const { tokens, compoundParts } = this.synonyms.apply(slots);
    return { tokens, compoundParts, readings, forwardTerms: readsForward ? this.forward.find(stems, terms) : [], nounTokens };
  }

  /**
   * The framing rules of {@link analyzeWords} for the word at `index`, one of {@link FRAME_WORDS}:
   * true when the word frames the question rather than naming its topic, read (into `readings`
   * and `slots`) as what it frames ("work with" as cooperation, "erreichen" asked with "was" as the
   * goal) or left out.
   */
  private framesOnly(words: readonly WrittenWord[], clauses: readonly number[], index: number, readings: WordReading[], slots: Slot[]): boolean {
    const word = words[index]!;
    // "Do the centres *work with* migrant organisations?": working together, not the work done.
    if (WORKING.has(word.last) && (words[index + 1]?.last === 'with' || words[index + 1]?.last === 'together') && this.vocabulary.has(COOPERATION)) {
      readings.push({ kind: 'known', word: word.last, as: COOPERATION });
      slots.push({ tokens: [COOPERATION], parts: [] });
      return true;
    }
    // "What *kind of* support …?": the frame of the question, not the German "Kind".
    if (KIND_FRAMES.has(word.last) && words[index + 1]?.last === 'of') return true;
    // "Was heißt das *in der Praxis*?", "What does it mean *in practice*?": how concretely, not the good-practice topic.
    if (IN_PRACTICE.has(word.last) && (words[index - 1]?.last === 'in' || (words[index - 1]?.last === 'der' && words[index - 2]?.last === 'in'))) return true;
    // "eine Übersicht über die Angebote für Schulen": the request's frame, not its topic.
    if (OVERVIEW_FRAMES.has(word.last) && words[index + 1]?.last === 'uber' && index + 2 < words.length) return true;
    // "Schick mir mal die Aufgaben …": the request's verb, not the topic ("Wohin schicke ich …?" is).
    if (SENDING.has(word.last) && index === 0 && (words[1]?.last === 'mir' || words[1]?.last === 'uns')) return true;
    // "einen Schwerpunkt auf die Eltern legen", "Wert auf … legen": the frame, not the topic.
    if (FOCUS_FRAMES.has(word.last) && words[index + 1]?.last === 'auf' && index + 2 < words.length) return true;
    // "What do the centres *focus on* when …?": the frame, as "Schwerpunkt auf", not the topic.
    if (FOCUSING.has(word.last) && words[index + 1]?.last === 'on') return true;
    // "Was wollen die KIs erreichen?" asks for their goal; "Wie erreiche ich die LaKI?" for contact.
    if (REACHING.has(word.last) && this.vocabulary.has(GOAL) && words.some((other, at) => at < index && clauses[at] === clauses[index] && WHAT_INTERROGATIVES.has(other.last))) {
      readings.push({ kind: 'known', word: word.last, as: GOAL });
      slots.push({ tokens: [GOAL], parts: [] });
      return true;
    }
    // "Unser Museum erreicht kaum Menschen mit Migrationsgeschichte", "Die Seniorentreffs erreichen die
    // Älteren nicht": an institution reaching a group of people reaches its audience, it contacts no one.
    if (REACHING.has(word.last) && reachesAudience(words, clauses, index)) return true;
    // "…, dass alle KIs den gleichen Standard erreichen", "reach the same quality standard": achieving a level, no contact.
    if ((REACHING.has(word.last) || REACHING_EN.has(word.last)) && reachesLevel(words, clauses, index)) return true;
    return false;
  }

  /** A written word of a question, read once per snapshot (see {@link WrittenWord}). */
  writtenWord(raw: string): WrittenWord {
    const cached = this.writtenWords.get(raw);
    if (cached) return cached;
    const forms = formsOf(raw);
    const folded = forms.joined ? [...forms.parts, forms.joined] : forms.parts;
    const stems = folded.map(stem);
    const isKnown = (stemmed: string) => this.vocabulary.has(stemmed);
    const content: WordPart[] = [];
    forms.parts.forEach((part, index) => {
      if (!isStopword(part)) content.push({ folded: part, stem: stems[index]!, written: forms.written[index] ?? part });
    });
    const joined = forms.joined && content.length > 0 ? stems[stems.length - 1]! : undefined;
    const terms = folded.map((word, index) => this.forward.wordTerm(word, stems[index]!, isKnown));
    const hasTerm = terms.some((term) => term !== undefined);
    const last = forms.parts[forms.parts.length - 1]!;
    return this.writtenWords.set(raw, {
      stems,
      terms: hasTerm ? terms : undefined,
      forward: hasTerm || stems.some((stemmed) => this.forward.opensPhrase(stemmed)),
      frames: FRAME_WORDS.has(last),
      last,
      content,
      joinedSlot: joined && this.vocabulary.has(joined) ? { tokens: [joined], parts: [], joined: true } : undefined,
      readings: content.map(() => undefined),
    });
  }

  /** What a reading adds to a question's analysis. */
  private partReading(reading: WordReading): PartReading {
    switch (reading.kind) {
      case 'known':
        return { reading, slot: { tokens: [reading.as], parts: this.words.compoundParts(reading.as) ?? [] }, noun: this.synonyms.canonical(reading.as) };
      case 'compound':
        return { reading, slot: { tokens: reading.parts, parts: [] } };
      case 'corrected':
        return { reading, slot: { tokens: [reading.correction], parts: [] }, noun: this.synonyms.canonical(reading.correction) };
      default:
        return { reading };
    }
  }

  /** Every stem of a text, stopwords included: what `forward` terms are compared with. */
  rawStems(text: string): string[] {
    return allStems(text);
  }

  /** True when the knowledge base uses this stem. */
  knows(stemmed: string): boolean {
    return this.vocabulary.has(stemmed);
  }

  /**
   * The words of the knowledge base texts that split into a compound only because the synonyms
   * file knows one of their parts (see {@link SynonymCompound}), for the editors' check. Reads
   * the texts again to learn which tokens entries have as words of their own.
   *
   * @param texts every text the knowledge base indexes, as given to the constructor
   */
  synonymCompounds(texts: Iterable<string>): SynonymCompound[] {
    const writtenByStem = new Map<string, string>();
    const splittable: string[] = [];
    for (const raw of this.rawWords) {
      const forms = formsOf(raw);
      let content = false;
      forms.parts.forEach((part, index) => {
        if (isStopword(part)) return;
        content = true;
        const stemmed = stem(part);
        if (writtenByStem.has(stemmed)) return;
        writtenByStem.set(stemmed, forms.written[index] ?? part);
        splittable.push(stemmed);
      });
      // A joined spelling ("rucksackkita") is a word of the entries too, but never split (see indexedWord).
      const joined = forms.joined && content ? stem(forms.joined) : undefined;
      if (joined && !writtenByStem.has(joined)) writtenByStem.set(joined, raw);
    }
    const entryTokens = new Set<string>();
    for (const text of texts) {
      const { tokens, compoundParts } = this.analyzeIndexed(text);
      for (const token of tokens) if (!compoundParts.has(token)) entryTokens.add(token);
    }
    const compounds: SynonymCompound[] = [];
    for (const stemmed of splittable) {
      const parts = this.words.compoundParts(stemmed);
      if (!parts || parts.every((part) => writtenByStem.has(part))) continue;
      compounds.push({
        written: writtenByStem.get(stemmed)!,
        parts: parts.map((part) => ({
          stem: part,
          ...(writtenByStem.has(part) ? { written: writtenByStem.get(part)! } : {}),
          filler: this.synonyms.inGroup(part) && !entryTokens.has(this.synonyms.canonical(part)),
        })),
      });
    }
    return compounds;
  }
}
