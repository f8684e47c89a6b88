import { answerText } from './answerText';
import { Analyzer, type Analysis, type AnalyzerSettings, DEFAULT_ANALYZER_SETTINGS } from './analyzer';
import type { Entry, SynonymsFile } from './schema';
import type { Candidate, DeclineReason, MatchResult } from './types';

/**
 * Thresholds that decide between answer, "Meinten Sie …" and no answer. The defaults were
 * chosen on our own question sets (see README, "How matching decides"): a confident wrong
 * answer is the worst outcome, so answering needs a clear score *and* a clear lead.
 */
export interface MatcherSettings extends AnalyzerSettings {
  /** Minimum score for a direct answer. */
  readonly answerScore: number;
  /** Minimum lead of the best entry over the second for a direct answer. */
  readonly answerMargin: number;
  /** Minimum score for an entry to be offered under "Meinten Sie …". */
  readonly suggestScore: number;
  /** Suggestions must score within this distance of the best entry. */
  readonly suggestWindow: number;
  /** At most this many suggestions. */
  readonly maxSuggestions: number;
  /**
   * Minimum share of the question's meaning (idf mass of its words, unknown words counted as
   * rare) that the best entry covers. Below it the question is about something we do not know.
   */
  readonly minCoverage: number;
  /** Weight of a word that only appears in an entry's answer (questions/title/keywords = 1). */
  readonly answerTextWeight: number;
  /** Weight of a word that an entry only contains as part of a compound. */
  readonly compoundPartWeight: number;
  /**
   * Weight of a word no entry knows, relative to the rarest known word, by how it was written:
   * a capitalised noun inside a sentence carries the question's meaning ("Parkplätze",
   * "Düsseldorf"), a lower-case verb or adjective much less ("überlegt", "einfach").
   */
  readonly unknownNounWeight: number;
  readonly unknownUnclearWeight: number;
  readonly unknownLowerWeight: number;
  /** How much whole-entry coverage counts against the best single question variant. */
  readonly coverageWeight: number;
  /** Candidates kept in a result (best guesses for LaKI, logs). */
  readonly maxCandidates: number;
}

export const DEFAULT_MATCHER_SETTINGS: MatcherSettings = Object.freeze({
  ...DEFAULT_ANALYZER_SETTINGS,
  answerScore: 0.45,
  answerMargin: 0.06,
  suggestScore: 0.25,
  suggestWindow: 0.15,
  maxSuggestions: 3,
  minCoverage: 0.55,
  answerTextWeight: 0.5,
  compoundPartWeight: 0.6,
  unknownNounWeight: 1.3,
  unknownUnclearWeight: 0.7,
  unknownLowerWeight: 0.35,
  coverageWeight: 0.5,
  maxCandidates: 5,
});

/** A candidate with the share of the question's meaning it covers. */
export interface ScoredEntry extends Candidate {
  readonly coverage: number;
}

export interface Explanation {
  readonly analysis: Analysis;
  readonly scored: readonly ScoredEntry[];
  readonly result: MatchResult;
}

/** The entries a token occurs in, with the token's weight in each. */
interface Postings {
  readonly entries: Int32Array;
  readonly weights: Float32Array;
}

/**
 * An inverted index over the entries. Scoring touches only the postings of the question's
 * tokens, so a question costs time in proportion to how many entries share its words, not to
 * the size of the knowledge base.
 */
export class Matcher {
  readonly analyzer: Analyzer;
  private readonly idf = new Map<string, number>();
  private readonly entryPostings = new Map<string, Postings>();
  private readonly variantPostings = new Map<string, Int32Array>();
  private readonly scratch: { covered: Float64Array; overlap: Float64Array; bestVariant: Float64Array };
  private readonly variantEntry: number[] = [];
  private readonly variantMass: number[] = [];
  private readonly unknownIdf: number;
  /** Stems of each entry's questions, title and keywords, computed when first needed. */
  private readonly askedStems = new WeakMap<Entry, ReadonlySet<string>>();
  private readonly settings: MatcherSettings;

  constructor(
    private readonly entries: readonly Entry[],
    synonyms: SynonymsFile,
    settings: Partial<MatcherSettings> = {},
  ) {
    this.settings = Object.freeze({ ...DEFAULT_MATCHER_SETTINGS, ...settings });
    this.analyzer = new Analyzer(entries.flatMap(indexedTexts), synonyms, this.settings);

    const entryLists = new Map<string, { entries: number[]; weights: number[] }>();
    const variantTokens: Array<Set<string>> = [];
    entries.forEach((entry, entryIndex) => {
      const weights = new Map<string, number>();
      const addWeights = (text: string, fieldWeight: number) => {
        const { tokens, compoundParts } = this.analyzer.analyzeIndexed(text);
        for (const token of tokens) {
          const weight = fieldWeight * (compoundParts.has(token) ? this.settings.compoundPartWeight : 1);
          if (weight > (weights.get(token) ?? 0)) weights.set(token, weight);
        }
        return tokens;
      };
      addWeights(answerText(entry), this.settings.answerTextWeight);
      for (const text of [entry.title, ...entry.keywords]) addWeights(text, 1);
      for (const text of [entry.title, ...entry.questions]) {
        variantTokens.push(new Set(addWeights(text, 1)));
        this.variantEntry.push(entryIndex);
      }
      for (const [token, weight] of weights) {
        const list = entryLists.get(token) ?? { entries: [], weights: [] };
        list.entries.push(entryIndex);
        list.weights.push(weight);
        entryLists.set(token, list);
      }
    });

    const n = Math.max(entries.length, 1);
    for (const [token, list] of entryLists) {
      this.idf.set(token, Math.log(1 + n / list.entries.length));
      this.entryPostings.set(token, { entries: Int32Array.from(list.entries), weights: Float32Array.from(list.weights) });
    }
    this.unknownIdf = Math.log(1 + n / 0.5);
    const variantLists = new Map<string, number[]>();
    variantTokens.forEach((tokens, variant) => {
      let mass = 0;
      for (const token of tokens) {
        mass += this.idf.get(token) ?? 0;
        const list = variantLists.get(token) ?? [];
        list.push(variant);
        variantLists.set(token, list);
      }
      this.variantMass.push(mass);
    });
    for (const [token, list] of variantLists) this.variantPostings.set(token, Int32Array.from(list));
    this.scratch = {
      covered: new Float64Array(entries.length),
      overlap: new Float64Array(variantTokens.length),
      bestVariant: new Float64Array(entries.length),
    };
  }

  match(question: string): MatchResult {
    return this.explain(question).result;
  }

  /** The match result with how the question was read and every candidate's coverage (CLI, kb:check). */
  explain(question: string): Explanation {
    const analysis = this.analyzer.analyzeQuery(question);
    const queryTokens = [...new Set(analysis.tokens)].filter((token) => this.idf.has(token));
    const unknown = analysis.readings.filter((reading) => reading.kind === 'unknown');
    if (queryTokens.length === 0 || unknown.some((reading) => reading.numeric)) {
      // A number the knowledge base does not contain ("§ 8", "2027") asks for a precise fact we do not have.
      return { analysis, scored: [], result: declined(unknown.length > 0 ? 'uncovered-terms' : 'empty', []) };
    }

    // A compound's parts say less about the question than the words themselves ("Grundschule"
    // is not about "Grund"), so they weigh less, as they do in the index.
    const weights = new Map(
      queryTokens.map((token) => [
        token,
        this.idf.get(token)! * (analysis.compoundParts.has(token) ? this.settings.compoundPartWeight : 1),
      ]),
    );
    const knownMass = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
    const unknownMass = unknown.reduce((sum, reading) => sum + this.unknownIdf * this.unknownWeight(reading.casing), 0);
    const queryMass = knownMass + unknownMass;

    const scored = this.score(weights, queryMass);
    return { analysis, scored, result: this.decide(scored, analysis.forwardTerms) };
  }

  /**
   * Accumulates, over the postings of the question's tokens only, each entry's covered share of
   * the question and the weighted Jaccard similarity of its best question variant. Scratch
   * arrays are reused across calls (matching is synchronous), so a question allocates little.
   */
  private score(queryWeights: ReadonlyMap<string, number>, queryMass: number): ScoredEntry[] {
    const { covered, overlap, bestVariant } = this.scratch;
    const touchedEntries: number[] = [];
    const touchedVariants: number[] = [];
    for (const [token, idf] of queryWeights) {
      const postings = this.entryPostings.get(token);
      if (postings) {
        for (let i = 0; i < postings.entries.length; i++) {
          const entry = postings.entries[i]!;
          if (covered[entry] === 0) touchedEntries.push(entry);
          covered[entry] += idf * postings.weights[i]!;
        }
      }
      const variants = this.variantPostings.get(token);
      if (variants) {
        for (const variant of variants) {
          if (overlap[variant] === 0) touchedVariants.push(variant);
          overlap[variant] += idf;
        }
      }
    }
    for (const variant of touchedVariants) {
      const shared = overlap[variant]!;
      const similarity = shared / (queryMass + this.variantMass[variant]! - shared);
      const entry = this.variantEntry[variant]!;
      if (similarity > bestVariant[entry]!) bestVariant[entry] = similarity;
      overlap[variant] = 0;
    }

    const { coverageWeight, maxCandidates } = this.settings;
    const top: ScoredEntry[] = [];
    const keep = Math.max(maxCandidates, this.settings.maxSuggestions) * 2;
    for (const entryIndex of touchedEntries) {
      const coverage = covered[entryIndex]! / queryMass;
      const score = coverageWeight * coverage + (1 - coverageWeight) * bestVariant[entryIndex]!;
      covered[entryIndex] = 0;
      bestVariant[entryIndex] = 0;
      if (top.length === keep && score <= top[keep - 1]!.score) continue;
      top.push({ entry: this.entries[entryIndex]!, score, coverage });
      top.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
      if (top.length > keep) top.pop();
    }
    return top;
  }

  private unknownWeight(casing: 'noun' | 'lower' | 'unclear'): number {
    const s = this.settings;
    return casing === 'noun' ? s.unknownNounWeight : casing === 'lower' ? s.unknownLowerWeight : s.unknownUnclearWeight;
  }

  private decide(scored: readonly ScoredEntry[], forwardTerms: readonly string[]): MatchResult {
    const s = this.settings;
    const candidates = scored.slice(0, s.maxCandidates).map(({ entry, score }) => ({ entry, score: round(score) }));
    const best = scored[0];
    if (!best || best.score < s.suggestScore) return declined('low-score', candidates);
    if (forwardTerms.some((term) => !this.entryCovers(best.entry, term))) return declined('forward-term', candidates);
    if (best.coverage < s.minCoverage) return declined('uncovered-terms', candidates);

    const second = scored[1];
    if (best.score >= s.answerScore && (!second || best.score - second.score >= s.answerMargin)) {
      return { outcome: 'answer', answer: best.entry, suggestions: [], candidates };
    }
    const floor = Math.max(s.suggestScore, best.score - s.suggestWindow);
    const suggestions = scored
      .filter((candidate) => candidate.score >= floor)
      .slice(0, s.maxSuggestions)
      .map((candidate) => candidate.entry);
    return { outcome: 'suggest', answer: null, suggestions, candidates };
  }

  /**
   * True when an entry's own questions, title or keywords use a forward term (its stems joined
   * by spaces): then an editor has written an entry for exactly that kind of question.
   */
  private entryCovers(entry: Entry, term: string): boolean {
    let stems = this.askedStems.get(entry);
    if (!stems) {
      stems = new Set([entry.title, ...entry.questions, ...entry.keywords].flatMap((text) => this.analyzer.rawStems(text)));
      this.askedStems.set(entry, stems);
    }
    return term.split(' ').every((token) => stems.has(token));
  }
}

function declined(reason: DeclineReason, candidates: readonly Candidate[]): MatchResult {
  return { outcome: 'none', answer: null, suggestions: [], candidates, declineReason: reason };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Every text of an entry the analyzer must know the words of. */
function indexedTexts(entry: Entry): string[] {
  return [entry.title, answerText(entry), ...entry.questions, ...entry.keywords];
}
