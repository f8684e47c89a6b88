/**
 * Synonyms of the knowledge base (`knowledge/synonyms.yaml` groups): every member of a group is
 * read like the group's first member, so "Kindergarten" and "Kita" meet. Multi-word members
 * ("Kommunales Integrationszentrum") are phrases that add their group's token as one unit.
 */
import type { SynonymsFile } from './schema';
import { PHRASE_PARTICLES } from './text';

/** One word of a text on its way to tokens: its own token(s) and the parts of a compound. */
export interface Slot {
  readonly tokens: readonly string[];
  readonly parts: readonly string[];
  /** The joined spelling of the hyphenated word before it ("Schule-Beruf" → "schuleberuf"). */
  readonly joined?: true;
}

const NO_PARTS: ReadonlySet<string> = new Set();

interface Phrase {
  readonly tokens: readonly string[];
  readonly canonical: string;
}

/** Synonym groups as a lookup from a token (or phrase) to its canonical token. */
export class SynonymTable {
  private readonly synonyms = new Map<string, string>();
  private readonly phrases = new Map<string, Phrase[]>();

  /**
   * @param stemsOf the content stems of a term, as the analyzer reads entry texts
   * @param addWord called for every stem the groups use, so the vocabulary knows them
   */
  constructor(groups: SynonymsFile['groups'], stemsOf: (term: string) => string[], addWord: (stem: string) => void) {
    for (const group of groups) {
      const members = group.map(stemsOf).filter((tokens) => tokens.length > 0);
      const canonicalTokens = members[0];
      if (!canonicalTokens) continue;
      const canonical = canonicalTokens.join('_');
      for (const tokens of members) {
        tokens.forEach(addWord);
        if (tokens.length === 1) {
          if (!this.synonyms.has(tokens[0]!)) this.synonyms.set(tokens[0]!, canonical);
        } else {
          const list = this.phrases.get(tokens[0]!) ?? [];
          list.push({ tokens, canonical });
          list.sort((a, b) => b.tokens.length - a.tokens.length);
          this.phrases.set(tokens[0]!, list);
        }
      }
      if (canonicalTokens.length > 1) addWord(canonical);
    }
  }

  /** True when a single token is a member of a group (words of multi-word members alone are not). */
  inGroup(token: string): boolean {
    return this.synonyms.has(token);
  }

  /** The canonical token of a single token (itself when it has no synonyms). */
  canonical(token: string): string {
    return this.synonyms.get(token) ?? token;
  }

  /**
   * Replaces synonyms by the canonical token of their group. A multi-word phrase adds its
   * canonical token; its words stay (they may mean something alone, "Teilhabe"), but their
   * compound parts go: the phrase is one unit. A particle kept only for phrases ("up" of "set
   * up") is no word outside one.
   */
  apply(slots: readonly Slot[]): { tokens: string[]; compoundParts: ReadonlySet<string> } {
    const tokens: string[] = [];
    const partTokens: string[] = [];
    for (let i = 0; i < slots.length; i++) {
      const head = slots[i]!.tokens;
      const phrase =
        head.length === 1
          ? this.phrases.get(head[0]!)?.find((p) => p.tokens.every((t, k) => slots[i + k]?.tokens.length === 1 && slots[i + k]!.tokens[0] === t))
          : undefined;
      if (phrase) {
        for (const word of phrase.tokens) tokens.push(this.canonical(word));
        tokens.push(phrase.canonical);
        i += phrase.tokens.length - 1;
        // "Übergang Schule-Beruf": the phrase reads the hyphenated word as one unit already; its
        // joined spelling is not a second, rare word.
        if (slots[i + 1]?.joined) i++;
        continue;
      }
      for (const token of head) if (!PHRASE_PARTICLES.has(token)) tokens.push(this.canonical(token));
      for (const part of slots[i]!.parts) partTokens.push(this.canonical(part));
    }
    if (partTokens.length === 0) return { tokens, compoundParts: NO_PARTS };
    const direct = new Set(tokens);
    return { tokens: [...tokens, ...partTokens], compoundParts: new Set(partTokens.filter((t) => !direct.has(t))) };
  }
}
