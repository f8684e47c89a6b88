/**
 * Stage 3 of reading a message: reading one word. A word is known to the knowledge base (after
 * folding and stemming, or as a spelling variant), a compound of known words, a real German word
 * the knowledge base does not use (never "corrected"), a typo of a known word (`typos.ts`), or
 * unknown. `analyzer.ts` reads texts with it; how a word reads depends only on the word (and a
 * clause-final separable particle), so readings are kept per knowledge snapshot.
 */
import { foldDigraphs, isStopword, stem, type Word } from './text';
import type { ForeignForms } from './foreignForms';
import { TypoCorrector, type TypoSettings } from './typos';

/** How one written word of a question was understood. */
export type WordReading =
  /** Known to the knowledge base (after folding and stemming, or as a digraph/zu-infinitive variant). */
  | { readonly kind: 'known'; readonly word: string; readonly as: string }
  /** A compound split into known parts ("rucksackkita" → "rucksack" + "kita"). */
  | { readonly kind: 'compound'; readonly word: string; readonly parts: readonly string[] }
  /** A typo corrected to the nearest known word. */
  | { readonly kind: 'corrected'; readonly word: string; readonly correction: string }
  /**
   * Nothing in the knowledge base uses this word. `dictionary` is set when the word looked like a
   * typo of a known word but is a real German word ("Leitung" next to "Leistung"): such a word
   * is never corrected into a different one.
   */
  | {
      readonly kind: 'unknown';
      readonly word: string;
      readonly casing: Word['casing'];
      readonly numeric: boolean;
      readonly dictionary?: boolean;
    };

/** One part of a written word that is not a stopword: folded, stemmed, and as written. */
export interface WordPart {
  readonly folded: string;
  readonly stem: string;
  readonly written: string;
}

/** Tunables of reading a word; see README "How matching decides". */
export interface WordReaderSettings extends TypoSettings {
  /** Shortest part of a compound split. */
  readonly minCompoundPart: number;
}

/** Entries per cache before it is emptied (readings and compound splits of one snapshot). */
const MAX_CACHE = 50_000;

/** Separable verb prefixes that take "zu" inside the infinitive ("einzurichten" → "einrichten"). */
const ZU_INFIX = /^(ab|an|auf|aus|bei|dar|ein|fest|her|hin|mit|nach|um|vor|vorbei|weiter|zu|zuruck|zusammen)zu(\p{L}{4,})$/u;

/** "weiter-" before a verb or noun the knowledge base may know ("weiterentwickeln", "Weiterentwicklung"). */
const FURTHER = /^weiter(\p{L}{5,})$/u;

/** Past participles: "eingerichtet" → "einrichten", "gegründet" → "gründen", "gefördert" → "fördern". */
const PARTICIPLE = /^(ab|an|auf|aus|bei|ein|fest|fort|her|hin|mit|nach|um|vor|weiter|zu|zuruck|zusammen)?ge(\p{L}{3,}?)(et|t|en)$/u;

/** Stems of frame nouns ("im Bereich …", "zum Thema …") that, ending a compound, leave only its first part. */
const FRAME_TAILS: ReadonlySet<string> = new Set(['bereich', 'thema']);

/**
 * Generic first parts of compounds that only rank what follows ("Leitstrategien", "Hauptthemen",
 * "Gesamtkonzept"): when the knowledge base does not know them, the compound reads as its last part.
 */
const GENERIC_MODIFIERS: ReadonlySet<string> = new Set(['leit', 'haupt', 'kern', 'gesamt', 'grundlegend']);

/**
 * Stems of words the knowledge base uses in one sense only, whose other kinds are other things:
 * its "Zentrum" is the integration centre and its "Austausch" the centres' exchange with each
 * other, its "Ministerium" one of the two ministries, but a "Jugendzentrum", a "Familienzentrum",
 * a "Schüleraustausch" or a "Familienministerium" is another institution or activity. A compound
 * ending in one of them that the knowledge base does not use (its own kinds, "Integrationszentrum",
 * "Erfahrungsaustausch", are known words) is no compound of known words.
 */
const SENSE_BOUND_HEADS: ReadonlySet<string> = new Set(['zentrum', 'zentr', 'austausch', 'ministerium', 'ministeri']);

/** Stems of sense-bound words (see {@link SENSE_BOUND_HEADS}) whose compounds they begin are other things too. */
const SENSE_BOUND_MODIFIERS: ReadonlySet<string> = new Set(['austausch']);

/** Infinitives a conjugated verb or participle may come from ("richtet" → "richten", "gründest" → "gründen"). */
function infinitives(folded: string): string[] {
  const forms: string[] = [];
  const match = /^(\p{L}{3,}?)(est|et|st|t|e)$/u.exec(folded);
  if (match) forms.push(`${match[1]}en`);
  const participle = PARTICIPLE.exec(folded);
  if (participle) {
    const base = (participle[1] ?? '') + participle[2]!;
    forms.push(/(er|el)$/u.test(base) ? `${base}n` : `${base}en`);
  }
  return forms;
}

/** Keeps `value` under `key`, emptying the cache first when it is full. */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Reads the words of questions and entries against the knowledge base's vocabulary. The
 * vocabulary is shared with the analyzer that fills it while scanning the entries; words are
 * read only once it is complete.
 */
export class WordReader {
  private readonly typos: TypoCorrector;
  private readonly compounds = new Map<string, string[] | null>();
  private readonly readings = new Map<string, WordReading>();

  /**
   * @param vocabulary every stem the knowledge base uses
   * @param isGermanWord whether a word as written is real German
   * @param onForget called before the readings are emptied, for caches built on them
   * @param english how words read against the English members of the synonym groups
   *   (`foreignForms.ts`): "sit" is not "site", "helped" is "help"
   */
  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly settings: WordReaderSettings,
    private readonly isGermanWord: (written: string) => boolean,
    private readonly onForget: () => void,
    private readonly english: ForeignForms = { readsByStem: () => true, stemOfForm: () => undefined },
  ) {
    this.typos = new TypoCorrector(vocabulary, settings);
  }

  /**
   * Reads one word. How a word is read depends only on the word (and a clause-final particle),
   * so readings are cached per snapshot: questions differ, their words mostly repeat. An unknown
   * word's casing is left 'unclear' here; the caller sets how it was written.
   */
  read(part: WordPart, particle?: string): WordReading {
    const key = particle ? `${particle} ${part.folded}` : part.folded;
    const reading = this.readings.get(key);
    if (reading) return reading;
    if (this.readings.size > MAX_CACHE) this.onForget();
    return remember(this.readings, key, this.readUncached(part, particle));
  }

  private readUncached({ folded, stem: stemmed, written }: WordPart, particle?: string): WordReading {
    const verb = particle && this.separableVerb(particle, folded);
    if (verb) return { kind: 'known', word: stemmed, as: verb };
    if (this.vocabulary.has(stemmed) && this.english.readsByStem(folded, stemmed)) return { kind: 'known', word: stemmed, as: stemmed };
    // "helped", "advising": an English inflection the German stemmer does not cut.
    const english = this.english.stemOfForm(folded);
    if (english !== undefined && english !== stemmed && this.vocabulary.has(english) && !this.isGermanWord(written)) return { kind: 'known', word: stemmed, as: english };
    for (const variant of this.spellingVariants(folded)) {
      const variantStem = stem(variant);
      if (this.vocabulary.has(variantStem)) return { kind: 'known', word: stemmed, as: variantStem };
    }
    for (const variant of this.swappedLetters(folded)) {
      const variantStem = stem(variant);
      if (!this.vocabulary.has(variantStem)) continue;
      // "betreiben" is a word of its own, not "Betriebe" typed with two letters swapped.
      if (this.isGermanWord(written)) break;
      return { kind: 'known', word: stemmed, as: variantStem };
    }
    const parts = this.compoundParts(stemmed);
    if (parts && !(this.isOtherKind(parts) && !this.isOwnKind(stemmed))) return { kind: 'compound', word: stemmed, parts };
    const numeric = /\d/.test(stemmed);
    const correction = this.typos.correct(stemmed);
    // A real German word the knowledge base does not use is that word, not a typo of another
    // ("Leitung" is no "Leistung"). Asked only when there is a correction to veto: most unknown
    // words have none, and the dictionary is the slower check.
    if (correction && this.isGermanWord(written)) return { kind: 'unknown', word: stemmed, casing: 'unclear', numeric, dictionary: true };
    if (correction) return { kind: 'corrected', word: stemmed, correction };
    return { kind: 'unknown', word: stemmed, casing: 'unclear', numeric };
  }

  /**
   * "richtet … ein" means "einrichten": the joined verb's stem when the knowledge base knows it,
   * so questions and entries meet whichever way they split the verb.
   */
  separableVerb(particle: string, folded: string): string | null {
    for (const form of [folded, ...infinitives(folded)]) {
      const joined = stem(particle + form);
      if (this.vocabulary.has(joined)) return joined;
    }
    return null;
  }

  /**
   * Other spellings of an unknown word that mean the same: umlauts written as digraphs
   * ("Uebergang"), "zu" inside a separable verb ("einzurichten"), conjugated forms and
   * participles, and the word without "weiter-" ("weiterentwickeln").
   */
  private *spellingVariants(folded: string): Generator<string> {
    const digraphs = foldDigraphs(folded);
    if (digraphs !== folded) yield digraphs;
    const zu = ZU_INFIX.exec(folded);
    if (zu) yield zu[1]! + zu[2]!;
    yield* infinitives(folded);
    // "weiterentwickeln", "weiterzuentwickeln": developing further is developing.
    const further = FURTHER.exec(zu ? zu[1]! + zu[2]! : folded);
    if (further) yield further[1]!;
  }

  /** The word with two neighbouring letters swapped ("emial"): a typo, unless the word is German as written. */
  private *swappedLetters(folded: string): Generator<string> {
    if (folded.length < this.settings.minCorrectionLength) return;
    for (let i = 0; i < folded.length - 1; i++) {
      if (folded[i] !== folded[i + 1]) yield folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2);
    }
  }

  /**
   * True when a compound's parts make another kind of a sense-bound word: it ends in one
   * ("Schüleraustausch") or, for the exchange, begins with it ("Austauschprogramm": a programme
   * for exchanging pupils, not the centres' exchange with each other).
   */
  private isOtherKind(parts: readonly string[]): boolean {
    return SENSE_BOUND_HEADS.has(parts[parts.length - 1]!) || SENSE_BOUND_MODIFIERS.has(parts[0]!);
  }

  /**
   * True when a compound ending in a sense-bound head is one of the knowledge base's own kinds
   * in another form: "Landesministerien" next to the known "Landesministerium".
   */
  private isOwnKind(word: string): boolean {
    for (const head of SENSE_BOUND_HEADS) {
      const at = word.lastIndexOf(head);
      if (at <= 0) continue;
      const modifier = word.slice(0, at);
      for (const other of SENSE_BOUND_HEADS) if (this.vocabulary.has(modifier + other)) return true;
    }
    return false;
  }

  /** Known parts of a compound, cached; null when the word is not a compound of known words. */
  compoundParts(word: string): string[] | null {
    const cached = this.compounds.get(word);
    return cached !== undefined ? cached : remember(this.compounds, word, this.splitCompound(word));
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
      if (!knownHead) {
        if (depth === 0 && GENERIC_MODIFIERS.has(head)) {
          const knownTail = this.knownStem(tail);
          if (knownTail) return [knownTail];
        }
        continue;
      }
      // "Kitabereich", "Schulthema": a frame noun as the last part names no topic of its own.
      if (depth === 0 && FRAME_TAILS.has(tail)) return [knownHead];
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
}
