import Fuse from 'fuse.js';
import type { SynonymsFile } from './schema';
import { fold, isStopword, splitWords, stem } from './text';

/** How one written word of a question was understood. */
export type WordReading =
  /** Known to the knowledge base as written (after folding and stemming). */
  | { readonly kind: 'known'; readonly word: string }
  /** A compound split into known parts ("rucksackkita" → "rucksack" + "kita"). */
  | { readonly kind: 'compound'; readonly word: string; readonly parts: readonly string[] }
  /** A typo corrected to the nearest known word. */
  | { readonly kind: 'corrected'; readonly word: string; readonly correction: string }
  /** Nothing in the knowledge base uses this word. */
  | { readonly kind: 'unknown'; readonly word: string };

/** A question or entry text reduced to what the matcher compares. */
export interface Analysis {
  /** Content tokens: stemmed, synonyms replaced by their group's first member. */
  readonly tokens: readonly string[];
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

const MIN_COMPOUND_HEAD = 4;

function endsWithHead(word: string, stemmed: string, term: ForwardTerm): boolean {
  const head = term.tokens[0]!;
  return (
    (term.folded.length >= MIN_COMPOUND_HEAD && word.length > term.folded.length && word.endsWith(term.folded)) ||
    (head.length >= MIN_COMPOUND_HEAD && stemmed.length > head.length && stemmed.endsWith(head))
  );
}

/** Stems of every content word of a text, in order, with hyphen-joined spellings after their parts. */
function stemsOf(text: string): Array<{ stems: string[]; joined?: string }> {
  return splitWords(fold(text)).flatMap((word) => {
    const stems = word.parts.filter((part) => !isStopword(part)).map(stem);
    if (stems.length === 0) return [];
    return [{ stems, joined: word.joined ? stem(word.joined) : undefined }];
  });
}

/** Stems of a synonym or forward term, stopwords included ("wie viele" stays two words). */
function termStems(term: string): string[] {
  return splitWords(fold(term)).flatMap((word) => word.parts.map(stem));
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
      for (const { stems, joined } of stemsOf(text)) {
        stems.forEach((s) => this.vocabulary.add(s));
        if (joined) this.vocabulary.add(joined);
      }
    }
    for (const group of synonyms.groups) this.addSynonymGroup(group);
    for (const term of synonyms.forward) {
      const tokens = termStems(term);
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
    for (const { stems, joined } of stemsOf(text)) {
      for (const s of stems) sequence.push(...this.withCompoundParts(s));
      if (joined) sequence.push(joined);
    }
    return { tokens: this.applySynonyms(sequence), readings: [], forwardTerms: [] };
  }

  /** Tokens of a user's question: typos corrected, compounds split, unknown words reported. */
  analyzeQuery(text: string): Analysis {
    const sequence: string[] = [];
    const readings: WordReading[] = [];
    for (const { stems, joined } of stemsOf(text)) {
      for (const word of stems) {
        const reading = this.read(word);
        readings.push(reading);
        if (reading.kind === 'known') sequence.push(...this.withCompoundParts(word));
        else if (reading.kind === 'compound') sequence.push(...reading.parts);
        else if (reading.kind === 'corrected') sequence.push(reading.correction);
      }
      if (joined && this.vocabulary.has(joined)) sequence.push(joined);
    }
    return { tokens: this.applySynonyms(sequence), readings, forwardTerms: this.findForwardTerms(text) };
  }

  /** Every stem of a text, stopwords included: what `forward` terms are compared with. */
  rawStems(text: string): string[] {
    return splitWords(fold(text)).flatMap((word) => [...word.parts, ...(word.joined ? [word.joined] : [])]).map(stem);
  }

  /** True when a (stemmed, synonym-mapped) token is one the analyzer produces for known text. */
  isKnown(stemmed: string): boolean {
    return this.vocabulary.has(stemmed);
  }

  private read(word: string): WordReading {
    if (this.vocabulary.has(word)) return { kind: 'known', word };
    const parts = this.splitCompound(word);
    if (parts) return { kind: 'compound', word, parts };
    const correction = this.correct(word);
    if (correction) return { kind: 'corrected', word, correction };
    return { kind: 'unknown', word };
  }

  private withCompoundParts(word: string): string[] {
    let parts = this.compounds.get(word);
    if (parts === undefined) {
      parts = this.splitCompound(word);
      if (this.compounds.size > 100_000) this.compounds.clear();
      this.compounds.set(word, parts);
    }
    return parts ? [word, ...parts] : [word];
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
    const correction = best && best.score <= this.settings.correctionThreshold ? best.item : null;
    if (this.corrections.size > 50_000) this.corrections.clear();
    this.corrections.set(word, correction);
    return correction;
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
      .map((term) => stemsOf(term).flatMap((word) => word.stems))
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
    const words = splitWords(fold(text)).flatMap((word) => [...word.parts, ...(word.joined ? [word.joined] : [])]);
    const sequence = words.map(stem);
    const found = new Set<string>();
    for (let i = 0; i < sequence.length; i++) {
      for (const term of this.forward) {
        if (term.tokens.every((t, k) => sequence[i + k] === t)) {
          found.add(term.canonical);
        } else if (term.tokens.length === 1 && endsWithHead(words[i]!, sequence[i]!, term)) {
          found.add(term.canonical);
        }
      }
    }
    return [...found];
  }
}
