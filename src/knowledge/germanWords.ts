/**
 * Real German words, from the Hunspell dictionary of the npm package `dictionary-de`
 * (igerman98; GPL-2.0/GPL-3.0 data, read at run time, not bundled into our code).
 *
 * Why not `nspell`: it expands every affix of all 75,000 stems when it loads, which takes
 * ≈ 3.2 s and ≈ 50 MB here, per process. We only need "is this a German word?" for words the
 * knowledge base does not know, so this module keeps the stems with their affix flags and
 * applies the suffix rules backwards on demand: loading takes a fraction of that, and a lookup
 * a few microseconds. Compounds, which Hunspell builds with flags nspell does not support
 * either, are accepted when they split into dictionary words ("Kreisverwaltung").
 *
 * The check errs towards "yes, a word": it only stops the typo correction from turning a real
 * word into a different knowledge-base word ("Leitung" → "Leistung"), so accepting a rare
 * misspelling as a word costs at most a "Meinten Sie …" instead of a wrong answer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface SuffixRule {
  readonly flag: string;
  readonly strip: string;
  readonly condition: RegExp;
}

/** Hunspell flags of de_DE: stems that only exist with an affix, or only inside compounds, or never. */
const NOT_ALONE = /[hod]/;
const MIN_COMPOUND_PART = 3;
const MAX_CACHE = 50_000;

/** A German word list with Hunspell suffix rules, loaded once per process. */
export class GermanWords {
  private readonly stems = new Map<string, string>();
  private readonly suffixes = new Map<string, SuffixRule[]>();
  private maxSuffix = 0;
  private readonly cache = new Map<string, boolean>();
  private readonly inflectedAlone = new Map<string, boolean>();
  private readonly inflectedInCompounds = new Map<string, boolean>();

  constructor(aff: string, dic: string) {
    const lines = aff.split('\n');
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[0] !== 'SFX' || fields.length < 5) continue;
      const [, flag, stripField, addField, condition] = fields as [string, string, string, string, string];
      const add = addField.split('/')[0]!;
      const suffix = add === '0' ? '' : add;
      const rule = { flag, strip: stripField === '0' ? '' : stripField, condition: new RegExp(`${condition}$`, 'u') };
      const list = this.suffixes.get(suffix) ?? [];
      list.push(rule);
      this.suffixes.set(suffix, list);
      this.maxSuffix = Math.max(this.maxSuffix, suffix.length);
    }
    for (const line of dic.split('\n')) {
      if (!line || line.startsWith('\t') || /^\d+$/.test(line)) continue;
      const slash = line.indexOf('/');
      const word = slash === -1 ? line.trim() : line.slice(0, slash);
      const flags = slash === -1 ? '' : line.slice(slash + 1).trim();
      this.stems.set(word, (this.stems.get(word) ?? '') + flags);
    }
  }

  /** Number of stems, for diagnostics. */
  get size(): number {
    return this.stems.size;
  }

  /** True when `word` (as written, umlauts intact) is a German word or a compound of German words. */
  has(word: string): boolean {
    if (word.length < 2) return false;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const known = this.inflected(word) || this.compound(word, 0);
    if (this.cache.size > MAX_CACHE) this.cache.clear();
    this.cache.set(word, known);
    return known;
  }

  /**
   * A stem or a suffixed form of one, in the casing written, lower-cased or capitalised.
   * Memoised: the compound check asks for the same heads and tails again for every spelling
   * of a word ("Integrationszentrm", "Integrationszentum").
   */
  private inflected(word: string, allowCompoundForms = false): boolean {
    const cache = allowCompoundForms ? this.inflectedInCompounds : this.inflectedAlone;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const known = this.inflectedUncached(word, allowCompoundForms);
    if (cache.size > MAX_CACHE) cache.clear();
    cache.set(word, known);
    return known;
  }

  private inflectedUncached(word: string, allowCompoundForms: boolean): boolean {
    const lower = word.toLowerCase();
    for (const form of new Set([word, lower, lower.charAt(0).toUpperCase() + lower.slice(1)])) {
      if (this.stemAccepts(form, '', allowCompoundForms)) return true;
      for (let length = 1; length <= Math.min(this.maxSuffix, form.length - 2); length++) {
        const rules = this.suffixes.get(form.slice(form.length - length));
        if (!rules) continue;
        const rest = form.slice(0, form.length - length);
        for (const rule of rules) {
          const base = rest + rule.strip;
          if (rule.condition.test(base) && this.stemAccepts(base, rule.flag, true)) return true;
        }
      }
      if (this.suffixes.has('') && this.suffixes.get('')!.some((rule) => this.stemAccepts(form, rule.flag, true))) return true;
    }
    return false;
  }

  private stemAccepts(stem: string, flag: string, affixed: boolean): boolean {
    const flags = this.stems.get(stem);
    if (flags === undefined) return false;
    if (flag) return flags.includes(flag);
    return affixed || !NOT_ALONE.test(flags);
  }

  /** "Kreisverwaltung" → "Kreis" + "Verwaltung"; linking "s" allowed ("Leitungsteam"). */
  private compound(word: string, depth: number): boolean {
    if (depth > 2 || word.length < 2 * MIN_COMPOUND_PART) return false;
    for (let cut = word.length - MIN_COMPOUND_PART; cut >= MIN_COMPOUND_PART; cut--) {
      const head = word.slice(0, cut);
      if (!this.inflected(head, true) && !(head.endsWith('s') && this.inflected(head.slice(0, -1), true))) continue;
      const tail = word.charAt(cut).toUpperCase() + word.slice(cut + 1);
      if (this.inflected(tail) || this.compound(tail, depth + 1)) return true;
    }
    return false;
  }
}

let shared: GermanWords | undefined;

/**
 * The process-wide German word list, loaded on first use (≈ 0.1–0.3 s) and kept: knowledge
 * reloads build new analyzers but share it.
 */
export function germanWords(): GermanWords {
  if (!shared) {
    const dir = path.dirname(require.resolve('dictionary-de'));
    shared = new GermanWords(readFileSync(path.join(dir, 'index.aff'), 'utf8'), readFileSync(path.join(dir, 'index.dic'), 'utf8'));
  }
  return shared;
}
