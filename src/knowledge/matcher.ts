/**
 * Matches one asked part of a message against the entries: read the words (analyzer), weigh
 * them (focal part fully, its unknown words as rare, context words only as a ranking help),
 * score (scoring index) and decide. `message.ts` runs this per part of a chat message.
 */
import { Analyzer, type Analysis, type AnalyzerSettings, DEFAULT_ANALYZER_SETTINGS, type WordReading } from './analyzer';
import { answerText } from './answerText';
import { answerGives, asksReason } from './beyond';
import { KNOWN_CATEGORIES } from './catalog';
import { opensQuestion } from './clauses';
import { decide, declined, shownEntries, type DecisionSettings } from './decide';
import { EntryFacts, indexedTexts } from './entryFacts';
import type { Entry, SynonymsFile } from './schema';
import { ScoringIndex, type ScoredEntry, type ScoringQuery, type ScoringSettings } from './scoring';
import { abbreviationIn, actorsNamed, asksAbbreviation, asksWayThere, asksWho, isAbbreviation } from './pointers';
import {
  abbreviationAsked,
  abbreviationsSpelledOut,
  addressesYou,
  askedForwardTerms,
  asksCentresReach,
  countedThings,
  countsAlike,
  weighsClaim,
  type CountedThing,
  asksWhoActsOnLaki,
  asksWithinNamedBody,
  restrictedNouns,
  asksWhichDuty,
  belongsToDuties,
  rolePredicate,
  saysThere,
  mainVerb,
  unknownNoun,
  unknownPlace,
  verifiesClaim,
  weighsAlternatives,
  yesNoAlternatives,
  withoutSendingVerb,
  withoutOwnCounts,
  withoutOwnPlan,
  withoutOwnAudience,
} from './questionForms';
import { PLACE_KIND, QUESTION_KIND_WORDS } from './text';
import type { MatchResult } from './types';

export type { ScoredEntry } from './scoring';

/**
 * Thresholds that decide between answer, "Meinten Sie …" and no answer. The defaults were
 * chosen on our own question sets (see README, "How matching decides"): a confident wrong
 * answer is the worst outcome, so answering needs a clear score *and* a clear lead.
 */
export interface MatcherSettings extends AnalyzerSettings, ScoringSettings, DecisionSettings {
  /**
   * Weight of a word no entry knows, relative to the rarest known word, by how it was written:
   * a capitalised noun inside a sentence carries the question's meaning ("Parkplätze",
   * "Düsseldorf"), a lower-case verb or adjective much less ("überlegt", "einfach").
   */
  readonly unknownNounWeight: number;
  readonly unknownUnclearWeight: number;
  readonly unknownLowerWeight: number;
  /**
   * Weight of an unknown lower-case main verb of a question that names neither the centre nor the
   * LaKI ("Darf eine Schule ein Kind *ablehnen*?", "muss er die Klasse *wiederholen*?"): what someone
   * else does is what is asked, while the verb of what the centre does is read against the entries.
   */
  readonly unknownMainVerbWeight: number;
  /**
   * A noun of the question is a key noun (answer fit) when its weight is at least this share of
   * the rarest noun's: "Kernaufgaben der LaKI" needs an entry about tasks *and* the LaKI.
   */
  readonly keyNounShare: number;
  /** Weight of the last answer's topic words inside a follow-up ("und die Postleitzahl?" + "LaKI"). */
  readonly topicWeight: number;
  /**
   * Weight of the known words of a context sentence that a thin question points into ("Wir
   * sitzen an unserem Integrationskonzept. Kann die LaKI uns dabei beraten?").
   */
  readonly leanWeight: number;
  /** Weight of a question word kept as a token ("wo": a place is asked), relative to its idf. */
  readonly questionKindWeight: number;
}

/** The last answer's topic, for reading a follow-up. */
export interface Topic {
  /** The entry's title and keywords. */
  readonly text: string;
  /** The entry and its related entries. */
  readonly favoured: ReadonlySet<string>;
  /** The last answer itself, when the follow-up asks for something besides it ("was machen die sonst noch?"). */
  readonly exclude?: string;
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
  unknownMainVerbWeight: 1,
  coverageWeight: 0.5,
  contextBonus: 0.1,
  topicBonus: 0.1,
  keyNounShare: 0.5,
  topicWeight: 0.5,
  leanWeight: 0.5,
  questionKindWeight: 0.5,
  maxCandidates: 5,
});

/** How one asked part was read, weighed and decided. */
export interface Explanation {
  readonly analysis: Analysis;
  /** Known tokens of the context that helped ranking (empty without context). */
  readonly contextTokens: readonly string[];
  /** True when the asked part named no topic and the context was read as the question. */
  readonly contextAsQuestion: boolean;
  /** The nouns that carry the question: an answer's entry must have them all (answer fit). */
  readonly keyNouns: readonly string[];
  readonly scored: readonly ScoredEntry[];
  readonly result: MatchResult;
}

/**
 * Reads the texts an explanation needs. A message's reading (`messageWords.ts`) builds each piece
 * of the message from the words it found once; on its own, a text is read by the analyzer.
 */
export interface TextReader {
  analyze(text: string): Analysis;
  /** Texts read as one, joined by " . " (a part's context). */
  analyzeJoined(texts: readonly string[]): Analysis;
}

/** Matches one asked part; built once per knowledge snapshot. */
export class Matcher {
  readonly analyzer: Analyzer;
  private readonly index: ScoringIndex;
  /** What each entry's words are, for the decisions that look into an entry. */
  private readonly entryFacts: EntryFacts;
  readonly settings: MatcherSettings;
  /** Who "ihr/euch" in a question means (synonyms file `addressee`), when the editors named one. */
  private readonly addressee: string | undefined;
  /** Reads each text on its own. */
  private readonly ownReader: TextReader = {
    analyze: (text) => this.analyzer.analyzeQuery(text),
    analyzeJoined: (texts) => this.analyzer.analyzeQuery(texts.join(' . ')),
  };

  constructor(
    readonly entries: readonly Entry[],
    synonyms: SynonymsFile,
    settings: Partial<MatcherSettings> = {},
  ) {
    this.settings = Object.freeze({ ...DEFAULT_MATCHER_SETTINGS, ...settings });
    this.addressee = synonyms.addressee;
    this.analyzer = new Analyzer(entries.flatMap(indexedTexts), synonyms, this.settings);
    this.index = new ScoringIndex(entries, this.analyzer, this.settings);
    this.analyzer.finishIndexing();
    this.entryFacts = new EntryFacts(this.analyzer);
    this.actorTokens = new Set(this.analyzer.analyzeQuery('KI LaKI').tokens);
    this.dutyTokens = new Set(this.analyzer.analyzeQuery('zuständig verantwortlich').tokens);
    this.helpTokens = new Set([...this.dutyTokens, ...this.analyzer.analyzeQuery('helfen').tokens]);
    this.personTokens = this.analyzer.analyzeQuery('Ansprechpartner').tokens;
    this.belongTokens = new Set(this.analyzer.analyzeQuery('gehört gehören').tokens);
    this.actionTokens = new Set([
      ...this.helpTokens,
      ...this.analyzer.analyzeQuery('entscheiden entscheidet beraten berät finanzieren finanziert bezahlen bezahlt genehmigen genehmigt unterstützen unterstützt begleiten begleitet organisieren organisiert kümmern kümmert').tokens,
    ]);
    this.stateTokens = new Set(this.analyzer.analyzeQuery('NRW Nordrhein-Westfalen').tokens);
    this.frameTokens = new Set(this.analyzer.analyzeQuery('bezahlen entscheiden').tokens);
    this.spelledOut = new Set(entries.flatMap((entry) => abbreviationsSpelledOut(answerText(entry))));
    const categories = new Map(entries.map((entry) => [entry.id, entry.category]));
    const firsts = new Map<string, Entry>();
    for (const entry of entries) if (!firsts.has(entry.category)) firsts.set(entry.category, entry);
    for (const [category, first] of firsts) {
      if (first.related.filter((id) => categories.get(id) === category).length >= MIN_OVERVIEW_LINKS) this.overviews.set(category, first);
    }
  }

  /**
   * The abbreviations the entries spell out, as written after their full name: "Landesweite
   * Koordinierungsstelle … (LaKI)", "Ministerium für Schule und Weiterbildung (MSW)".
   */
  private readonly spelledOut: ReadonlySet<string>;

  /** The tokens the two actors are read as ("KI", "LaKI"): a part naming them names no topic of its own. */
  readonly actorTokens: ReadonlySet<string>;

  /** What "zuständig" and "verantwortlich" are read as, and "Ansprechpartner" (see {@link personWithin}). */
  private readonly dutyTokens: ReadonlySet<string>;
  private readonly personTokens: readonly string[];
  /** What "gehört" is read as (see {@link belongsToDuties}). */
  private readonly belongTokens: ReadonlySet<string>;
  /** The state every centre works in ("NRW"): where, never what, a sentence a thin part leans on is about. */
  private readonly stateTokens: ReadonlySet<string>;
  /** Paying and deciding: a part naming nothing else asks them of what it leans on ("Zahlt das KI da was dazu?"). */
  private readonly frameTokens: ReadonlySet<string>;

  /** What "helfen" and the duty words are read as: verbs any question about the LaKI or the centres may use. */
  private readonly helpTokens: ReadonlySet<string>;

  /**
   * The help and duty words with the generic verbs of deciding, advising, paying and supporting
   * ("Wer entscheidet das?", "Wer berät uns dabei?", "Wer bezahlt das?"): a part naming only these
   * asks about the thing it points at.
   */
  private readonly actionTokens: ReadonlySet<string>;

  /**
   * True when a part's own words name nothing but help or a duty ("Wer hilft denen eigentlich?",
   * "Wer ist denn jetzt zuständig?", "könnt ihr da helfn?"): no actor, no topic, no word the
   * knowledge does not know, and it does not ask which duties ("Welche Aufgaben gibt es?"). Such a
   * part is answered by the one entry that lists the generic verb most, whatever the writer meant.
   */
  namesOnlyHelp(question: string, analysis: Analysis): boolean {
    const { tokens, readings, forwardTerms } = analysis;
    return (
      tokens.length > 0 &&
      tokens.every((token) => this.helpTokens.has(token)) &&
      forwardTerms.length === 0 &&
      !readings.some((reading) => reading.kind === 'unknown') &&
      !asksWhichDuty(question)
    );
  }

  /**
   * True when a part asks whose duty something is and names nothing else: every token it has is
   * the duty's ("Wer kümmert sich um sowas?", "… ob ihr da zuständig seid?", "Ist das eure
   * Aufgabe?"), and it does not ask which duties ("Welche Aufgaben hat sie?", "Wofür ist sie
   * zuständig?" ask for the duties themselves).
   */
  asksOnlyWhoseDuty(question: string, tokens: readonly string[]): boolean {
    return !asksWhichDuty(question) && tokens.length > 0 && tokens.every((token) => this.dutyTokens.has(token));
  }

  /** True when a part asks what an abbreviation stands for that no entry spells out ("Wofür steht NRW?"). */
  private asksUndefinedAbbreviation(question: string): boolean {
    const abbreviation = abbreviationAsked(question);
    return abbreviation !== undefined && !this.spellsOut(abbreviation);
  }

  /** True when a part asks for "die Abkürzung" a sentence it leans on writes, and no entry spells that one out. */
  private leansOnUndefinedAbbreviation(question: string, leansOn: string | undefined): boolean {
    if (leansOn === undefined || !asksAbbreviation(question)) return false;
    const written = abbreviationIn(leansOn);
    return written !== undefined && !this.spellsOut(written);
  }

  /** True when an entry spells out an abbreviation, or the one its plural or possessive is of ("KIs", "LaKI's"). */
  private spellsOut(abbreviation: string): boolean {
    return this.spelledOut.has(abbreviation) || this.spelledOut.has(abbreviation.replace(/'?s$/u, ''));
  }

  /**
   * The overview of each category that has one: its first entry (editors put the overview first,
   * see the catalog), when it lists at least {@link MIN_OVERVIEW_LINKS} entries of its category.
   */
  private readonly overviews = new Map<string, Entry>();
  /** The things each entry counts with figures written as words ({@link Matcher.countedIn}), by entry id. */
  private readonly countedByEntry = new Map<string, readonly CountedThing[]>();

  /** The overview of an entry's category, when it lists the entry as related; undefined for the overview itself. */
  overviewOf(entry: Entry): Entry | undefined {
    const overview = this.overviews.get(entry.category);
    return overview && overview.id !== entry.id && overview.related.includes(entry.id) ? overview : undefined;
  }

  /** One text read as a single question, without context. */
  match(question: string): MatchResult {
    return this.explain(question).result;
  }

  /**
   * The match of an asked part with how it was read and every candidate's coverage.
   *
   * @param surroundings.context texts around the part (context sentences, the previous part, the
   *   topic of the last answer): their known words help ranking; their unknown words never decline.
   * @param surroundings.antecedent the piece the part refers to when it names no topic itself
   *   ("Wie lautet die?"): then that piece is read as the question, protections included.
   * @param surroundings.topic the last answer's topic when the part is read as a follow-up: its
   *   words join the asked part at reduced weight, and its entry and related entries are favoured.
   * @param surroundings.leansOn a context sentence the part points into ("… dabei?"): its known
   *   words join the asked part at reduced weight; its unknown words and forward terms stay context.
   * @param surroundings.actor the actor a pronoun of the part stands for ("… und wo sitzt *sie*?"):
   *   its known words join the part at full weight, as if the part named the actor.
   * @param reader reads the texts (the message's reading shares its words between its pieces)
   */
  explain(
    written: string,
    surroundings: {
      readonly context?: readonly string[];
      readonly antecedent?: string;
      readonly topic?: Topic;
      readonly leansOn?: string;
      readonly actor?: string;
      readonly writer?: string;
    } = {},
    reader: TextReader = this.ownReader,
  ): Explanation {
    // "Bieten die KIs Fortbildungen für unsere 14 Grundschulen an?" does not ask a figure.
    const counted = withoutOwnCounts(written);
    // "Welche Programme gibt es über die KIs, wenn wir ab Februar etwas aufbauen wollen?": the
    // writer's plan closing the sentence is their situation, read as context, when what is asked
    // before it still names a topic of its own.
    const planned = withoutOwnPlan(counted);
    const ownPlan = planned && this.namesOwnTopic(planned.asked, reader) ? planned : undefined;
    const planless = ownPlan ? ownPlan.asked : counted;
    // "Wir suchen Infos zu Rucksack-Kita für unsere Familienzentren.": the writer's own people or
    // places the thing is for, when the knowledge base knows none of their words, are the writer's
    // situation, read as context, when what is asked before them names a topic of its own.
    const audience = withoutOwnAudience(planless);
    const ownAudience = audience && this.namesOwnAudienceOnly(audience, reader) ? audience : undefined;
    const question = ownAudience ? ownAudience.asked : planless;
    const situation = ownPlan ? [...(surroundings.context ?? []), ownPlan.plan] : (surroundings.context ?? []);
    const context = ownAudience ? [...situation, ownAudience.audience] : situation;
    let analysis = reader.analyze(question);
    let unknown = analysis.readings.filter((reading) => reading.kind === 'unknown');
    let contextAsQuestion = false;
    let asksKind = false;
    // A pronoun standing for an actor ("und was macht *die* eigentlich?") makes the part about that
    // actor: it is not the piece before asked again.
    if (surroundings.antecedent && !surroundings.actor && unknown.length === 0 && !this.namesKnownTopic(analysis)) {
      // "Wie lautet die?" names no topic: the piece before it is what is asked about. What kind of
      // fact the part asks ("und *wo* gibt es die?") stays with it.
      const own = analysis.forwardTerms;
      const kinds = analysis.tokens.filter((token) => QUESTION_KINDS.has(token));
      // "… einen Termin bei der LaKI. Wie kommen wir da hin?" asks where the place is.
      if (asksWayThere(question) && !kinds.includes(PLACE_KIND)) kinds.push(PLACE_KIND);
      asksKind = kinds.length > 0;
      // A context sentence the part points into tells the writer's situation: its places and
      // figures ("Der Kreis Recklinghausen überlegt …, Budget ca. 30.000 €. Geht das über euch?") are not asked.
      // A claim the part asks to confirm keeps its figures: they are what is asked ("Im Ausschuss hieß
      // es, jedes KI bekommt 500.000 Euro. Stimmt das?", "Jemand sagte, die LaKI habe 25 Mitarbeitende.
      // Können Sie das bestätigen?"); where the one who said it sits is not.
      analysis = reader.analyze(
        surroundings.leansOn !== undefined ? this.withoutSituation(surroundings.antecedent, reader, verifiesClaim(question)) : surroundings.antecedent,
      );
      analysis = {
        ...analysis,
        tokens: kinds.length > 0 ? [...analysis.tokens, ...kinds] : analysis.tokens,
        forwardTerms: [...new Set([...analysis.forwardTerms, ...own])],
      };
      unknown = analysis.readings.filter((reading) => reading.kind === 'unknown');
      contextAsQuestion = true;
    }
    const asked = contextAsQuestion ? analysis : this.personWithin(question, analysis);
    const asksPerson = asked !== analysis;
    analysis = asked;
    const focal = this.focalWeights(analysis);
    // "Unser Theater will sich interkulturell öffnen. Kann das KI *dafür ein Ansprechpartner* sein?":
    // leaning on what the sentence names, the role asks whether that is the centre's task; it
    // does not ask for contact persons.
    const role =
      surroundings.leansOn && !contextAsQuestion && !asksWho(question) ? rolePredicate(question) : undefined;
    const roleTokens = role ? reader.analyze(role).tokens : [];
    for (const token of roleTokens) focal.delete(token);
    const leaning = surroundings.leansOn !== undefined && !contextAsQuestion;
    // "… kaum in unsere Seniorentreffs kommen. Wer kümmert sich um sowas?", "… ob ihr da zuständig
    // seid?": leaning on a sentence, a part that names nothing but whose duty it is asks whether
    // what the sentence names is that duty; the duty frames the question as a role does.
    // "… Gehört das zu euren Aufgaben?" asks the same: "gehören zu" and the duties frame the question.
    const belongs = leaning && belongsToDuties(question);
    if (belongs) for (const token of [...this.belongTokens, ...this.dutyTokens]) focal.delete(token);
    const dutyOnly = leaning && unknown.length === 0 && this.asksOnlyWhoseDuty(question, belongs ? analysis.tokens.filter((token) => !this.belongTokens.has(token)) : analysis.tokens);
    if (dutyOnly) for (const token of this.dutyTokens) focal.delete(token);
    // "Können Sie mir die Telefonnummer schicken?", "… die Adresse mailen?": sent to the writer, the
    // verb frames the request; what is sent is asked ("Wohin kann ich Unterlagen schicken?" asks where to send).
    const unsent = withoutSendingVerb(question);
    if (unsent !== undefined) {
      const asked = new Set(reader.analyze(unsent).tokens);
      for (const token of [...focal.keys()]) if (!asked.has(token)) focal.delete(token);
    }
    const none = (result: MatchResult): Explanation => ({ analysis, contextTokens: [], contextAsQuestion, keyNouns: [], scored: [], result });
    // "und was macht *die* eigentlich?" names nothing but the actor the pronoun stands for.
    const actorAlone = focal.size === 0 && surroundings.actor !== undefined && !contextAsQuestion;
    if (actorAlone) this.borrow(focal, reader.analyze(surroundings.actor!), 1);
    if (focal.size === 0 && !dutyOnly) return none(declined(unknown.length > 0 ? 'uncovered-terms' : 'empty', []));
    // A number the knowledge base does not contain ("§ 8", "2027") asks for a precise fact we do not have.
    if (unknown.some((reading) => reading.numeric)) return none(declined('uncovered-terms', []));

    const contextAnalysis = context.length > 0 ? reader.analyzeJoined(context) : undefined;
    // "Gibt das *Land* da was vor oder entscheiden wir das selbst?": a noun of one alternative is no
    // key noun of the question — the answer may well be the other alternative.
    const sideTexts = contextAsQuestion ? [] : yesNoAlternatives(question);
    const sides = sideTexts.map((side) => reader.analyze(side));
    const alternatives = sides.map((side) => new Set(side.tokens));
    // "Sitzt die LaKI in Dortmund oder in Düsseldorf?": the words only a later alternative has that
    // the knowledge does not know are what the answer to the first alternative rules out.
    const ruledOut = sides.length > 1 ? ruledOutBySide(sideTexts, sides, this.actorTokens) : undefined;
    if (ruledOut) {
      unknown = unknown.filter((reading) => !ruledOut.unknown.has(reading.word));
      analysis = { ...analysis, forwardTerms: analysis.forwardTerms.filter((term) => !ruledOut.forwardTerms.has(term)) };
    }
    const nouns = [...new Set([...this.keyNouns(analysis, focal), ...restrictedNouns(question, analysis, (text) => reader.analyze(text))])].filter(
      (token) => !roleTokens.includes(token) && !GENERIC_KEY_NOUNS.has(token),
    );
    const shared = (token: string) => this.actorTokens.has(token) || alternatives.every((side) => side.has(token));
    const keyNouns = nouns.filter(shared);
    // The answer must still hold the nouns of one alternative ("Fördert das *Land* die Elternarbeit
    // oder zahlen das die *Kommunen*?" is not answered by an entry naming neither).
    const alternativeNouns = (ruledOut ? alternatives.slice(0, 1) : alternatives).map((side) => nouns.filter((token) => !shared(token) && side.has(token)));
    const topic = surroundings.topic;
    const borrow = (text: string, weight: number) => this.borrow(focal, reader.analyze(text), weight);
    // A part read as the piece it refers to that asks what kind of fact it wants ("und *wo* gibt es
    // die?" as the last answer's title) asks that of the piece: the topic's keywords would pull
    // towards the last answer's other themes.
    if (topic && !(contextAsQuestion && asksKind)) borrow(topic.text, this.settings.topicWeight);
    // "… das Kürzel LaKI. Wofür steht die Abkürzung?" asks about the abbreviation it leans on: as if named.
    const abbreviation = leaning && asksAbbreviation(question) && isAbbreviation(surroundings.leansOn!);
    // "Mein Schwager ist mit einem Visum zur Arbeitssuche eingereist. Kann das KI da was machen?": a
    // part naming no more than the centre or the LaKI asks about what it leans on; when that names
    // nothing the knowledge base knows, only unknown words, the knowledge does not hold the answer.
    const actorOnly = leaning && !abbreviation && [...focal.keys()].every((token) => this.actorTokens.has(token));
    if (actorOnly && this.leansOnUnknownOnly(surroundings.leansOn!, reader)) return none(declined('uncovered-terms', []));
    // "Wir wollen einen Beirat gründen. Wer entscheidet das?": a thin part pointing into a sentence
    // whose things are all unknown ("Beirat") asks about them; its one generic verb ("entscheiden",
    // "beraten") would otherwise choose an entry about the centres' own matters.
    // (Only a part naming nothing but such a verb: "Welche Programme gibt es da für Kitas?" asks about its own nouns.)
    const actionOnly = analysis.tokens.length > 0 && analysis.tokens.every((token) => this.actionTokens.has(token));
    if (leaning && !abbreviation && actionOnly && this.doesToUnknownThings(this.withoutSituation(surroundings.leansOn!, reader), reader)) {
      return none(declined('uncovered-terms', []));
    }
    // "Wir möchten einen Sitz im Integrationsrat bekommen. Wer entscheidet das?", "… eine Klassenfahrt
    // nach Istanbul. Zahlt das KI da was dazu?": a "who" part, or one naming nothing but paying or
    // deciding, with no noun of its own besides the actors, asks that of what the sentence it leans
    // on names: an answer must name one of that sentence's nouns; when the sentence names only
    // things the knowledge does not know, the knowledge does not hold the answer.
    const thinLean =
      leaning &&
      keyNouns.every((token) => this.actorTokens.has(token)) &&
      (asksWho(question) || this.asksOnlyFrame(analysis)) &&
      !abbreviation &&
      !actorOnly &&
      !dutyOnly &&
      !belongs &&
      !role;
    // (Not a phrase introducing the part, "und auf Englisch:": it tells how to answer, not what about.)
    const leanedNouns = thinLean && !surroundings.leansOn!.trimEnd().endsWith(':') ? this.leanedNouns(surroundings.leansOn!, reader) : undefined;
    if (leanedNouns && leanedNouns.known.length === 0 && leanedNouns.unknown > 0) return none(declined('uncovered-terms', []));
    if (leanedNouns && leanedNouns.known.length > 0 && !alternativeNouns.some((side) => side.length > 0)) {
      alternativeNouns.splice(0, alternativeNouns.length, ...leanedNouns.known.map((noun) => [noun]));
    }
    // Its question is about the forward terms of what it leans on too ("Die Stelle wird nächstes Jahr
    // gestrichen. Kann die LaKI da etwas machen?"): the answer must cover them, as its own.
    // What the sentence says the writer has ("*Unsere Leitungen* haben von Griffbereit gehört") is who they are, not what they ask.
    // Nor is where the writer is ("Unser Familienzentrum *in Hamm* hat von Griffbereit gehört. Ist das was fürs KI?"),
    // unless the part asks about that place ("… Gibt es dort ein KI?").
    const leanedText = actorOnly ? surroundings.leansOn!.replace(OWN_THING, ' ') : '';
    const leanedForward = actorOnly
      ? reader.analyze(saysThere(question) || asksWayThere(question) ? leanedText : this.withoutSituation(leanedText, reader)).forwardTerms
      : [];
    if (leaning) borrow(abbreviation || asksPlace(question, analysis) ? surroundings.leansOn! : withoutOfficeHead(surroundings.leansOn!), abbreviation ? 1 : this.settings.leanWeight);
    // Otherwise the actor joins after the topic and the sentence leaned on (which keep their weights).
    if (surroundings.actor && !contextAsQuestion && !actorAlone) borrow(surroundings.actor, 1);
    // "Wer bezahlt euch?": the bot answers for the organisation the question addresses.
    if (this.addressee && addressesYou(question)) borrow(this.addressee, this.settings.leanWeight);
    if (focal.size === 0) return none(declined('empty', []));
    let knownMass = 0;
    for (const weight of focal.values()) knownMass += weight;
    // "Ich wechsle nach Bielefeld. Wo ist dort das KI?": "dort" asks about the place of the sentence
    // it points into, so a town named there that the flyer does not know carries the part too.
    // So does an abbreviation the knowledge does not know ("… das Kürzel BAMF. Wofür steht das Kürzel?").
    const place =
      leaning && (saysThere(question) || asksWayThere(question))
        ? unknownPlace(surroundings.leansOn!, (text) => reader.analyze(text))
        : abbreviation
          ? unknownNoun(surroundings.leansOn!, (text) => reader.analyze(text))
          : undefined;
    if (place) {
      unknown = [...unknown, place];
      analysis = { ...analysis, readings: [...analysis.readings, place] };
    }
    // "… in der Haushaltssicherung – können wir *trotzdem* ein KI einrichten?" asks whether the
    // situation allows it: the things the situation names that the knowledge does not know are asked too.
    if (!contextAsQuestion && CONCEDING.test(question) && contextAnalysis) {
      unknown = [...unknown, ...contextAnalysis.readings.filter((reading): reading is Extract<WordReading, { kind: 'unknown' }> => reading.kind === 'unknown' && reading.casing === 'noun')];
    }
    // (Only an unknown lower-case word can be the main verb: most questions have none, and finding
    // the verb and the actors costs a few per cent of reading a message.)
    const verb =
      leaning || contextAsQuestion || !unknown.some((reading) => reading.casing === 'lower') || this.namesActor(question, surroundings) ? undefined : mainVerb(question);
    const verbReading = verb !== undefined ? reader.analyze(verb).readings[0] : undefined;
    const unknownMass = this.unknownMass(unknown, leaning, verbReading?.kind === 'unknown' ? verbReading.word : undefined);
    const contextWeights = new Map<string, number>();
    for (const token of contextAnalysis?.tokens ?? []) {
      const idf = this.index.idf(token);
      if (idf !== undefined && !focal.has(token)) contextWeights.set(token, idf);
    }
    const query: ScoringQuery = { focal, focalMass: knownMass + unknownMass, context: contextWeights, favoured: topic?.favoured };
    const ranked = this.index.score(query, Math.max(this.settings.maxCandidates, this.settings.maxSuggestions) * 2 + (topic?.exclude ? 1 : 0));
    const scored = topic?.exclude ? ranked.filter((candidate) => candidate.entry.id !== topic.exclude) : ranked;
    const result = decide(
      scored,
      {
        forwardTerms: [...new Set([...askedForwardTerms(question, analysis.forwardTerms), ...leanedForward, ...this.paidThing(question, reader)])],
        entryCovers: (entry, term) => this.entryFacts.covers(entry, term),
        keyNouns,
        ...(alternativeNouns.some((side) => side.length > 0) ? { alternativeNouns } : {}),
        entryHas: (entry, token) => this.entryFacts.has(entry, token),
        // The first entry that has the key nouns does not answer in place of the best one when
        // - a thin part points into a context sentence ("Ist das auch Aufgabe vom KI?"): it is about
        //   what that sentence names, not about the part's own frame noun;
        // - a thin part is read as the piece before it ("Und woran halten wir uns dabei?"): its own
        //   words chose nothing;
        // - the part weighs two alternatives ("eine Vorgabe vom *Land* oder entscheiden wir selbst?"):
        //   the key noun of one alternative does not pick the answer.
        answerFittingRival: !(leaning && analysis.tokens.length <= 2) && !contextAsQuestion && !weighsAlternatives(question),
        overviewOf: (entry) => this.overviewOf(entry),
      },
      this.settings,
    );
    // A person within a body is answered only by an entry that names the body and its people: the
    // choices of another body's contact persons or of the body's tasks are the nearby topics of a decline.
    // "Wofür steht NRW?", "… steht ständig NRW. Wofür steht die Abkürzung?": what an abbreviation
    // stands for is answered only where an entry spells it out.
    const decided: MatchResult =
      (asksPerson && result.outcome === 'suggest') ||
      (result.outcome !== 'none' && asksReason(question) && !this.givesReason(result, keyNouns, question)) ||
      (givesLakiReach(result) && asksCentresReach(question, surroundings.leansOn)) ||
      (result.outcome !== 'none' && asksWhoActsOnLaki(question) && !tellsWhoActsOnLaki(result)) ||
      (result.outcome !== 'none' && !this.countsAsAnswered(question, result)) ||
      (result.outcome !== 'none' && (this.asksUndefinedAbbreviation(question) || this.leansOnUndefinedAbbreviation(question, leaning ? surroundings.leansOn : undefined)))
        ? declined('uncovered-terms', result.candidates, shownEntries(result))
        : result;
    // "Im Viertel gibt es viele Initiativen, Vereine und Träger … Vernetzt das KI sowas?": the
    // sentence leaned on lowers the score below an answer's, but the part's own words decide.
    const led = leaning && decided.outcome === 'suggest' && !leanedNouns?.known.length ? this.ownWordsLead(analysis, scored, keyNouns) : undefined;
    const answered: MatchResult = led ? { outcome: 'answer', answer: led, suggestions: [], candidates: decided.candidates } : decided;
    const explanation: Explanation = { analysis, contextTokens: [...contextWeights.keys()], contextAsQuestion, keyNouns, scored, result: answered };
    const pointed = surroundings.leansOn ?? surroundings.antecedent;
    if (surroundings.writer === undefined || pointed === undefined || !(leaning || contextAsQuestion)) return explanation;
    return this.withWritersField(question, pointed, surroundings.writer, explanation, reader);
  }

  /**
   * Whether a result gives the reason a part asks ("Weshalb wird die LaKI von zwei Ministerien
   * gefördert?"): the answer, or every choice, states one ("weil", "deshalb", "mit dem Ziel" …), was
   * written for a question why (an own question asks it), or sets apart the two things the part
   * asks why there are ("Warum hat die LaKI zwei Adressen, eine Postanschrift und eine
   * Besuchsadresse?": an entry naming both tells what each is for). The flyer rarely says why; an
   * entry telling what or who answers another question ("Wieso gibt es KIs nur in Kreisen und
   * kreisfreien Städten?").
   */
  private givesReason(result: MatchResult, keyNouns: readonly string[], question: string): boolean {
    const given = shownEntries(result);
    const things = TWO_THINGS.test(question) ? keyNouns.filter((token) => !this.actorTokens.has(token)) : [];
    return (
      given.length > 0 &&
      given.every(
        (entry) =>
          answerGives('reason', answerText(entry)) ||
          entry.questions.some(asksReason) ||
          (things.length >= 2 && things.every((token) => this.entryFacts.has(entry, token))),
      )
    );
  }

  /**
   * Whether a result confirms what a claim counts with a figure written as a word ("Die LaKI hat
   * nur drei Stellen, stimmt das?", "Ist es richtig, dass die Koordinierungsstelle zehn
   * Mitarbeitende hat?"): the answer, or every choice, counts the same thing with the same figure
   * ("Stimmt es, dass die LaKI von zwei Ministerien gefördert wird?"). Such a figure is what the
   * claim asks, like one in digits; an entry without it does not confirm it. Outside a claim a
   * figure mostly tells what the writer expects ("Welche zwei Strategien …?").
   */
  private countsAsAnswered(question: string, result: MatchResult): boolean {
    if (!weighsClaim(question)) return true;
    const counted = countedThings(question);
    if (counted.length === 0) return true;
    const given = shownEntries(result);
    return given.every((entry) => counted.every((thing) => countsAlike(thing, this.countedIn(entry))));
  }

  /** The things an entry counts with figures written as words, in its title, questions and answer; read once per entry. */
  private countedIn(entry: Entry): readonly CountedThing[] {
    let counted = this.countedByEntry.get(entry.id);
    if (!counted) {
      counted = [entry.title, ...entry.questions, entry.answer].flatMap(countedThings);
      this.countedByEntry.set(entry.id, counted);
    }
    return counted;
  }

  /**
   * A thin part pointing into a sentence, read with the writer's introduction ("*Ich bin Hebamme in
   * Bielefeld.* Viele meiner Familien sprechen kaum Deutsch. Gibt es da was von euch?"): who the
   * writer is tells which action area the sentence is about (see {@link writersField}).
   * - Not answered by the sentence (its words, "Familien", "Deutsch", are spread over several
   *   areas): the writer's area answers, when its entry has a word of the sentence and neither the
   *   part nor the sentence asks what the knowledge lacks: no forward term (an amount, a date, a
   *   person, a place), no unknown noun ("Honorare", "Therapieplatz"), no figure.
   * - Answered by an entry that has none of the words naming the writer ("Wir sind ein Unternehmen
   *   in Gütersloh. Wir möchten Fachkräfte aus Indien anwerben. Macht ihr sowas?" → the overview of
   *   the action areas): the writer's area and that answer are offered as choices.
   */
  private withWritersField(question: string, pointed: string, writer: string, reading: Explanation, reader: TextReader): Explanation {
    const field = this.writersField(question, writer, reader);
    if (!field) return reading;
    const { result } = reading;
    const answer = result.answer;
    if (answer) {
      if (answer.id === field.entry.id || answer.related.includes(field.entry.id) || field.entry.related.includes(answer.id)) return reading;
      if (field.tokens.some((token) => this.entryFacts.has(answer, token))) return reading;
      return { ...reading, result: { outcome: 'suggest', answer: null, suggestions: [field.entry, answer], candidates: result.candidates } };
    }
    if (result.declineReason === 'forward-term') return reading;
    const own = reader.analyze(question);
    const said = reader.analyze(this.withoutSituation(pointed, reader));
    if ([own, said].some((analysis) => analysis.forwardTerms.length > 0 || analysis.readings.some(namesUnknownThing))) return reading;
    // The introduction chooses among the areas the sentence may be about; it never stands in for it.
    if (!said.tokens.some((token) => !this.actorTokens.has(token) && this.entryFacts.has(field.entry, token))) return reading;
    return { ...reading, result: { outcome: 'answer', answer: field.entry, suggestions: [], candidates: result.candidates } };
  }

  /**
   * The action area the writer's introduction names, with the words naming it: the entry the part
   * answers when read as pointing into the introduction alone (without its places and figures:
   * "Wir sind ein Museum in Bochum mit 60.000 Besuchern"), when that entry belongs to an action area
   * (a field of the centres' work, not the organisation or the contacts) and its title or keywords
   * have a word of the introduction. A place the knowledge knows only as an address ("Dortmund"), the
   * actors ("ich bin neu im KI …": the writer works for a centre, which tells no area) name none.
   */
  private writersField(question: string, writer: string, reader: TextReader): { entry: Entry; tokens: readonly string[] } | undefined {
    if (actorsNamed(writer).length > 0) return undefined;
    const self = this.withoutSituation(writer.replace(COUNTED, ' '), reader);
    const entry = this.explain(question, { antecedent: self, leansOn: self }, reader).result.answer;
    if (!entry || KNOWN_CATEGORIES[entry.category]?.kind !== 'action-area') return undefined;
    const analysis = reader.analyze(self);
    const forward = new Set(analysis.forwardTerms.flatMap((term) => term.split(' ')));
    const tokens = analysis.tokens.filter((token) => this.index.idf(token) !== undefined && !this.actorTokens.has(token) && !forward.has(token));
    const subject = new Set(this.analyzer.analyzeIndexed([entry.title, ...entry.keywords].join(' . ')).tokens);
    return tokens.some((token) => subject.has(token)) ? { entry, tokens } : undefined;
  }

  /**
   * A part that asks who within a named body is responsible (`asksWithinNamedBody`)
   * read as asking for a contact person: "zuständig" counts as "Ansprechpartner", not as the body's
   * tasks. So the LaKI's contact persons answer for the LaKI, and a body whose people the flyer does
   * not name gets no answer about its tasks instead. The analysis itself when the part asks otherwise.
   */
  private personWithin(question: string, analysis: Analysis): Analysis {
    if (!asksWithinNamedBody(question) || !analysis.tokens.some((token) => this.dutyTokens.has(token))) return analysis;
    const tokens = new Set(analysis.tokens.filter((token) => !this.dutyTokens.has(token)));
    for (const token of this.personTokens) tokens.add(token);
    return { ...analysis, tokens: [...tokens] };
  }

  /**
   * The entry that answers a part leaning on a context sentence by the part's own words, when the
   * decision only offered choices: the best entry has every own topic word of the part (the actors
   * aside) and every key noun, covers enough of the whole, and leads the next by twice the answer
   * margin. The borrowed words of the sentence, most of which no entry has, only lowered its score.
   */
  private ownWordsLead(analysis: Analysis, scored: readonly ScoredEntry[], keyNouns: readonly string[]): Entry | undefined {
    const [best, second] = scored;
    if (!best || best.coverage < this.settings.minCoverage || best.score < this.settings.suggestScore) return undefined;
    if (second && best.score - second.score < 2 * this.settings.answerMargin) return undefined;
    const own = analysis.tokens.filter((token) => !this.actorTokens.has(token) && this.index.idf(token) !== undefined);
    const has = (token: string) => this.entryFacts.has(best.entry, token);
    return own.length > 0 && own.every(has) && keyNouns.every(has) ? best.entry : undefined;
  }

  /**
   * False when `question` read alone, without surroundings (`explain(question, {}, reader)`),
   * cannot answer: an entry covers at most the weight of the known words (each at the highest
   * weight a posting has), and an answer needs `minCoverage` of the whole mass, unknown words
   * included. Costs the analysis (the reader keeps it) but no scoring: reading a whole message as
   * one question mostly fails on the unknown words of its context ("Sozialamt", "dringend").
   */
  mayAnswerAlone(written: string, reader: TextReader = this.ownReader): boolean {
    const question = withoutOwnCounts(written);
    const analysis = this.personWithin(question, reader.analyze(question));
    const unknown = analysis.readings.filter((reading) => reading.kind === 'unknown');
    const focal = this.focalWeights(analysis);
    // As in `explain`: no known word, or an unknown number, declines.
    if (focal.size === 0 || unknown.some((reading) => reading.numeric)) return false;
    if (this.addressee && addressesYou(question)) this.borrow(focal, reader.analyze(this.addressee), this.settings.leanWeight);
    let knownMass = 0;
    for (const weight of focal.values()) knownMass += weight;
    const coverageBound = (knownMass * this.index.maxPostingWeight) / (knownMass + this.unknownMass(unknown, false));
    // Written so that a bound that is no number (a zero mass with unusual settings) lets `explain` decide.
    return !(coverageBound < this.settings.minCoverage - COVERAGE_SLACK);
  }

  /**
   * The known tokens of an analysis with their weights (idf), each once. A compound's parts say
   * less about the question than the words themselves ("Grundschule" is not about "Grund"), so
   * they weigh less, as they do in the index.
   */
  private focalWeights(analysis: Analysis): Map<string, number> {
    const focal = new Map<string, number>();
    for (const token of analysis.tokens) {
      const idf = this.index.idf(token);
      if (idf === undefined || focal.has(token)) continue;
      const weight = analysis.compoundParts.has(token) ? this.settings.compoundPartWeight : QUESTION_KINDS.has(token) ? this.settings.questionKindWeight : 1;
      focal.set(token, idf * weight);
    }
    return focal;
  }

  /** Adds the known tokens of a borrowed text (a topic, a sentence leaned on) that `focal` lacks, at `weight` × idf. */
  private borrow(focal: Map<string, number>, borrowed: Analysis, weight: number): void {
    for (const token of borrowed.tokens) {
      const idf = this.index.idf(token);
      if (idf !== undefined && !focal.has(token)) focal.set(token, idf * weight);
    }
  }

  /**
   * The mass of a question's unknown words, by how each was written. A thin part that points into
   * a context sentence (`leaning`) asks how its subject relates to that sentence ("Ist das ein
   * Thema, bei dem die KIs *ansetzen*?"): an unknown verb says how, the sentence says what.
   */
  private unknownMass(unknown: ReadonlyArray<Extract<WordReading, { kind: 'unknown' }>>, leaning: boolean, mainVerb?: string): number {
    return unknown.reduce((sum, reading) => {
      if (leaning && reading.casing === 'lower') return sum;
      const weight = reading.casing === 'lower' && reading.word === mainVerb ? this.settings.unknownMainVerbWeight : this.unknownWeight(reading.casing);
      return sum + this.index.unknownIdf * weight;
    }, 0);
  }

  /**
   * True when a part is about the centre or the LaKI: it names one, addresses the reader ("euch"),
   * has a pronoun standing for one, or refers to a piece that names one ("Das KI ist neu bei uns.
   * Wie können wir es erreichen?"). Its verb then says what they do, which the entries describe in
   * their own words ("Welche Unterstützung kann ich vom KI *erwarten*?").
   */
  private namesActor(question: string, surroundings: { readonly antecedent?: string; readonly actor?: string }): boolean {
    return (
      actorsNamed(question).length > 0 ||
      addressesYou(question) ||
      surroundings.actor !== undefined ||
      (surroundings.antecedent !== undefined && actorsNamed(surroundings.antecedent).length > 0)
    );
  }

  /**
   * A context sentence without the writer's situation: the places they name that the knowledge
   * base does not know ("in Hückelhoven", "Kreis Gütersloh") and the figures they give ("200
   * Besuchern", "30.000 €", "seit 2024"); a paragraph ("§ 8") stays. `keepFigures`: a claim to be
   * confirmed, whose figures and dates are what is asked.
   */
  private withoutSituation(text: string, reader: TextReader, keepFigures = false): string {
    const read = (word: string) => reader.analyze(word);
    const placeless = text.replace(SITUATION_PLACE, (whole, before: string, place: string) => (unknownNoun(place, read) ? before : whole));
    return keepFigures ? placeless : placeless.replace(WHEN, ' ').replace(FIGURE, ' ');
  }

  /**
   * True when a sentence does something to things that are all unknown ("Wir wollen einen *Beirat*
   * gründen."): it names a noun the knowledge base does not know and none it knows, and it has a
   * verb, known ("gründen") or not ("besetzt"). A bare phrase ("und auf Englisch:") does nothing.
   */
  private doesToUnknownThings(text: string, reader: TextReader): boolean {
    const analysis = reader.analyze(text);
    const unknown = analysis.readings.filter((reading): reading is Extract<WordReading, { kind: 'unknown' }> => reading.kind === 'unknown' && !reading.numeric);
    return (
      unknown.some((reading) => reading.casing === 'noun') &&
      !analysis.nounTokens.some((token) => this.index.idf(token) !== undefined) &&
      (analysis.tokens.some((token) => this.index.idf(token) !== undefined) || unknown.some((reading) => reading.casing === 'lower'))
    );
  }

  /**
   * "und wer bezahlt die Fortbildungen für die Erzieherinnen?", "Wer finanziert Griffbereit?": who
   * pays for a thing other than the LaKI or the centres, which the flyer does not say (it says who
   * funds the LaKI and which law funds the centres). The term {@link PAID_THING_TERM}, or none.
   */
  private paidThing(question: string, reader: TextReader): readonly string[] {
    const paid = PAYS_FOR.exec(question)?.[1];
    if (paid === undefined) return [];
    const analysis = reader.analyze(paid);
    const thing = analysis.nounTokens.some((token) => this.index.idf(token) !== undefined && !this.actorTokens.has(token));
    return thing ? [PAID_THING_TERM] : [];
  }

  /** True when a part's known words besides the actors are only paying or deciding (see `frameTokens`). */
  private asksOnlyFrame(analysis: Analysis): boolean {
    const own = analysis.tokens.filter((token) => this.index.idf(token) !== undefined && !this.actorTokens.has(token));
    return own.length > 0 && own.every((token) => this.frameTokens.has(token));
  }

  /**
   * The nouns of a sentence a thin part leans on, without the writer's situation (places, dates,
   * figures) and own things ("unser Rat"): the known ones (not the actors, not the state, not
   * generic) and how many unknown ones it has.
   */
  private leanedNouns(text: string, reader: TextReader): { known: string[]; unknown: number } {
    const analysis = reader.analyze(this.withoutSituation(text.replace(OWN_THING, ' '), reader));
    const known = [...new Set(analysis.nounTokens)].filter(
      (token) => this.index.idf(token) !== undefined && !this.actorTokens.has(token) && !this.stateTokens.has(token) && !GENERIC_KEY_NOUNS.has(token),
    );
    const unknown = analysis.readings.filter((reading) => reading.kind === 'unknown' && reading.casing === 'noun').length;
    return { known, unknown };
  }

  /**
   * True when the people or places a request is for ("für unsere Familienzentren") are all unknown
   * words and what is asked before them names a topic of its own.
   */
  private namesOwnAudienceOnly(own: { asked: string; audience: string }, reader: TextReader): boolean {
    return this.leansOnUnknownOnly(own.audience, reader) && this.namesOwnTopic(own.asked, reader);
  }

  /** True when a text names a known topic besides question kinds and the actors. */
  private namesOwnTopic(text: string, reader: TextReader): boolean {
    const analysis = reader.analyze(text);
    return analysis.tokens.some((token) => this.index.idf(token) !== undefined && !QUESTION_KINDS.has(token) && !this.actorTokens.has(token));
  }

  /** True when a text has words the knowledge base does not know and none it does. */
  private leansOnUnknownOnly(text: string, reader: TextReader): boolean {
    const analysis = reader.analyze(text);
    return !this.namesKnownTopic(analysis) && analysis.readings.some((reading) => reading.kind === 'unknown');
  }

  /** True when a text (or its analysis) names something the knowledge base knows: a known word that is not only a question word. */
  namesKnownTopic(text: string | Analysis, reader: TextReader = this.ownReader): boolean {
    const analysis = typeof text === 'string' ? reader.analyze(text) : text;
    return analysis.tokens.some((token) => this.index.idf(token) !== undefined && !QUESTION_KINDS.has(token));
  }

  private unknownWeight(casing: 'noun' | 'lower' | 'unclear'): number {
    const s = this.settings;
    return casing === 'noun' ? s.unknownNounWeight : casing === 'lower' ? s.unknownLowerWeight : s.unknownUnclearWeight;
  }

  /**
   * The nouns that carry the question: the tokens written as nouns that weigh at least
   * `keyNounShare` of the rarest one ("Kernaufgaben" and "LaKI"). An answer whose entry lacks one
   * answers something else ("eigene Räumlichkeiten" → the
   * organisation entry), so it becomes a suggestion at most.
   */
  private keyNouns(analysis: Analysis, focal: ReadonlyMap<string, number>): string[] {
    let top = -Infinity;
    for (const token of analysis.nounTokens) top = Math.max(top, focal.get(token) ?? -Infinity);
    const nouns: string[] = [];
    for (const token of analysis.nounTokens) {
      const weight = focal.get(token);
      if (weight !== undefined && weight >= top * this.settings.keyNounShare - 1e-9 && !nouns.includes(token) && !GENERIC_KEY_NOUNS.has(token)) nouns.push(token);
    }
    return nouns;
  }
}

/** The share of a reading's asked meaning an entry covers, when the entry is among its candidates. */
export function coverageOf(reading: Explanation, entry: Entry): number | undefined {
  return reading.scored.find((candidate) => candidate.entry.id === entry.id)?.coverage;
}

/**
 * "wer bezahlt (eigentlich) die Fortbildungen", "who pays for the courses": group 1 is the word
 * that names what is paid for, after an article or possessive.
 */
const PAYS_FOR =
  /(?:^|[^\p{L}])(?:wer|who)\s+(?:bezahlt|zahlt|finanziert|pays\s+for|funds|finances)\s+(?:(?:eigentlich|denn|dann|überhaupt|ueberhaupt|genau|so|jetzt|nun|bitte)\s+)*(?:(?:die|den|das|dem|der|eure|euren|unsere|unseren|the|our)\s+)?([\p{L}-]+)/iu;

/** The term a part asking who pays for a thing other than the actors gets: no entry lists it. */
const PAID_THING_TERM = 'who pays for it';

/** A part asking whether something holds despite the situation told before ("trotzdem", "dennoch", "anyway"). */
const CONCEDING = /(?:^|[^\p{L}])(?:trotzdem|dennoch|nevertheless|anyway)(?=[^\p{L}]|$)/iu;

/** The writer's own thing: a possessive and the word after it ("unsere Leitungen", "my budget"). */
const OWN_THING = /(?<![\p{L}])(?:unser|unsere|unserer|unseren|unserem|unseres|mein|meine|meiner|meinen|meinem|meines|our|my)\s+[\p{L}-]+/giu;

/** A place after a preposition or an administrative noun ("in Hamm", "aus Olpe", "Kreis Gütersloh"); group 2 is its name. */
const SITUATION_PLACE = /((?:^|\s)(?:in|nach|aus|bei|im|beim|Kreis|Stadt|Landkreis|Gemeinde|Kommune|StädteRegion)\s+(?:der\s+|dem\s+|den\s+)?)(\p{Lu}[\p{L}-]+)/gu;

/** When the writer plans something ("ab Januar", "im Herbst", "bis Ostern"): a month or season with its preposition. */
const WHEN =
  /(?<![\p{L}])(?:ab|im|bis|seit|zum|Anfang|Ende|Mitte)\s+(?:Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Frühjahr|Fruehjahr|Sommer|Herbst|Winter|Ostern|Weihnachten)(?![\p{L}])/giu;

/** A figure with what it counts ("mit 60.000 Besuchern", "6 Gruppen"): the size of the writer's institution. */
const COUNTED = /(?<![\p{L}\d§])\d[\d.,]*\s+\p{Lu}[\p{L}-]*/gu;

/** An unknown noun or a figure: a thing the knowledge base does not know ("Honorare", "Therapieplatz"). */
function namesUnknownThing(reading: WordReading): boolean {
  return reading.kind === 'unknown' && (reading.casing === 'noun' || reading.numeric);
}

/** A figure the writer gives ("200", "30.000 €", "40 %", "2024"), not a paragraph's number ("§ 8", "Paragraf 7"). */
const FIGURE = /(?<!(?:§|Paragraph|Paragraf|Paragrafen|Paragraphen)\s*)(?<![\p{L}\d])[+-]?\d[\d.,]*\s*(?:%|€|Euro|Prozent)?/giu;

/** A compound naming an office by its head "Büro" ("Kulturbüro", "Stadtteilbüros"); group 1 is what the office is for. */
const OFFICE_COMPOUND = /(\p{L}{3,}?)-?(?:büro|buero)s?(?![\p{L}])/giu;

/**
 * A sentence a part points into without the head of the compounds naming an office ("Wir sollen
 * als Stadtteil*büro* stärker im Viertel arbeiten. Ist das bei den KIs ein Thema?"): that office is
 * where the writer works, not the LaKI's office the word "Büro" alone stands for; what it is for
 * ("Stadtteil") stays. A plain test first: most sentences name no office.
 */
function withoutOfficeHead(text: string): string {
  return OFFICE_PRETEST.test(text) ? text.replace(OFFICE_COMPOUND, '$1') : text;
}

/** The plain test before {@link OFFICE_COMPOUND}. */
const OFFICE_PRETEST = /b(?:ü|ue)ro/i;

/** What a later alternative names that an answer to the first rules out ({@link ruledOutBySide}). */
interface RuledOut {
  readonly unknown: ReadonlySet<string>;
  readonly forwardTerms: ReadonlySet<string>;
}

/** A later alternative asked on top of the first rather than instead of it ("… oder *auch* für Kitas?"). */
const ALSO_ASKED = /(?:^|\s)(?:auch|also|too)(?:\s|[?!.]|$)/iu;

/**
 * "Sitzt die LaKI in Dortmund oder in Düsseldorf?", "Wird die LaKI vom Land gefördert oder vom
 * Bund?": when the first alternative a yes/no question weighs names a thing
 * besides the centre or the LaKI and every one of its words is known, the answer to it says which
 * alternative holds. The words the knowledge does not know and the forward terms that only a later
 * alternative has (another town, another body) are then what that answer rules out, not what it
 * must cover; the answer must hold the first alternative's nouns. Only a later alternative that is
 * no question of its own ("oder in Düsseldorf?", "oder vom Bund?"; not "oder entscheiden wir das
 * selber?", which the answer may well affirm), and not one asked on top of the first ("… oder
 * *auch* in Bayern?"); nor when the first has an unknown word itself.
 */
function ruledOutBySide(texts: readonly string[], sides: readonly Analysis[], actorTokens: ReadonlySet<string>): RuledOut | undefined {
  const [first, ...later] = sides;
  if (!first || first.readings.some((reading) => reading.kind === 'unknown') || first.nounTokens.every((token) => actorTokens.has(token))) return undefined;
  if (texts.slice(1).some((text) => ALSO_ASKED.test(text) || opensQuestion(text, true) !== null)) return undefined;
  const unknown = new Set<string>();
  const forwardTerms = new Set<string>();
  for (const side of later) {
    for (const reading of side.readings) if (reading.kind === 'unknown') unknown.add(reading.word);
    for (const term of side.forwardTerms) if (!first.forwardTerms.includes(term)) forwardTerms.add(term);
  }
  return unknown.size > 0 || forwardTerms.size > 0 ? { unknown, forwardTerms } : undefined;
}

/** True when a part asks where something is or how to get there ("Wo ist das?", "Wie kommen wir da hin?", "… dort?"). */
function asksPlace(question: string, analysis: Analysis): boolean {
  return analysis.tokens.includes(PLACE_KIND) || asksWayThere(question) || saysThere(question);
}

/**
 * Nouns that never carry a question however rare they are in the knowledge base ("zu interkulturellen
 * *Themen*", "welche *Möglichkeiten* gibt es", "gehören sie zur *Zielgruppe*", "für *Leute* im
 * Ganztag"): they count for ranking, but an entry need not have them.
 */
const GENERIC_KEY_NOUNS: ReadonlySet<string> = new Set(['them', 'moglich', 'zielgrupp', 'leut']);

/** Related entries of its own category an entry lists to count as the category's overview. */
const MIN_OVERVIEW_LINKS = 3;

/** Stems of the question words kept as tokens ({@link QUESTION_KIND_WORDS}). */
const QUESTION_KINDS: ReadonlySet<string> = new Set(QUESTION_KIND_WORDS);

/** Room for float rounding between a coverage bound and the coverage `score` computes. */
const COVERAGE_SLACK = 1e-9;

/** Two things counted ("zwei Adressen", "beide", "both"): a question why there are two of them. */
const TWO_THINGS = /(?:^|[^a-zäöüß])(?:zwei|beide[nms]?|2|two|both)(?![a-zäöüß])/i;

/**
 * True when a result gives the LaKI's own ways of reaching it: its numbers, addresses or contact
 * persons (not only the website, which is the centres' common one).
 */
function givesLakiReach(result: MatchResult): boolean {
  const shown = shownEntries(result);
  return shown.length > 0 && shown.every(reachesLaki);
}

function reachesLaki({ contact }: Entry): boolean {
  return contact !== undefined && (contact.phone ?? contact.fax ?? contact.email ?? contact.postalAddress ?? contact.visitingAddress ?? contact.persons) !== undefined;
}

/**
 * True when a result answers who acts on the LaKI ("Wer fördert die LaKI?"): the answer, or one of
 * the choices, was written for such a question. An entry on what the LaKI does ("Die LaKI sorgt
 * dafür, dass die KIs nach außen vertreten werden") does not answer "Wer vertritt die LaKI …?": its
 * answer would be the LaKI itself.
 */
function tellsWhoActsOnLaki(result: MatchResult): boolean {
  return shownEntries(result).some((entry) => entry.questions.some(asksWhoActsOnLaki));
}
