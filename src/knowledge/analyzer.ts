import { distance as editDistance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';
import type { SynonymsFile } from './schema';
import { fold, foldDigraphs, isStopword, splitWords, stem, type Word } from './text';

/** How one written word of a question was understood. */
export type WordReading =
  /** Known to the knowledge base (after folding and stemming, or as a digraph/zu-infinitive variant). */
  | { readonly kind: 'known'; readonly word: string; readonly as: string }
  /** A compound split into known parts ("rucksackkita" → "rucksack" + "kita"). */
  | { readonly kind: 'compound'; readonly word: string; readonly parts: readonly string[] }
  /** A typo corrected to the nearest known word. */
  | { readonly kind: 'corrected'; readonly word: string; readonly correction: string }
  /** Nothing in the knowledge base uses this word. */
  | { readonly kind: 'unknown'; readonly word: string; readonly casing: Word['casing']; readonly numeric: boolean };

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

/** Tunables of the analyzer with frozen defaults; see README "How matching decides". */
export interface AnalyzerSettings {
  /** Shortest stem that typo correction tries to correct. */
  readonly minCorrectionLength: number;
  /** Fuse.js threshold (0 = exact … 1 = anything) for typo correction of one word. */
  readonly correctionThreshold: number;
  /** Shortest part of a compound split. */
  readonly minCompoundPart: number;
}

export const DEFAULT_ANALYZER_SETTINGS: AnalyzerSettings = Object.freeze({
  minCorrectionLength: 5,
  correctionThreshold: 0.25,
  minCompoundPart: 3,
});

interface Phrase {
  readonly tokens: readonly string[];
  readonly canonical: string;
}

/** One word of a text on its way to tokens: its own token(s) and the parts of a compound. */
interface Slot {
  readonly tokens: readonly string[];
  readonly parts: readonly string[];
}


/** A content word of a text: its folded parts, their stems, and the joined hyphen spelling. */
interface ContentWord {
  readonly parts: ReadonlyArray<{ readonly folded: string; readonly stem: string }>;
  readonly joined?: string;
  readonly casing: Word['casing'];
  /** A separable verb particle that ends the word's clause ("Wie richte ich ein KI *ein*?"). */
  readonly particle?: string;
}

const MIN_COMPOUND_HEAD = 4;
const MAX_CACHE = 50_000;

/** Separable verb prefixes that take "zu" inside the infinitive ("einzurichten" → "einrichten"). */
const ZU_INFIX = /^(ab|an|auf|aus|bei|dar|ein|fest|her|hin|mit|nach|um|vor|vorbei|weiter|zu|zuruck|zusammen)zu(\p{L}{4,})$/u;

/** Particles of separable verbs, which German moves to the end of the clause. */
const SEPARABLE_PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'her', 'hin', 'mit', 'nach', 'um', 'vor', 'vorbei', 'weiter', 'zu', 'zuruck', 'zusammen']);

function contentWords(text: string | readonly Word[]): ContentWord[] {
  const words = typeof text === 'string' ? splitWords(text) : text;
  const particles = new Map<number, string>();
  words.forEach((word, index) => {
    const next = words[index + 1];
    const last = word.parts[word.parts.length - 1]!;
    if ((!next || next.clause !== word.clause) && index > 0 && SEPARABLE_PARTICLES.has(last)) particles.set(word.clause, last);
  });
  return words.flatMap((word) => {
    const parts = word.parts.filter((part) => !isStopword(part)).map((folded) => ({ folded, stem: stem(folded) }));
    if (parts.length === 0) return [];
    return [{ parts, joined: word.joined ? stem(word.joined) : undefined, casing: word.casing, particle: particles.get(word.clause) }];
  });
}

/** Every stem of a text, stopwords included: what `forward` terms are compared with. */
function allStems(text: string | readonly Word[]): { folded: string[]; stems: string[] } {
  const folded = (typeof text === 'string' ? splitWords(text) : text).flatMap((word) => [...word.parts, ...(word.joined ? [word.joined] : [])]);
  return { folded, stems: folded.map(stem) };
}

/**
 * The forward term a word ends with, as the head of a compound ("antragsfrist" → "frist"):
 * the longest known head of at least {@link MIN_COMPOUND_HEAD} letters, or undefined.
 */
function compoundHead(word: string, heads: ReadonlyMap<string, string>): string | undefined {
  for (let start = 1; start <= word.length - MIN_COMPOUND_HEAD; start++) {
    const term = heads.get(word.slice(start));
    if (term) return term;
  }
  return undefined;
}

/** Past participles: "eingerichtet" → "einrichten", "gegründet" → "gründen", "gefördert" → "fördern". */
const PARTICIPLE = /^(ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|um|vor|weiter|zu|zuruck|zusammen)?ge(\p{L}{3,}?)(et|t|en)$/u;

/** Infinitives a conjugated verb or participle may come from ("richtet" → "richten", "gründest" → "gründen"). */
function infinitives(folded: string): string[] {
  const forms: string[] = [];
  const match = /^(\p{L}{3,}?)(est|et|st|t|e)$/u.exec(folded);
  if (match) forms.push(`${match[1]}en`);
  const participle = PARTICIPLE.exec(folded);
  if (participle) {
    const base = (participle[1] ?? '') + participle[2]!;
    forms.push(/(er|el)$/u.test(base) ? `${base}n` : `${base}en`);
  }
  return forms;
}

function bucketKey(firstLetter: string, length: number): string {
  return `${firstLetter}${length}`;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Turns German text into comparable tokens. Built once per knowledge snapshot from every word
 * the entries use, so it can tell known words from typos, compounds and unknown words.
 */
export class Analyzer {
  private readonly vocabulary = new Set<string>();
  private readonly synonyms = new Map<string, string>();
  private readonly phrases = new Map<string, Phrase[]>();
  private readonly forward: Phrase[] = [];
  private readonly fuzzyBuckets = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();
  private readonly compounds = new Map<string, string[] | null>();
  private readonly readings = new Map<string, WordReading>();
  /** Single-word forward terms, folded and stemmed, for exact and compound-head lookups. */
  private readonly forwardWords = new Map<string, string>();
  private readonly forwardStems = new Map<string, string>();

  /**
   * @param texts every text the knowledge base indexes (questions, titles, keywords, answers)
   */
  constructor(
    texts: Iterable<string>,
    synonyms: SynonymsFile,
    private readonly settings: AnalyzerSettings = DEFAULT_ANALYZER_SETTINGS,
  ) {
    for (const text of texts) {
      for (const word of contentWords(text)) {
        word.parts.forEach((part) => this.vocabulary.add(part.stem));
        if (word.joined) this.vocabulary.add(word.joined);
      }
    }
    for (const group of synonyms.groups) this.addSynonymGroup(group);
    for (const term of synonyms.forward) {
      const tokens = allStems(term).stems;
      if (tokens.length === 1) {
        this.forwardWords.set(fold(term), tokens[0]!);
        this.forwardStems.set(tokens[0]!, tokens[0]!);
      } else if (tokens.length > 1) {
        this.forward.push({ tokens, canonical: tokens.join(' ') });
      }
    }
    this.buildFuzzyIndex();
  }

  /** Number of distinct known stems, for /healthz and benchmarks. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Tokens of a knowledge base text: compounds add their parts, nothing is corrected. */
  analyzeIndexed(text: string): Analysis {
    const slots: Slot[] = [];
    for (const word of contentWords(text)) {
      for (const { folded, stem: s } of word.parts) {
        const token = (word.particle && this.separableVerb(word.particle, folded)) || s;
        slots.push({ tokens: [token], parts: this.compoundParts(token) ?? [] });
      }
      if (word.joined) slots.push({ tokens: [word.joined], parts: [] });
    }
    return { ...this.applySynonyms(slots), readings: [], forwardTerms: [], nounTokens: [] };
  }

  /** Tokens of a user's question: typos corrected, compounds split, unknown words reported. */
  analyzeQuery(text: string): Analysis {
    const words = splitWords(text);
    const slots: Slot[] = [];
    const readings: WordReading[] = [];
    const nounTokens: string[] = [];
    for (const word of contentWords(words)) {
      for (const part of word.parts) {
        const reading = this.read(part.folded, part.stem, word.casing, word.particle);
        readings.push(reading);
        if (word.casing === 'noun' && (reading.kind === 'known' || reading.kind === 'corrected')) {
          const token = reading.kind === 'known' ? reading.as : reading.correction;
          nounTokens.push(this.synonyms.get(token) ?? token);
        }
        if (reading.kind === 'known') slots.push({ tokens: [reading.as], parts: this.compoundParts(reading.as) ?? [] });
        else if (reading.kind === 'compound') slots.push({ tokens: reading.parts, parts: [] });
        else if (reading.kind === 'corrected') slots.push({ tokens: [reading.correction], parts: [] });
      }
      if (word.joined && this.vocabulary.has(word.joined)) slots.push({ tokens: [word.joined], parts: [] });
    }
    return { ...this.applySynonyms(slots), readings, forwardTerms: this.findForwardTerms(words), nounTokens };
  }

  /** Every stem of a text, stopwords included: what `forward` terms are compared with. */
  rawStems(text: string): string[] {
    return allStems(text).stems;
  }

  /**
   * Reads one word. How a word is read depends only on the word (and a clause-final particle),
   * so readings are cached per snapshot: questions differ, their words mostly repeat.
   */
  private read(folded: string, stemmed: string, casing: Word['casing'], particle?: string): WordReading {
    const key = particle ? `${particle} ${folded}` : folded;
    let reading = this.readings.get(key);
    if (!reading) reading = remember(this.readings, key, this.readUncached(folded, stemmed, particle));
    return reading.kind === 'unknown' && reading.casing !== casing ? { ...reading, casing } : reading;
  }

  private readUncached(folded: string, stemmed: string, particle?: string): WordReading {
    const casing: Word['casing'] = 'unclear';
    const verb = particle && this.separableVerb(particle, folded);
    if (verb) return { kind: 'known', word: stemmed, as: verb };
    if (this.vocabulary.has(stemmed)) return { kind: 'known', word: stemmed, as: stemmed };
    for (const variant of this.spellingVariants(folded)) {
      const variantStem = stem(variant);
      if (this.vocabulary.has(variantStem)) return { kind: 'known', word: stemmed, as: variantStem };
    }
    const parts = this.compoundParts(stemmed);
    if (parts) return { kind: 'compound', word: stemmed, parts };
    const correction = this.correct(stemmed);
    if (correction) return { kind: 'corrected', word: stemmed, correction };
    return { kind: 'unknown', word: stemmed, casing, numeric: /\d/.test(stemmed) };
  }

  /**
   * "richtet … ein" means "einrichten": the joined verb's stem when the knowledge base knows it,
   * so questions and entries meet whichever way they split the verb.
   */
  private separableVerb(particle: string, folded: string): string | null {
    for (const form of [folded, ...infinitives(folded)]) {
      const joined = stem(particle + form);
      if (this.vocabulary.has(joined)) return joined;
    }
    return null;
  }

  /**
   * Other spellings of an unknown word that mean the same: umlauts written as digraphs
   * ("Uebergang"), "zu" inside a separable verb ("einzurichten"), two swapped letters
   * ("Adrese" is handled by typo correction, "emial" by the swap).
   */
  private *spellingVariants(folded: string): Generator<string> {
    const digraphs = foldDigraphs(folded);
    if (digraphs !== folded) yield digraphs;
    const zu = ZU_INFIX.exec(folded);
    if (zu) yield zu[1]! + zu[2]!;
    yield* infinitives(folded);
    if (folded.length >= this.settings.minCorrectionLength) {
      for (let i = 0; i < folded.length - 1; i++) {
        if (folded[i] !== folded[i + 1]) yield folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2);
      }
    }
  }

  /** Known parts of a compound, cached; null when the word is not a compound of known words. */
  private compoundParts(word: string): string[] | null {
    const cached = this.compounds.get(word);
    return cached !== undefined ? cached : remember(this.compounds, word, this.splitCompound(word));
  }

  /**
   * Splits a compound into two or more known words, allowing the linking "s"
   * ("integrationskonzept" → "integration" + "konzept"). Prefers the longest first part.
   */
  private splitCompound(word: string, depth = 0): string[] | null {
    const min = this.settings.minCompoundPart;
    if (word.length < 2 * min || depth > 2) return null;
    for (let cut = word.length - min; cut >= min; cut--) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      const knownHead = this.knownStem(head) ?? (head.endsWith('s') ? this.knownStem(head.slice(0, -1)) : null);
      if (!knownHead) continue;
      const knownTail = this.knownStem(tail);
      if (knownTail) return [knownHead, knownTail];
      const tailParts = this.splitCompound(tail, depth + 1);
      if (tailParts) return [knownHead, ...tailParts];
    }
    return null;
  }

  private knownStem(fragment: string): string | null {
    if (fragment.length < this.settings.minCompoundPart || isStopword(fragment)) return null;
    if (this.vocabulary.has(fragment)) return fragment;
    const stemmed = stem(fragment);
    return this.vocabulary.has(stemmed) ? stemmed : null;
  }

  /**
   * Nearest known word of similar length and the same first letter (people rarely mistype the
   * first letter, and the buckets keep each Fuse.js search small as the vocabulary grows), or
   * null when nothing is close enough.
   */
  private correct(word: string): string | null {
    if (word.length < this.settings.minCorrectionLength || /\d/.test(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    let best: { item: string; score: number } | null = null;
    // Fuse.js ranks by its bitap score, which forgives whole runs of letters in longer words
    // ("leiterin" ~ "leitlini"); a typo is one or two edits, so candidates must also be that close.
    const maxEdits = word.length >= 10 ? 2 : 1;
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      for (const hit of this.fuzzyBuckets.get(bucketKey(word[0]!, length))?.search(word, { limit: 3 }) ?? []) {
        if (hit.score === undefined || (best && hit.score >= best.score)) continue;
        if (editDistance(word, hit.item) <= maxEdits) best = { item: hit.item, score: hit.score };
      }
    }
    return remember(this.corrections, word, best && best.score <= this.settings.correctionThreshold ? best.item : null);
  }

  private buildFuzzyIndex(): void {
    const buckets = new Map<string, string[]>();
    for (const word of this.vocabulary) {
      if (word.length < this.settings.minCorrectionLength - 2 || /\d/.test(word)) continue;
      const key = bucketKey(word[0]!, word.length);
      const bucket = buckets.get(key) ?? [];
      bucket.push(word);
      buckets.set(key, bucket);
    }
    for (const [key, words] of buckets) {
      this.fuzzyBuckets.set(
        key,
        new Fuse(words, { includeScore: true, threshold: this.settings.correctionThreshold, ignoreLocation: true }),
      );
    }
  }

  private addSynonymGroup(group: readonly string[]): void {
    const members = group
      .map((term) => contentWords(term).flatMap((word) => word.parts.map((part) => part.stem)))
      .filter((tokens) => tokens.length > 0);
    const canonicalTokens = members[0];
    if (!canonicalTokens) return;
    const canonical = canonicalTokens.join('_');
    for (const tokens of members) {
      tokens.forEach((token) => this.vocabulary.add(token));
      if (tokens.length === 1) {
        if (!this.synonyms.has(tokens[0]!)) this.synonyms.set(tokens[0]!, canonical);
      } else {
        const list = this.phrases.get(tokens[0]!) ?? [];
        list.push({ tokens, canonical });
        list.sort((a, b) => b.tokens.length - a.tokens.length);
        this.phrases.set(tokens[0]!, list);
      }
    }
    if (canonicalTokens.length > 1) this.vocabulary.add(canonical);
  }

  /**
   * Replaces synonyms by the canonical token of their group. A multi-word phrase
   * ("Kommunales Integrationszentrum") adds its canonical token; its words stay (they may
   * mean something alone, "Teilhabe"), but their compound parts go: the phrase is one unit.
   */
  private applySynonyms(slots: readonly Slot[]): { tokens: string[]; compoundParts: Set<string> } {
    const tokens: string[] = [];
    const partTokens: string[] = [];
    for (let i = 0; i < slots.length; i++) {
      const head = slots[i]!.tokens;
      const phrase =
        head.length === 1
          ? this.phrases.get(head[0]!)?.find((p) => p.tokens.every((t, k) => slots[i + k]?.tokens.length === 1 && slots[i + k]!.tokens[0] === t))
          : undefined;
      if (phrase) {
        for (const word of phrase.tokens) tokens.push(this.synonyms.get(word) ?? word);
        tokens.push(phrase.canonical);
        i += phrase.tokens.length - 1;
        continue;
      }
      for (const token of head) tokens.push(this.synonyms.get(token) ?? token);
      for (const part of slots[i]!.parts) partTokens.push(this.synonyms.get(part) ?? part);
    }
    const direct = new Set(tokens);
    return { tokens: [...tokens, ...partTokens], compoundParts: new Set(partTokens.filter((t) => !direct.has(t))) };
  }

  /**
   * Forward terms as written or as the head of a compound: German compounds take their meaning
   * from the last part, so "Antragsfrist" and "Förderhöhe" count as "Frist" and "Höhe".
   */
  private findForwardTerms(words: readonly Word[]): string[] {
    const { folded, stems } = allStems(words);
    const found = new Set<string>();
    for (let i = 0; i < stems.length; i++) {
      // A word the knowledge base itself uses ("Vorschulalter") is not a compound to look into.
      const term =
        this.forwardStems.get(stems[i]!) ??
        (this.vocabulary.has(stems[i]!)
          ? undefined
          : (compoundHead(folded[i]!, this.forwardWords) ?? compoundHead(stems[i]!, this.forwardStems)));
      if (term) found.add(term);
      for (const phrase of this.forward) {
        if (phrase.tokens.every((t, k) => stems[i + k] === t)) found.add(phrase.canonical);
      }
    }
    return [...found];
  }
}
