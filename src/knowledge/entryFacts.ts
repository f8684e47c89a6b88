/**
 * What an entry's words are, for the decisions that look into an entry rather than score it:
 * whether it has a key noun of the question (answer fit) and whether an editor wrote it for a
 * `forward` term. Computed per entry when first needed and kept for the snapshot.
 */
import type { Analyzer } from './analyzer';
import { answerText } from './answerText';
import type { Entry } from './schema';

/** Shortest compound head (and modifier) that counts when an entry's compound has a key noun as its last word. */
const MIN_COMPOUND_HEAD = 4;

/** Every text of an entry the analyzer must know the words of, in the order the scoring index reads them. */
export function indexedTexts(entry: Entry): string[] {
  return [answerText(entry), entry.title, ...entry.keywords, ...entry.questions];
}

/** Most compound-test answers kept per entry (the tokens are known words: few per entry in practice). */
const MAX_HEADS_PER_ENTRY = 1000;

/** True when one of `stems` is a compound ending in `token`, with a modifier of its own before it. */
function endsCompound(stems: readonly string[], token: string): boolean {
  return stems.some((stem) => stem.length >= token.length + MIN_COMPOUND_HEAD && stem.endsWith(token));
}

export class EntryFacts {
  /** Stems of each entry's questions, title and keywords, as a set and per text. */
  private readonly askedStems = new WeakMap<Entry, { readonly stems: ReadonlySet<string>; readonly texts: readonly string[] }>();
  /**
   * Tokens of each entry (all fields), its long stems as written, and the answers of the compound
   * test ({@link endsCompound}) asked of it so far.
   */
  private readonly entryWords = new WeakMap<Entry, { readonly tokens: ReadonlySet<string>; readonly stems: readonly string[]; readonly heads: Map<string, boolean> }>();

  constructor(private readonly analyzer: Analyzer) {}

  /** True when an entry has a token in any field, or a compound ending in it. */
  has(entry: Entry, token: string): boolean {
    let words = this.entryWords.get(entry);
    if (!words) {
      const texts = indexedTexts(entry);
      words = {
        tokens: new Set(texts.flatMap((text) => this.analyzer.analyzeIndexed(text).tokens)),
        // The words as written (stemmed, before synonyms), for compound heads.
        stems: [...new Set(texts.flatMap((text) => this.analyzer.rawStems(text)))].filter((stem) => stem.length >= 2 * MIN_COMPOUND_HEAD),
        heads: new Map(),
      };
      this.entryWords.set(entry, words);
    }
    if (words.tokens.has(token)) return true;
    // A German compound names a kind of its last word: an entry about the "Elementarbereich" has a
    // "Bereich", one about "Bildungseinrichtungen" has "Einrichtungen".
    if (token.length < MIN_COMPOUND_HEAD) return false;
    // Kept per entry and token: the test reads every long stem of the entry (its answer's too), and
    // the same key nouns are asked of the same few candidate entries message after message.
    let head = words.heads.get(token);
    if (head === undefined) {
      if (words.heads.size >= MAX_HEADS_PER_ENTRY) words.heads.clear();
      head = endsCompound(words.stems, token);
      words.heads.set(token, head);
    }
    return head;
  }

  /**
   * True when an entry's own questions, title or keywords use a forward term (its stems joined
   * by spaces): then an editor has written an entry for exactly that kind of question.
   */
  covers(entry: Entry, term: string): boolean {
    let asked = this.askedStems.get(entry);
    if (!asked) {
      const texts = [entry.title, ...entry.questions, ...entry.keywords].map((text) => this.analyzer.rawStems(text));
      asked = { stems: new Set(texts.flat()), texts: texts.map((stems) => ` ${stems.join(' ')} `) };
      this.askedStems.set(entry, asked);
    }
    if (!term.includes(' ')) return asked.stems.has(term);
    // A phrase ("freie Stellen") is covered only as written together, not by its words apart
    // ("freien Trägern" … "Koordinierungsstelle").
    return asked.texts.some((text) => text.includes(` ${term} `));
  }
}
