/**
 * The editors' report as data: what the question log and the answered tickets say the
 * knowledge base lacks. Pure: the CLI reads the store and the knowledge, this module decides
 * what goes into the report, `markdown.ts` and `csv.ts` render it.
 */
import type { Ticket } from '../../escalation';
import type { StoredQuestionEvent } from '../../questionLog';
import { type IndexedKnowledgeBase, fold, type DeclineReason } from '../../knowledge';
import { dailyOutcomes, ticketFigures, type DayOutcomes, type TicketFigures } from './figures';

export interface ReportSettings {
  /** Two unanswered questions belong to one group from this token Jaccard similarity on. */
  readonly groupSimilarity: number;
  /** A direct answer below this score is "low confidence": its question is a variant candidate. */
  readonly lowScore: number;
  /** Example questions shown per group or entry. */
  readonly examples: number;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = Object.freeze({ groupSimilarity: 0.5, lowScore: 0.6, examples: 5 });

/** Similar questions nobody got an answer to. */
export interface UnansweredGroup {
  readonly count: number;
  /** Distinct questions, most frequent first. */
  readonly questions: readonly string[];
  readonly reasons: readonly DeclineReason[];
  /** The entry closest to the group's main question today, if any. */
  readonly closestEntry?: { readonly id: string; readonly title: string };
  /** Set when today's knowledge answers the main question directly (already fixed). */
  readonly nowAnsweredBy?: string;
}

export interface NegativeFeedback {
  readonly entryId: string;
  /** Current title; absent when the entry no longer exists. */
  readonly title?: string;
  readonly notHelpful: number;
  readonly helpful: number;
  readonly questions: readonly string[];
}

/** A question users asked that should become a question variant of an existing entry. */
export interface VariantSuggestion {
  readonly entryId: string;
  readonly title: string;
  readonly question: string;
  readonly count: number;
  /**
   * `chosen`: picked under "Meinten Sie …"; `nearby`: declined, then opened from the no-answer
   * card's similar topics; `low-score`: answered with low confidence.
   */
  readonly reason: 'chosen' | 'nearby' | 'low-score';
  /** Lowest score seen, for `low-score`. */
  readonly score?: number;
}

/** An answered ticket that could become an entry. */
export interface TicketCandidate {
  readonly number: string;
  readonly question: string;
  readonly answer: string;
  readonly answeredAt?: Date;
  /** A draft file for this ticket already exists in `drafts/`. */
  readonly draftExists: boolean;
  /** Today's knowledge answers the ticket's question directly with this entry. */
  readonly nowAnsweredBy?: string;
  /** The asker's "Hilfreich?" on the relayed answer (question log, matched by the ticket's question). */
  readonly askerFeedback: { readonly helpful: number; readonly notHelpful: number };
}

export interface ReportModel {
  readonly createdAt: Date;
  readonly since: Date;
  /** End of the period (exclusive); `createdAt` for `kb:report`, midnight for the weekly card. */
  readonly until: Date;
  readonly eventCount: number;
  /** Questions per day by outcome, every day of the period. */
  readonly days: readonly DayOutcomes[];
  readonly ticketFigures: TicketFigures;
  /**
   * Entry drafts editors started and have not published or discarded; absent when no drafts
   * store is connected (the figure is then left out, not shown as 0).
   */
  readonly openDrafts?: number;
  readonly unanswered: readonly UnansweredGroup[];
  readonly negativeFeedback: readonly NegativeFeedback[];
  readonly variantSuggestions: readonly VariantSuggestion[];
  readonly tickets: readonly TicketCandidate[];
}

export interface ReportInput {
  readonly events: readonly StoredQuestionEvent[];
  readonly tickets: readonly Ticket[];
  readonly knowledge: IndexedKnowledgeBase;
  /** Ticket numbers that already have a draft file. */
  readonly draftedTickets: ReadonlySet<string>;
  /** Tickets waiting for the LaKI now (open or taken). */
  readonly openTickets: number;
  /** See {@link ReportModel.openDrafts}. */
  readonly openDrafts?: number;
  readonly since: Date;
  readonly now: Date;
  /** End of the period (exclusive); default `now`. Events from `until` on are left out. */
  readonly until?: Date;
}

/** Case, umlauts and punctuation do not make two questions different. */
export function normalizeQuestion(question: string): string {
  return fold(question).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Builds the report from stored events and tickets, judged against today's knowledge. */
export function buildReport(input: ReportInput, settings: Partial<ReportSettings> = {}): ReportModel {
  const s = { ...DEFAULT_REPORT_SETTINGS, ...settings };
  const until = input.until ?? input.now;
  const events = input.events.filter((event) => event.recordedAt >= input.since && event.recordedAt < until);
  return {
    createdAt: input.now,
    since: input.since,
    until,
    eventCount: events.length,
    days: dailyOutcomes(events, input.since, until),
    ticketFigures: ticketFigures(input.tickets, input.openTickets, input.since, until),
    ...(input.openDrafts === undefined ? {} : { openDrafts: input.openDrafts }),
    unanswered: groupUnanswered(events, input.knowledge, s),
    negativeFeedback: negativeFeedback(events, input.knowledge, s),
    variantSuggestions: variantSuggestions(events, input.knowledge, s),
    tickets: ticketCandidates(input.tickets, input.knowledge, input.draftedTickets, input.events),
  };
}

/** Counts texts by their normalized form, keeping the most frequent spelling. */
function countQuestions(questions: readonly string[]): Array<{ text: string; key: string; count: number }> {
  const byKey = new Map<string, { spellings: Map<string, number>; count: number }>();
  for (const question of questions) {
    const key = normalizeQuestion(question);
    if (!key) continue;
    const item = byKey.get(key) ?? { spellings: new Map(), count: 0 };
    item.count++;
    item.spellings.set(question.trim(), (item.spellings.get(question.trim()) ?? 0) + 1);
    byKey.set(key, item);
  }
  return [...byKey]
    .map(([key, { spellings, count }]) => ({ key, count, text: [...spellings].sort((a, b) => b[1] - a[1])[0]![0] }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Shortest token that may match another token by prefix ("dolmetsch" ~ "dolmetscherkost"). */
const MIN_PREFIX_MATCH = 5;

function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= MIN_PREFIX_MATCH && (a.startsWith(b) || b.startsWith(a));
}

/** Weight of a word no entry knows: it is usually exactly the topic the knowledge lacks. */
const UNKNOWN_WORD_WEIGHT = 2;

/** Weighted Jaccard similarity; tokens sharing a long prefix count as the same (compounds). */
function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((sum, w) => sum + w, 0);
  let shared = 0;
  for (const [token, weight] of a) {
    const match = [...b].find(([other]) => sameToken(token, other));
    if (match) shared += Math.min(weight, match[1]);
  }
  return shared / (total(a) + total(b) - shared);
}

/**
 * What a question is about: the analyzer's tokens (stems, synonyms read as their group's first
 * member) plus, weighted higher, the stems of words no entry knows.
 */
function topicTokens(kb: IndexedKnowledgeBase, question: string): Map<string, number> {
  const { analysis } = kb.explain(question);
  const tokens = new Map<string, number>(analysis.tokens.map((token) => [token, 1]));
  for (const reading of analysis.readings) {
    if (reading.kind === 'unknown') tokens.set(reading.word, UNKNOWN_WORD_WEIGHT);
  }
  return tokens;
}

/**
 * Groups declined questions by the similarity of their topic tokens, so "Welche Förderung gibt
 * es für Dolmetscher?" and "Werden Dolmetscherkosten gefördert?" meet. Greedy, most frequent
 * question first: each question joins the most similar group at or above the threshold.
 */
function groupUnanswered(events: readonly StoredQuestionEvent[], kb: IndexedKnowledgeBase, s: ReportSettings): UnansweredGroup[] {
  const declined = events.filter((event) => event.kind === 'declined' && event.question);
  const reasonsByKey = new Map<string, Set<DeclineReason>>();
  const counted = countQuestions(declined.map((event) => event.question!));
  const groups: Array<{ tokens: Map<string, number>; items: typeof counted }> = [];
  for (const item of counted) {
    const tokens = topicTokens(kb, item.text);
    let best: (typeof groups)[number] | undefined;
    let bestSimilarity = s.groupSimilarity;
    for (const group of groups) {
      const value = similarity(tokens, group.tokens);
      if (value >= bestSimilarity) {
        best = group;
        bestSimilarity = value;
      }
    }
    if (best) best.items.push(item);
    else groups.push({ tokens, items: [item] });
  }
  for (const event of declined) {
    const key = normalizeQuestion(event.question!);
    const set = reasonsByKey.get(key) ?? new Set();
    const reason = kb.match(event.question!).declineReason;
    if (reason) set.add(reason);
    reasonsByKey.set(key, set);
  }
  return groups
    .map((group) => {
      const main = group.items[0]!.text;
      const result = kb.match(main);
      const closest = result.candidates[0]?.entry;
      return {
        count: group.items.reduce((sum, item) => sum + item.count, 0),
        questions: group.items.slice(0, s.examples).map((item) => item.text),
        reasons: [...new Set(group.items.flatMap((item) => [...(reasonsByKey.get(item.key) ?? [])]))],
        ...(closest ? { closestEntry: { id: closest.id, title: closest.title } } : {}),
        ...(result.outcome === 'answer' && result.answer ? { nowAnsweredBy: result.answer.id } : {}),
      };
    })
    .sort((a, b) => b.count - a.count);
}

function negativeFeedback(events: readonly StoredQuestionEvent[], kb: IndexedKnowledgeBase, s: ReportSettings): NegativeFeedback[] {
  const byEntry = new Map<string, { notHelpful: number; helpful: number; questions: string[] }>();
  for (const event of events) {
    if ((event.kind !== 'feedback-not-helpful' && event.kind !== 'feedback-helpful') || !event.entryId) continue;
    const item = byEntry.get(event.entryId) ?? { notHelpful: 0, helpful: 0, questions: [] };
    if (event.kind === 'feedback-helpful') item.helpful++;
    else {
      item.notHelpful++;
      if (event.question) item.questions.push(event.question);
    }
    byEntry.set(event.entryId, item);
  }
  return [...byEntry]
    .filter(([, item]) => item.notHelpful > 0)
    .map(([entryId, item]) => {
      const title = kb.getEntry(entryId)?.title;
      return {
        entryId,
        ...(title ? { title } : {}),
        notHelpful: item.notHelpful,
        helpful: item.helpful,
        questions: countQuestions(item.questions).slice(0, s.examples).map((q) => q.text),
      };
    })
    .sort((a, b) => b.notHelpful - a.notHelpful || a.entryId.localeCompare(b.entryId));
}

/** Which of two reasons for the same question and entry the report names: the user's own choice first. */
const REASON_RANK: Record<VariantSuggestion['reason'], number> = { chosen: 2, nearby: 1, 'low-score': 0 };

/**
 * Questions that reached an entry only via "Meinten Sie …", via the similar topics of a decline,
 * or with a low score: adding them as question variants makes the next asker get the answer
 * directly. Questions the entry already lists, or that today's knowledge answers with that entry,
 * are left out, and so is a declined question that asks for what the knowledge forwards (an
 * amount, a deadline …): as a variant it would make the entry answer what it does not say.
 */
function variantSuggestions(events: readonly StoredQuestionEvent[], kb: IndexedKnowledgeBase, s: ReportSettings): VariantSuggestion[] {
  const byKey = new Map<string, { entryId: string; question: string; count: number; reason: VariantSuggestion['reason']; score?: number }>();
  for (const event of events) {
    if (!event.question || !event.entryId) continue;
    let reason: VariantSuggestion['reason'];
    if (event.kind === 'suggestion-chosen') reason = 'chosen';
    else if (event.kind === 'nearby-opened') reason = 'nearby';
    else if (event.kind === 'answered' && event.score !== undefined && event.score < s.lowScore) reason = 'low-score';
    else continue;
    const key = `${event.entryId}\u0000${normalizeQuestion(event.question)}`;
    const item = byKey.get(key) ?? { entryId: event.entryId, question: event.question.trim(), count: 0, reason };
    item.count++;
    if (REASON_RANK[reason] > REASON_RANK[item.reason]) item.reason = reason;
    if (reason === 'low-score') item.score = Math.min(item.score ?? 1, event.score!);
    byKey.set(key, item);
  }
  const suggestions: VariantSuggestion[] = [];
  for (const item of byKey.values()) {
    const entry = kb.getEntry(item.entryId);
    if (!entry) continue;
    const key = normalizeQuestion(item.question);
    if (entry.questions.some((question) => normalizeQuestion(question) === key)) continue;
    const now = kb.match(item.question);
    if (now.outcome === 'answer' && now.answer?.id === entry.id && item.reason !== 'low-score') continue;
    if (item.reason === 'nearby' && now.declineReason === 'forward-term') continue;
    suggestions.push({ ...item, title: entry.title, ...(item.reason !== 'low-score' ? { score: undefined } : {}) });
  }
  return suggestions
    .map(({ score, ...rest }) => (score === undefined ? rest : { ...rest, score }))
    .sort((a, b) => b.count - a.count || a.entryId.localeCompare(b.entryId));
}

function ticketCandidates(
  tickets: readonly Ticket[],
  kb: IndexedKnowledgeBase,
  drafted: ReadonlySet<string>,
  events: readonly StoredQuestionEvent[],
): TicketCandidate[] {
  // The log holds no ticket number (no identity); a rating carries its ticket's question instead.
  const ratings = new Map<string, { helpful: number; notHelpful: number }>();
  for (const event of events) {
    if ((event.kind !== 'ticket-feedback-helpful' && event.kind !== 'ticket-feedback-not-helpful') || !event.question) continue;
    const item = ratings.get(event.question) ?? { helpful: 0, notHelpful: 0 };
    if (event.kind === 'ticket-feedback-helpful') item.helpful++;
    else item.notHelpful++;
    ratings.set(event.question, item);
  }
  return tickets
    .filter((ticket) => ticket.answer)
    .map((ticket) => {
      const result = kb.match(ticket.question);
      return {
        number: ticket.number,
        question: ticket.question,
        answer: ticket.answer!,
        ...(ticket.answeredAt ? { answeredAt: ticket.answeredAt } : {}),
        draftExists: drafted.has(ticket.number),
        askerFeedback: ratings.get(ticket.question) ?? { helpful: 0, notHelpful: 0 },
        ...(result.outcome === 'answer' && result.answer ? { nowAnsweredBy: result.answer.id } : {}),
      };
    });
}
