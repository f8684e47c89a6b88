/**
 * Stage 4 of reading a message: scoring. An inverted index over the entries; a query touches
 * only the postings of its tokens, so it costs time in proportion to how many entries share its
 * words, not to the size of the knowledge base.
 */
import { answerText } from './answerText';
import type { Analyzer } from './analyzer';
import type { Entry } from './schema';
import { IntList } from './intList';
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
  /** The token's number in this index (for the per-variant token lists). */
  readonly id: number;
  /** The number of its first posting among all postings (token by token): see `postingVariantStart`. */
  readonly first: number;
  readonly entries: Int32Array;
  readonly weights: Float32Array;
  /**
   * Per entry of the postings, the least mass of its question variants that have the token
   * (Infinity when none has it): a variant sharing the token is at least this large.
   */
  readonly leastVariantMass: Float64Array;
}

/** Reusable per-index arrays for {@link ScoringIndex.score}, sized to the entries and tokens. */
interface Scratch {
  readonly covered: Float64Array;
  /** Sum of the focal weights of the asked tokens an entry has, whatever the field. */
  readonly reach: Float64Array;
  /** How many of the asked tokens an entry has. */
  readonly hits: Int32Array;
  /** The least mass of an entry's variants that share an asked token. */
  readonly least: Float64Array;
  readonly context: Float64Array;
  readonly bound: Float64Array;
  /** Exact scores computed for the floor, by entry, kept for the final pass. */
  readonly exactScores: Array<ScoredEntry | undefined>;
  readonly touchedEntries: Int32Array;
  /** The asked weight each variant shares, while one entry's best variant is sought; 0 otherwise. */
  readonly shared: Float64Array;
  readonly touchedVariants: Int32Array;
}

/**
 * Scores within this of a bound are treated as possibly reaching it: a bound and the exact score
 * are computed along different float paths, so a candidate is only skipped with room to spare.
 */
const BOUND_SLACK = 1e-9;

/** Score order: higher score first, ties by entry id (so results do not depend on entry order). */
function ranksBefore(a: ScoredEntry, b: ScoredEntry): boolean {
  return a.score > b.score || (a.score === b.score && a.entry.id.localeCompare(b.entry.id) < 0);
}

/** Inserts `item` into `top` (kept in score order) and drops what falls beyond `keep`. */
function insertRanked(top: ScoredEntry[], item: ScoredEntry, keep: number): void {
  // Moved into place by hand: `splice` would allocate the (empty) array of removed items.
  let position = top.length;
  top.push(item);
  while (position > 0 && ranksBefore(item, top[position - 1]!)) {
    top[position] = top[position - 1]!;
    position--;
  }
  top[position] = item;
  if (top.length > keep) top.pop();
}

/**
 * Inverted index of entries, and each entry's question variants (title and questions) as lists
 * of token numbers.
 */
export class ScoringIndex {
  private readonly idfs = new Map<string, number>();
  private readonly entryPostings = new Map<string, Postings>();
  /** The same postings by token number. */
  private readonly postingsById: Postings[] = [];
  private readonly scratch: Scratch;
  /** Variant `v`'s tokens are `variantTokens[variantTokenStart[v]]` … up to `variantTokenStart[v + 1]`. */
  private readonly variantTokenStart: Int32Array;
  private readonly variantTokens: Int32Array;
  /** The idf mass of each variant's tokens, by variant index. */
  private readonly variantMass: Float64Array;
  /**
   * The variants that have a posting's token, posting by posting (numbered as `Postings.first`
   * counts): posting `p`'s are `postingVariants[postingVariantStart[p]]` … up to
   * `postingVariantStart[p + 1]`, in variant order. An entry's best variant is sought among the
   * variants that share an asked token, without reading its other variants.
   */
  private readonly postingVariantStart: Int32Array;
  private readonly postingVariants: Int32Array;
  /** idf of a word no entry has, as if it occurred in half an entry: rarer than any known word. */
  readonly unknownIdf: number;
  /** The highest weight of any posting: an entry covers at most this share of an asked token's weight. */
  readonly maxPostingWeight: number;

  constructor(
    private readonly entries: readonly Entry[],
    analyzer: Analyzer,
    private readonly settings: ScoringSettings,
  ) {
    /** Each token's postings as they grow; `id` is the token's number (the order tokens first occur). */
    const entryLists = new Map<string, { readonly id: number; readonly entries: number[]; readonly weights: number[] }>();
    /** The tokens of every variant, one variant after another, by token number (see `variantEnds`). */
    const variantTokenIds = new IntList();
    /** For each token of each variant, the variant's entry's place in the token's postings. */
    const variantPostingIndex = new IntList();
    /** Where each variant's tokens end in `variantTokenIds`. */
    const variantEnds = new IntList();
    // Reused for every entry: indexing 10,000 entries must not leave a Map or Set per entry or
    // variant for the garbage collector to copy while the index grows.
    const weights = new Map<string, number>();
    /** The current entry's variants' distinct tokens, each variant in the order its tokens first occur. */
    const entryVariantTokens: string[] = [];
    const addWeights = (text: string, fieldWeight: number) => {
      const { tokens, compoundParts } = analyzer.analyzeIndexed(text);
      for (const token of tokens) {
        const weight = fieldWeight * (compoundParts.has(token) ? settings.compoundPartWeight : 1);
        if (weight > (weights.get(token) ?? 0)) weights.set(token, weight);
      }
      return tokens;
    };
    const addVariant = (tokens: readonly string[]) => {
      const first = entryVariantTokens.length;
      for (const token of tokens) {
        // A variant has a handful of tokens: looking back is cheaper than a Set.
        let seen = false;
        for (let k = first; k < entryVariantTokens.length && !seen; k++) seen = entryVariantTokens[k] === token;
        if (!seen) entryVariantTokens.push(token);
      }
      variantEnds.push(variantTokenIds.length + entryVariantTokens.length);
    };
    entries.forEach((entry, entryIndex) => {
      weights.clear();
      entryVariantTokens.length = 0;
      addWeights(answerText(entry), settings.answerTextWeight);
      const titleTokens = addWeights(entry.title, 1);
      for (const text of entry.keywords) addWeights(text, 1);
      addVariant(titleTokens);
      for (const text of entry.questions) addVariant(addWeights(text, 1));
      for (const [token, weight] of weights) {
        let list = entryLists.get(token);
        if (!list) entryLists.set(token, (list = { id: entryLists.size, entries: [], weights: [] }));
        list.entries.push(entryIndex);
        list.weights.push(weight);
      }
      // Every token of a variant is one of its entry's tokens, so it has postings, whose last
      // place is this entry's.
      for (const token of entryVariantTokens) {
        const list = entryLists.get(token)!;
        variantTokenIds.push(list.id);
        variantPostingIndex.push(list.entries.length - 1);
      }
    });

    const n = Math.max(entries.length, 1);
    const idfById = new Float64Array(entryLists.size);
    let postingCount = 0;
    for (const [token, list] of entryLists) {
      const idf = Math.log(1 + n / list.entries.length);
      this.idfs.set(token, idf);
      idfById[list.id] = idf;
      const postings: Postings = {
        id: list.id,
        first: postingCount,
        entries: Int32Array.from(list.entries),
        weights: Float32Array.from(list.weights),
        leastVariantMass: new Float64Array(list.entries.length).fill(Infinity),
      };
      this.entryPostings.set(token, postings);
      this.postingsById.push(postings);
      postingCount += list.entries.length;
    }
    this.unknownIdf = Math.log(1 + n / 0.5);
    let maxPostingWeight = 0;
    for (const postings of this.postingsById) for (const weight of postings.weights) maxPostingWeight = Math.max(maxPostingWeight, weight);
    this.maxPostingWeight = maxPostingWeight;
    const variantCount = variantEnds.length;
    this.variantMass = new Float64Array(variantCount);
    this.variantTokenStart = new Int32Array(variantCount + 1);
    this.variantTokens = variantTokenIds.toArray();
    let from = 0;
    for (let variant = 0; variant < variantCount; variant++) {
      const to = variantEnds.get(variant);
      let mass = 0;
      this.variantTokenStart[variant] = from;
      for (let k = from; k < to; k++) mass += idfById[this.variantTokens[k]!]!;
      this.variantMass[variant] = mass;
      for (let k = from; k < to; k++) {
        const least = this.postingsById[this.variantTokens[k]!]!.leastVariantMass;
        const index = variantPostingIndex.get(k);
        if (mass < least[index]!) least[index] = mass;
      }
      from = to;
    }
    this.variantTokenStart[variantCount] = from;
    // Each token of each variant is one posting's variant: count them per posting, then place them.
    const postingOf = (k: number) => this.postingsById[this.variantTokens[k]!]!.first + variantPostingIndex.get(k);
    this.postingVariantStart = new Int32Array(postingCount + 1);
    for (let k = 0; k < from; k++) this.postingVariantStart[postingOf(k) + 1]!++;
    for (let posting = 0; posting < postingCount; posting++) this.postingVariantStart[posting + 1]! += this.postingVariantStart[posting]!;
    this.postingVariants = new Int32Array(from);
    const placed = this.postingVariantStart.slice(0, postingCount);
    for (let variant = 0; variant < variantCount; variant++) {
      for (let k = this.variantTokenStart[variant]!; k < this.variantTokenStart[variant + 1]!; k++) this.postingVariants[placed[postingOf(k)]!++] = variant;
    }
    this.scratch = {
      covered: new Float64Array(entries.length),
      reach: new Float64Array(entries.length),
      hits: new Int32Array(entries.length),
      least: new Float64Array(entries.length).fill(Infinity),
      context: new Float64Array(entries.length),
      bound: new Float64Array(entries.length),
      exactScores: new Array<ScoredEntry | undefined>(entries.length).fill(undefined),
      touchedEntries: new Int32Array(entries.length),
      shared: new Float64Array(variantCount),
      touchedVariants: new Int32Array(variantCount),
    };
  }

  /** Inverse document frequency of a token, undefined when no entry has it. */
  idf(token: string): number | undefined {
    return this.idfs.get(token);
  }

  /**
   * Accumulates, over the postings of the query's tokens only, each entry's covered share of
   * the asked part; the context adds a small bonus to entries the asked part already touched.
   * The weighted Jaccard similarity of an entry's best question variant is the costly part (a
   * frequent word sits in tens of thousands of variants at 10,000 entries), so it is computed
   * only for entries that can still reach the `keep` best. A variant shares at most the asked
   * weight its entry has at all (`reach`) and is at least as heavy as the lightest variant that
   * shares an asked token (`least`); the similarity `shared / (focalMass + mass - shared)` grows
   * with the shared weight and falls with the mass, so `reach / (focalMass + max(0, least -
   * reach))` bounds it and with it the score. Skipping an entry that cannot reach the final
   * `keep`-th score changes nothing (see below); the entries that remain are scored in the same
   * order with the same arithmetic, so results are bit-identical to scoring every entry. An
   * entry with only one of the asked tokens needs no variant at all: its best variant is the
   * lightest one with that token.
   * Scratch arrays are reused across calls (matching is synchronous), so a query allocates little.
   */
  score(query: ScoringQuery, keep: number): ScoredEntry[] {
    const { covered, reach, hits, least, context, bound, exactScores, touchedEntries } = this.scratch;
    const focalPostings: Postings[] = [];
    const focalWeights: number[] = [];
    let entryCount = 0;
    let focalSum = 0;
    for (const [token, weight] of query.focal) {
      const postings = this.entryPostings.get(token);
      if (!postings) continue;
      focalPostings.push(postings);
      focalWeights.push(weight);
      focalSum += weight;
      const { entries, weights, leastVariantMass } = postings;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        if (covered[entry] === 0) touchedEntries[entryCount++] = entry;
        covered[entry] += weight * weights[i]!;
        reach[entry] += weight;
        hits[entry]++;
        if (leastVariantMass[i]! < least[entry]!) least[entry] = leastVariantMass[i]!;
      }
    }
    // The context only re-ranks entries the asked part touched, and its rarest words say most:
    // a few of them bound the work however long the context is.
    let contextMass = 0;
    if (query.context.size > 0) {
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
    }

    const { coverageWeight, contextBonus, topicBonus } = this.settings;
    const focalMass = query.focalMass;
    const favoured = query.favoured;
    /**
     * An entry's score given the similarity of its best variant (exact, or a bound of it): its
     * coverage, the similarity, the context bonus and the topic bonus, added in that order. A
     * number, not an object of the parts: this runs for every entry the asked tokens touch.
     */
    const scoreWith = (entryIndex: number, similarity: number) => {
      const coverage = covered[entryIndex]! / focalMass;
      const bonus = contextMass > 0 ? (contextBonus * context[entryIndex]!) / contextMass : 0;
      const topic = favoured?.has(this.entries[entryIndex]!.id) ? topicBonus : 0;
      return coverageWeight * coverage + (1 - coverageWeight) * similarity + bonus + topic;
    };
    // (The bounds need the focal mass to include the focal weights, as the matcher builds it.)
    const consistent = focalMass >= focalSum;
    /** The exact score, with the similarity of the entry's best variant. */
    const exactScore = (entryIndex: number): number => {
      let similarity: number;
      if (consistent && hits[entryIndex] === 1) {
        // One asked token: every variant with it shares exactly its weight (= reach).
        const mass = least[entryIndex]!;
        const shared = reach[entryIndex]!;
        similarity = mass === Infinity ? 0 : shared / (focalMass + mass - shared);
      } else {
        similarity = this.bestVariant(entryIndex, focalPostings, focalWeights, focalMass);
      }
      return scoreWith(entryIndex, similarity);
    };
    /** Built only for an entry that goes into the result (or gives the floor), not for every entry scored. */
    const scoredEntry = (entryIndex: number, score: number): ScoredEntry => ({ entry: this.entries[entryIndex]!, score, coverage: covered[entryIndex]! / focalMass });

    // The final `keep`-th score is at least the `keep`-th best exact score of any `keep`
    // entries: those with the highest bounds give a floor. An entry whose bound lies below the
    // floor is never in the result, nor does it decide whether another entry gets in (it ranks
    // below all of them), so its variants need not be read.
    const bounded = entryCount > keep && consistent;
    let floor = -Infinity;
    if (bounded) {
      /** The `keep` entries with the highest bounds, highest first. */
      const highest: number[] = [];
      for (let i = 0; i < entryCount; i++) {
        const entryIndex = touchedEntries[i]!;
        const value = scoreWith(entryIndex, reach[entryIndex]! / (focalMass + Math.max(0, least[entryIndex]! - reach[entryIndex]!)));
        bound[entryIndex] = value;
        if (highest.length === keep && value <= bound[highest[keep - 1]!]!) continue;
        // Inserted after those with a bound as high; when the list is full, its last one drops out.
        let position = highest.length < keep ? highest.length : keep - 1;
        while (position > 0 && value > bound[highest[position - 1]!]!) {
          highest[position] = highest[position - 1]!;
          position--;
        }
        highest[position] = entryIndex;
      }
      floor = Infinity;
      for (const entryIndex of highest) {
        const scored = scoredEntry(entryIndex, exactScore(entryIndex));
        exactScores[entryIndex] = scored;
        if (scored.score < floor) floor = scored.score;
      }
    }

    const top: ScoredEntry[] = [];
    for (let i = 0; i < entryCount; i++) {
      const entryIndex = touchedEntries[i]!;
      const reachable = bounded ? bound[entryIndex]! + BOUND_SLACK : Infinity;
      // Below the floor, or not above the current `keep`-th score: the exact score would be too.
      const skip = reachable < floor || (top.length === keep && reachable <= top[keep - 1]!.score);
      if (!skip) {
        const known = exactScores[entryIndex];
        const score = known ? known.score : exactScore(entryIndex);
        if (!(top.length === keep && score <= top[keep - 1]!.score)) insertRanked(top, known ?? scoredEntry(entryIndex, score), keep);
      }
      exactScores[entryIndex] = undefined;
      covered[entryIndex] = 0;
      reach[entryIndex] = 0;
      hits[entryIndex] = 0;
      least[entryIndex] = Infinity;
      context[entryIndex] = 0;
    }
    return top;
  }

  /**
   * The weighted Jaccard similarity of the entry's best question variant: the asked weight a
   * variant shares over the weight of both together. Only the variants that have an asked token
   * are read (from the postings of the asked tokens). The shared weight is summed in the query's
   * token order, as the similarity has always been computed, so scores stay bit-identical.
   */
  private bestVariant(entryIndex: number, focalPostings: readonly Postings[], focalWeights: readonly number[], focalMass: number): number {
    const { postingVariantStart, postingVariants, variantMass } = this;
    const { shared, touchedVariants } = this.scratch;
    let touchedCount = 0;
    for (let j = 0; j < focalPostings.length; j++) {
      const postings = focalPostings[j]!;
      const place = indexOfEntry(postings.entries, entryIndex);
      if (place === -1) continue;
      const posting = postings.first + place;
      const weight = focalWeights[j]!;
      for (let k = postingVariantStart[posting]!; k < postingVariantStart[posting + 1]!; k++) {
        const variant = postingVariants[k]!;
        // (A variant listed twice, after a zero weight, only computes the same similarity twice.)
        if (shared[variant] === 0) touchedVariants[touchedCount++] = variant;
        shared[variant] += weight;
      }
    }
    let best = 0;
    for (let t = 0; t < touchedCount; t++) {
      const variant = touchedVariants[t]!;
      const similarity = shared[variant]! / (focalMass + variantMass[variant]! - shared[variant]!);
      if (similarity > best) best = similarity;
      shared[variant] = 0;
    }
    return best;
  }
}

/** The place of an entry in a token's postings (sorted by entry), or -1. */
function indexOfEntry(entries: Int32Array, entryIndex: number): number {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle]!;
    if (entry === entryIndex) return middle;
    if (entry < entryIndex) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
