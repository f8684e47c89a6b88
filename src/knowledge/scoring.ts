/**
 * Stage 4 of reading a message: scoring. An inverted index over the entries; a query touches
 * only the postings of its tokens, so it costs time in proportion to how many entries share its
 * words, not to the size of the knowledge base.
 */
import { answerText } from './answerText';
import type { Analyzer } from './analyzer';
import type { Entry } from './schema';
import type { Candidate } from './types';

/** Weights of the index, part of the matcher settings. */
export interface ScoringSettings {
  /** Weight of a word that only appears in an entry's answer (questions/title/keywords = 1). */
  readonly answerTextWeight: number;
  /** Weight of a word that an entry only contains as part of a compound. */
  readonly compoundPartWeight: number;
  /** How much whole-entry coverage counts against the best single question variant. */
  readonly coverageWeight: number;
  /** At most this much is added to a score for covering the context's known words (ranking help). */
  readonly contextBonus: number;
  /** Added to the score of the last answer's entry and its related entries when reading a follow-up. */
  readonly topicBonus: number;
}

/** What is asked, as token weights: the focal part counts fully, context only helps ranking. */
export interface ScoringQuery {
  /** Known tokens of the asked part with their weights (idf, compound parts weighing less). */
  readonly focal: ReadonlyMap<string, number>;
  /** Mass of the asked part: its known tokens plus its unknown words. */
  readonly focalMass: number;
  /** Known tokens of the context that the asked part does not have, with their weights. */
  readonly context: ReadonlyMap<string, number>;
  /** Ids of entries a follow-up most likely continues with (the last answer and its related entries). */
  readonly favoured?: ReadonlySet<string>;
}

/** A candidate with the share of the asked part's meaning it covers. */
export interface ScoredEntry extends Candidate {
  readonly coverage: number;
}

/** Context words used for ranking, the rarest first. */
const MAX_CONTEXT_TOKENS = 8;

/** The entries a token occurs in, with the token's weight in each. */
interface Postings {
  readonly entries: Int32Array;
  readonly weights: Float32Array;
}

/** Reusable per-index arrays for {@link ScoringIndex.score}, sized to the entries and variants. */
interface Scratch {
  readonly covered: Float64Array;
  readonly context: Float64Array;
  readonly overlap: Float64Array;
  readonly bestVariant: Float64Array;
  readonly touchedEntries: Int32Array;
  readonly touchedVariants: Int32Array;
}

/** Score order: higher score first, ties by entry id (so results do not depend on entry order). */
function ranksBefore(a: ScoredEntry, b: ScoredEntry): boolean {
  return a.score > b.score || (a.score === b.score && a.entry.id.localeCompare(b.entry.id) < 0);
}

/** Inserts `item` into `top` (kept in score order) and drops what falls beyond `keep`. */
function insertRanked(top: ScoredEntry[], item: ScoredEntry, keep: number): void {
  let position = top.length;
  while (position > 0 && ranksBefore(item, top[position - 1]!)) position--;
  top.splice(position, 0, item);
  if (top.length > keep) top.pop();
}

/** Inverted index of entries and of their question variants (title and questions). */
export class ScoringIndex {
  private readonly idfs = new Map<string, number>();
  private readonly entryPostings = new Map<string, Postings>();
  private readonly variantPostings = new Map<string, Int32Array>();
  private readonly scratch: Scratch;
  /** The entry of each question variant (title and questions), by variant index. */
  private readonly variantEntry: Int32Array;
  /** The idf mass of each variant's tokens, by variant index. */
  private readonly variantMass: Float64Array;
  /** idf of a word no entry has, as if it occurred in half an entry: rarer than any known word. */
  readonly unknownIdf: number;

  constructor(
    private readonly entries: readonly Entry[],
    analyzer: Analyzer,
    private readonly settings: ScoringSettings,
  ) {
    const entryLists = new Map<string, { entries: number[]; weights: number[] }>();
    const variantTokens: Array<Set<string>> = [];
    const variantEntry: number[] = [];
    entries.forEach((entry, entryIndex) => {
      const weights = new Map<string, number>();
      const addWeights = (text: string, fieldWeight: number) => {
        const { tokens, compoundParts } = analyzer.analyzeIndexed(text);
        for (const token of tokens) {
          const weight = fieldWeight * (compoundParts.has(token) ? settings.compoundPartWeight : 1);
          if (weight > (weights.get(token) ?? 0)) weights.set(token, weight);
        }
        return tokens;
      };
      addWeights(answerText(entry), settings.answerTextWeight);
      const titleTokens = addWeights(entry.title, 1);
      for (const text of entry.keywords) addWeights(text, 1);
      variantTokens.push(new Set(titleTokens));
      variantEntry.push(entryIndex);
      for (const text of entry.questions) {
        variantTokens.push(new Set(addWeights(text, 1)));
        variantEntry.push(entryIndex);
      }
      for (const [token, weight] of weights) {
        let list = entryLists.get(token);
        if (!list) entryLists.set(token, (list = { entries: [], weights: [] }));
        list.entries.push(entryIndex);
        list.weights.push(weight);
      }
    });

    const n = Math.max(entries.length, 1);
    for (const [token, list] of entryLists) {
      this.idfs.set(token, Math.log(1 + n / list.entries.length));
      this.entryPostings.set(token, { entries: Int32Array.from(list.entries), weights: Float32Array.from(list.weights) });
    }
    this.unknownIdf = Math.log(1 + n / 0.5);
    this.variantEntry = Int32Array.from(variantEntry);
    this.variantMass = new Float64Array(variantTokens.length);
    const variantLists = new Map<string, number[]>();
    variantTokens.forEach((tokens, variant) => {
      let mass = 0;
      for (const token of tokens) {
        mass += this.idfs.get(token) ?? 0;
        let list = variantLists.get(token);
        if (!list) variantLists.set(token, (list = []));
        list.push(variant);
      }
      this.variantMass[variant] = mass;
    });
    for (const [token, list] of variantLists) this.variantPostings.set(token, Int32Array.from(list));
    this.scratch = {
      covered: new Float64Array(entries.length),
      context: new Float64Array(entries.length),
      overlap: new Float64Array(variantTokens.length),
      bestVariant: new Float64Array(entries.length),
      touchedEntries: new Int32Array(entries.length),
      touchedVariants: new Int32Array(variantTokens.length),
    };
  }

  /** Inverse document frequency of a token, undefined when no entry has it. */
  idf(token: string): number | undefined {
    return this.idfs.get(token);
  }

  /**
   * Accumulates, over the postings of the query's tokens only, each entry's covered share of
   * the asked part and the weighted Jaccard similarity of its best question variant; the
   * context adds a small bonus to entries the asked part already touched. Scratch arrays are
   * reused across calls (matching is synchronous), so a query allocates little.
   */
  score(query: ScoringQuery, keep: number): ScoredEntry[] {
    // Indexed loops over typed arrays, and the touched entries and variants listed in typed
    // scratch arrays rather than pushed onto growing JS arrays: a frequent word's postings run
    // to tens of thousands at 10,000 entries, and this loop is most of a question's time.
    // Every weight is positive, so a slot is zero exactly until its first touch.
    const { covered, context, overlap, bestVariant, touchedEntries, touchedVariants } = this.scratch;
    let entryCount = 0;
    let variantCount = 0;
    for (const [token, weight] of query.focal) {
      const postings = this.entryPostings.get(token);
      if (postings) {
        const { entries, weights } = postings;
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i]!;
          if (covered[entry] === 0) touchedEntries[entryCount++] = entry;
          covered[entry] += weight * weights[i]!;
        }
      }
      const variants = this.variantPostings.get(token);
      if (variants) {
        for (let i = 0; i < variants.length; i++) {
          const variant = variants[i]!;
          if (overlap[variant] === 0) touchedVariants[variantCount++] = variant;
          overlap[variant] += weight;
        }
      }
    }
    // The context only re-ranks entries the asked part touched, and its rarest words say most:
    // a few of them bound the work however long the context is.
    let contextMass = 0;
    const contextTokens = [...query.context].sort((a, b) => b[1] - a[1]).slice(0, MAX_CONTEXT_TOKENS);
    for (const [token, weight] of contextTokens) {
      contextMass += weight;
      const postings = this.entryPostings.get(token);
      if (!postings) continue;
      const { entries, weights } = postings;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        if (covered[entry] !== 0) context[entry] += weight * weights[i]!;
      }
    }
    const { variantEntry, variantMass } = this;
    const focalMass = query.focalMass;
    for (let i = 0; i < variantCount; i++) {
      const variant = touchedVariants[i]!;
      const shared = overlap[variant]!;
      const similarity = shared / (focalMass + variantMass[variant]! - shared);
      const entry = variantEntry[variant]!;
      if (similarity > bestVariant[entry]!) bestVariant[entry] = similarity;
      overlap[variant] = 0;
    }

    const { coverageWeight, contextBonus, topicBonus } = this.settings;
    const favoured = query.favoured;
    const top: ScoredEntry[] = [];
    for (let i = 0; i < entryCount; i++) {
      const entryIndex = touchedEntries[i]!;
      const coverage = covered[entryIndex]! / focalMass;
      const bonus = contextMass > 0 ? (contextBonus * context[entryIndex]!) / contextMass : 0;
      const entry = this.entries[entryIndex]!;
      const topic = favoured?.has(entry.id) ? topicBonus : 0;
      const score = coverageWeight * coverage + (1 - coverageWeight) * bestVariant[entryIndex]! + bonus + topic;
      covered[entryIndex] = 0;
      bestVariant[entryIndex] = 0;
      context[entryIndex] = 0;
      if (top.length === keep && score <= top[keep - 1]!.score) continue;
      insertRanked(top, { entry, score, coverage }, keep);
    }
    return top;
  }
}
