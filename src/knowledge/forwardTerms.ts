/**
 * `forward` terms of `knowledge/synonyms.yaml`: words that mark a question the curated knowledge
 * cannot answer (amounts, deadlines, staff, opening hours …). Found as written, in phrases, and
 * as the head of a compound, because German compounds take their meaning from the last part:
 * "Antragsfrist" and "Förderhöhe" count as "Frist" and "Höhe".
 */
import { fold, isStopword, type Word } from './text';

interface Phrase {
  readonly tokens: readonly string[];
  readonly canonical: string;
}

const NO_PHRASES: readonly Phrase[] = [];

/** Shortest compound head looked up ("frist" in "antragsfrist"). */
const MIN_COMPOUND_HEAD = 4;

/**
 * Verb particles that make a noun of a verb rather than a compound of a noun: "Einleitung" comes
 * from "einleiten" and is not a kind of "Leitung", "Anleitung" and "Weiterleitung" neither, folded.
 * ("nach", "vor", "zu" and "auf" are left out: "Nachfrist" is a deadline.)
 */
const DERIVING_PARTICLES: ReadonlySet<string> = new Set(['ein', 'an', 'ab', 'aus', 'um', 'uber', 'weiter', 'her', 'zuruck', 'durch']);

/** What the stemmer cuts off an adjective ("längerfristig", "kurzfristigen"), folded. */
const ADJECTIVE_SUFFIX = /^(?:ig|isch|lich)/;

/**
 * The forward term a word ends with, as the head of a compound ("antragsfrist" → "frist"):
 * the longest known head of at least {@link MIN_COMPOUND_HEAD} letters, or undefined.
 */
function compoundHead(word: string, heads: ReadonlyMap<string, string>): string | undefined {
  for (let start = 1; start <= word.length - MIN_COMPOUND_HEAD; start++) {
    if (DERIVING_PARTICLES.has(word.slice(0, start))) continue;
    const term = heads.get(word.slice(start));
    if (term) return term;
  }
  return undefined;
}

export class ForwardTerms {
  /** Multi-word terms by their first stem, in the order the synonyms file lists them. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** Single-word terms, folded and stemmed, for exact and compound-head lookups. */
  private readonly words = new Map<string, string>();
  private readonly stems = new Map<string, string>();

  /** @param allStems every stem of a term, stopwords included (as `forward` terms are compared) */
  constructor(terms: readonly string[], allStems: (text: string) => string[]) {
    for (const term of terms) {
      const tokens = allStems(term);
      if (tokens.length === 1) {
        this.words.set(fold(term), tokens[0]!);
        this.stems.set(tokens[0]!, tokens[0]!);
      } else if (tokens.length > 1) {
        const list = this.phrases.get(tokens[0]!) ?? [];
        list.push({ tokens, canonical: tokens.join(' ') });
        this.phrases.set(tokens[0]!, list);
      }
    }
  }

  /**
   * Terms in a text, as stems joined by spaces.
   *
   * @param stems every stem of the text (stopwords included)
   * @param terms the single-word term of each stem ({@link wordTerm}), which a reader may keep
   *   with its word: only phrases depend on the neighbours
   */
  find(stems: readonly string[], terms: ReadonlyArray<string | undefined>): string[] {
    const found = new Set<string>();
    for (let i = 0; i < stems.length; i++) {
      const term = terms[i];
      if (term) found.add(term);
      for (const phrase of this.phrases.get(stems[i]!) ?? NO_PHRASES) {
        if (phrase.tokens.every((t, k) => stems[i + k] === t)) found.add(phrase.canonical);
      }
    }
    return [...found];
  }

  /** True when a multi-word term begins with this stem. */
  opensPhrase(stem: string): boolean {
    return this.phrases.has(stem);
  }

  /**
   * The single-word term of one word, written or as a compound's head. It depends on the word
   * alone, so a reader may keep it with the word.
   */
  wordTerm(folded: string, stem: string, isKnown: (stem: string) => boolean): string | undefined {
    // A chat word that only shares its stem with a term is no term ("dat" for "das" is no "Datum");
    // a term written as it is stays one, stopword or not ("wann").
    if (isStopword(folded) && !this.words.has(folded)) return undefined;
    const exact = this.stems.get(stem);
    if (exact || isKnown(stem)) return exact;
    // "längerfristig" stems to "längerfrist", but an adjective made of a compound is no kind of
    // its head: a long-term offer asks for no deadline.
    return compoundHead(folded, this.words) ?? (ADJECTIVE_SUFFIX.test(folded.slice(stem.length)) ? undefined : compoundHead(stem, this.stems));
  }
}

export type { Word };
