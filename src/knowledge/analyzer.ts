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
  /** `forward` terms of the synonyms file found in the text. */
  readonly forwardTerms: readonly string[];
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

interface ForwardTerm extends Phrase {
  /** The term folded but not stemmed, to recognise it as the head of a compound. */
  readonly folded: string;
}

/** A content word of a text: its folded parts, their stems, and the joined hyphen spelling. */
interface ContentWord {
  readonly parts: ReadonlyArray<{ readonly folded: string; readonly stem: string }>;
  readonly joined?: string;
  readonly casing: Word['casing'];
}

const MIN_COMPOUND_HEAD = 4;
const MAX_CACHE = 50_000;

/** Separable verb prefixes that take "zu" inside the infinitive ("einzurichten" → "einrichten"). */
const ZU_INFIX = /^(ab|an|auf|aus|bei|dar|ein|fest|her|hin|mit|nach|um|vor|vorbei|weiter|zu|zuruck|zusammen)zu(\p{L}{4,})$/u;

function contentWords(text: string): ContentWord[] {
  return splitWords(text).flatMap((word) => {
    const parts = word.parts.filter((part) => !isStopword(part)).map((folded) => ({ folded, stem: stem(folded) }));
    if (parts.length === 0) return [];
    return [{ parts, joined: word.joined ? stem(word.joined) : undefined, casing: word.casing }];
  });
}

/** Every stem of a text, stopwords included: what `forward` terms are compared with. */
function allStems(text: string): { folded: string[]; stems: string[] } {
  const folded = splitWords(text).flatMap((word) => [...word.parts, ...(word.joined ? [word.joined] : [])]);
  return { folded, stems: folded.map(stem) };
}

function endsWithHead(word: string, stemmed: string, term: ForwardTerm): boolean {
  const head = term.tokens[0]!;
  return (
    (term.folded.length >= MIN_COMPOUND_HEAD && word.length > term.folded.length && word.endsWith(term.folded)) ||
    (head.length >= MIN_COMPOUND_HEAD && stemmed.length > head.length && stemmed.endsWith(head))
  );
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
  private readonly forward: ForwardTerm[] = [];
  private readonly fuzzyByLength = new Map<number, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();
  private readonly compounds = new Map<string, string[] | null>();

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
      if (tokens.length > 0) this.forward.push({ tokens, canonical: tokens.join(' '), folded: fold(term) });
    }
    this.buildFuzzyIndex();
  }

  /** Number of distinct known stems, for /healthz and benchmarks. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Tokens of a knowledge base text: compounds add their parts, nothing is corrected. */
  analyzeIndexed(text: string): Analysis {
    const sequence: string[] = [];
    const partsOnly = new Set<string>();
    for (const word of contentWords(text)) {
      for (const { stem: s } of word.parts) {
        sequence.push(s);
        for (const part of this.compoundParts(s) ?? []) {
          sequence.push(part);
          partsOnly.add(part);
        }
      }
      if (word.joined) sequence.push(word.joined);
    }
    const tokens = this.applySynonyms(sequence);
    const direct = new Set(this.applySynonyms(sequence.filter((token) => !partsOnly.has(token))));
    const compoundParts = new Set(tokens.filter((token) => !direct.has(token)));
    return { tokens, compoundParts, readings: [], forwardTerms: [] };
  }

  /** Tokens of a user's question: typos corrected, compounds split, unknown words reported. */
  analyzeQuery(text: string): Analysis {
    const sequence: string[] = [];
    const readings: WordReading[] = [];
    for (const word of contentWords(text)) {
      for (const part of word.parts) {
        const reading = this.read(part.folded, part.stem, word.casing);
        readings.push(reading);
        if (reading.kind === 'known') sequence.push(reading.as, ...(this.compoundParts(reading.as) ?? []));
        else if (reading.kind === 'compound') sequence.push(...reading.parts);
        else if (reading.kind === 'corrected') sequence.push(reading.correction);
      }
      if (word.joined && this.vocabulary.has(word.joined)) sequence.push(word.joined);
    }
    return {
      tokens: this.applySynonyms(sequence),
      compoundParts: new Set(),
      readings,
      forwardTerms: this.findForwardTerms(text),
    };
  }

  /** Every stem of a text, stopwords included: what `forward` terms are compared with. */
  rawStems(text: string): string[] {
    return allStems(text).stems;
  }

  private read(folded: string, stemmed: string, casing: Word['casing']): WordReading {
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
   * Other spellings of an unknown word that mean the same: umlauts written as digraphs
   * ("Uebergang"), "zu" inside a separable verb ("einzurichten"), two swapped letters
   * ("Adrese" is handled by typo correction, "emial" by the swap).
   */
  private *spellingVariants(folded: string): Generator<string> {
    const digraphs = foldDigraphs(folded);
    if (digraphs !== folded) yield digraphs;
    const zu = ZU_INFIX.exec(folded);
    if (zu) yield zu[1]! + zu[2]!;
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

  /** Nearest known word of similar length, or null when nothing is close enough. */
  private correct(word: string): string | null {
    if (word.length < this.settings.minCorrectionLength || /\d/.test(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    let best: { item: string; score: number } | null = null;
    const slack = word.length >= 10 ? 2 : 1;
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      const hit = this.fuzzyByLength.get(length)?.search(word, { limit: 1 })[0];
      if (hit?.score !== undefined && (!best || hit.score < best.score)) best = { item: hit.item, score: hit.score };
    }
    return remember(this.corrections, word, best && best.score <= this.settings.correctionThreshold ? best.item : null);
  }

  private buildFuzzyIndex(): void {
    const byLength = new Map<number, string[]>();
    for (const word of this.vocabulary) {
      if (word.length < this.settings.minCorrectionLength - 2 || /\d/.test(word)) continue;
      const bucket = byLength.get(word.length) ?? [];
      bucket.push(word);
      byLength.set(word.length, bucket);
    }
    for (const [length, words] of byLength) {
      this.fuzzyByLength.set(
        length,
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
   * Replaces single-word synonyms by their canonical token and adds the canonical token after
   * a matched multi-word phrase (the phrase's words stay: they still mean something alone).
   */
  private applySynonyms(sequence: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < sequence.length; i++) {
      const token = sequence[i]!;
      const phrase = this.phrases.get(token)?.find((p) => p.tokens.every((t, k) => sequence[i + k] === t));
      out.push(this.synonyms.get(token) ?? token);
      if (phrase) out.push(phrase.canonical);
    }
    return out;
  }

  /**
   * Forward terms as written or as the head of a compound: German compounds take their meaning
   * from the last part, so "Antragsfrist" and "Förderhöhe" count as "Frist" and "Höhe".
   */
  private findForwardTerms(text: string): string[] {
    if (this.forward.length === 0) return [];
    const { folded, stems } = allStems(text);
    const found = new Set<string>();
    for (let i = 0; i < stems.length; i++) {
      for (const term of this.forward) {
        if (term.tokens.every((t, k) => stems[i + k] === t) || (term.tokens.length === 1 && endsWithHead(folded[i]!, stems[i]!, term))) {
          found.add(term.canonical);
        }
      }
    }
    return [...found];
  }
}
