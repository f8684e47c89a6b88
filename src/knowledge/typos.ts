/**
 * Typo correction: the nearest known word of similar length and the same first letter, one or
 * two edits away. People rarely mistype the first letter, and the buckets keep each Fuse.js
 * search small as the vocabulary grows.
 */
import { distance as editDistance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';

export interface TypoSettings {
  /** Shortest stem that typo correction tries to correct. */
  readonly minCorrectionLength: number;
  /** Fuse.js threshold (0 = exact … 1 = anything) for typo correction of one word. */
  readonly correctionThreshold: number;
}

const MAX_CACHE = 50_000;

function bucketKey(firstLetter: string, length: number): string {
  return `${firstLetter}${length}`;
}

export class TypoCorrector {
  private readonly words = new Map<string, string[]>();
  /** Fuse.js indexes, built per bucket when a word of that bucket is first corrected. */
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly settings: TypoSettings,
  ) {
    for (const word of vocabulary) {
      if (word.length < settings.minCorrectionLength - 2 || /\d/.test(word)) continue;
      const key = bucketKey(word[0]!, word.length);
      const bucket = this.words.get(key);
      if (bucket) bucket.push(word);
      else this.words.set(key, [word]);
    }
  }

  /** The known word a stem is a typo of, or null when nothing is close enough. Cached. */
  correct(word: string): string | null {
    if (word.length < this.settings.minCorrectionLength || /\d/.test(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    let best: { item: string; score: number } | null = null;
    // Fuse.js ranks by its bitap score, which forgives whole runs of letters in longer words
    // ("leiterin" ~ "leitlini"); a typo is one or two edits, so candidates must also be that close.
    const maxEdits = word.length >= 10 ? 2 : 1;
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      const key = bucketKey(word[0]!, length);
      // Only a word within `maxEdits` can be taken, so a bucket without one needs no search.
      if (!this.words.get(key)?.some((known) => editDistance(word, known) <= maxEdits)) continue;
      for (const hit of this.bucket(key)?.search(word, { limit: 3 }) ?? []) {
        if (hit.score === undefined || (best && hit.score >= best.score)) continue;
        if (editDistance(word, hit.item) <= maxEdits) best = { item: hit.item, score: hit.score };
      }
    }
    if (this.corrections.size > MAX_CACHE) this.corrections.clear();
    const correction = best && best.score <= this.settings.correctionThreshold ? best.item : null;
    this.corrections.set(word, correction);
    return correction;
  }

  private bucket(key: string): Fuse<string> | undefined {
    let fuse = this.buckets.get(key);
    if (!fuse) {
      const words = this.words.get(key);
      if (!words) return undefined;
      fuse = new Fuse(words, { includeScore: true, threshold: this.settings.correctionThreshold, ignoreLocation: true });
      this.buckets.set(key, fuse);
    }
    return fuse;
  }
}
