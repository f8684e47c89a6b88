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

interface Posting {
  readonly entry: number;
  readonly weight: number;
}

/**
 * An inverted index over the entries. Scoring touches only the postings of the question's
 * tokens, so a question costs time in proportion to how many entries share its words, not to
 * the size of the knowledge base.
 */
export class Matcher {
  readonly analyzer: Analyzer;
  private readonly idf = new Map<string, number>();
  private readonly entryPostings = new Map<string, Posting[]>();
  private readonly variantPostings = new Map<string, number[]>();
  private readonly variantEntry: number[] = [];
  private readonly variantMass: number[] = [];
  private readonly unknownIdf: number;
  private readonly settings: MatcherSettings;

  constructor(
    private readonly entries: readonly Entry[],
    synonyms: SynonymsFile,
    settings: Partial<MatcherSettings> = {},
  ) {
    this.settings = Object.freeze({ ...DEFAULT_MATCHER_SETTINGS, ...settings });
    this.analyzer = new Analyzer(entries.flatMap(indexedTexts), synonyms, this.settings);

    const variantTokens: Array<Set<string>> = [];
    const documentFrequency = new Map<string, number>();
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
      for (const text of [entry.answer, ...contactTexts(entry)]) addWeights(text, this.settings.answerTextWeight);
      for (const text of [entry.title, ...entry.questions, ...entry.keywords]) {
        const tokens = new Set(addWeights(text, 1));
        if (text === entry.title || entry.questions.includes(text)) {
          variantTokens.push(tokens);
          this.variantEntry.push(entryIndex);
        }
      }
      for (const [token, weight] of weights) {
        documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
        const list = this.entryPostings.get(token) ?? [];
        list.push({ entry: entryIndex, weight });
        this.entryPostings.set(token, list);
      }
    });

    const n = Math.max(entries.length, 1);
    for (const [token, df] of documentFrequency) this.idf.set(token, Math.log(1 + n / df));
    this.unknownIdf = Math.log(1 + n / 0.5);
    variantTokens.forEach((tokens, variant) => {
      let mass = 0;
      for (const token of tokens) {
        mass += this.idf.get(token) ?? 0;
        const list = this.variantPostings.get(token) ?? [];
        list.push(variant);
        this.variantPostings.set(token, list);
      }
      this.variantMass.push(mass);
    });
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

    const knownMass = queryTokens.reduce((sum, token) => sum + this.idf.get(token)!, 0);
    const unknownMass = unknown.reduce((sum, reading) => sum + this.unknownIdf * this.unknownWeight(reading.casing), 0);
    const queryMass = knownMass + unknownMass;

    const covered = new Map<number, number>();
    for (const token of queryTokens) {
      const idf = this.idf.get(token)!;
      for (const posting of this.entryPostings.get(token) ?? []) {
        covered.set(posting.entry, (covered.get(posting.entry) ?? 0) + idf * posting.weight);
      }
    }
    const overlap = new Map<number, number>();
    for (const token of queryTokens) {
      const idf = this.idf.get(token)!;
      for (const variant of this.variantPostings.get(token) ?? []) overlap.set(variant, (overlap.get(variant) ?? 0) + idf);
    }
    const bestVariant = new Map<number, number>();
    for (const [variant, shared] of overlap) {
      const similarity = shared / (queryMass + this.variantMass[variant]! - shared);
      const entry = this.variantEntry[variant]!;
      if (similarity > (bestVariant.get(entry) ?? 0)) bestVariant.set(entry, similarity);
    }

    const { coverageWeight } = this.settings;
    const scored: ScoredEntry[] = [];
    for (const [entryIndex, coveredMass] of covered) {
      const coverage = coveredMass / queryMass;
      const score = coverageWeight * coverage + (1 - coverageWeight) * (bestVariant.get(entryIndex) ?? 0);
      scored.push({ entry: this.entries[entryIndex]!, score, coverage });
    }
    scored.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return { analysis, scored, result: this.decide(scored, analysis.forwardTerms) };
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
    const stems = new Set([entry.title, ...entry.questions, ...entry.keywords].flatMap((text) => this.analyzer.rawStems(text)));
    return term.split(' ').every((token) => stems.has(token));
  }
}

function declined(reason: DeclineReason, candidates: readonly Candidate[]): MatchResult {
  return { outcome: 'none', answer: null, suggestions: [], candidates, declineReason: reason };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function contactTexts(entry: Entry): string[] {
  const contact = entry.contact;
  if (!contact) return [];
  return [
    contact.organisation,
    ...(contact.persons ?? []),
    contact.phone,
    contact.fax,
    contact.email,
    ...(contact.postalAddress ?? []),
    ...(contact.visitingAddress ?? []),
    contact.website,
  ].filter((value): value is string => Boolean(value));
}

/** Every text of an entry the analyzer must know the words of. */
function indexedTexts(entry: Entry): string[] {
  return [entry.title, entry.answer, ...entry.questions, ...entry.keywords, ...contactTexts(entry)];
}
