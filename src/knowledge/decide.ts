/**
 * Stage 5 of reading a message: deciding. From the scored candidates of one asked part and the
 * facts of that part alone (forward terms, coverage of its meaning), choose answer, "Meinten
 * Sie …" or no answer. A confident wrong answer is the worst outcome, so answering needs a clear
 * score, a clear lead, and none of the protections firing.
 */
import type { Entry } from './schema';
import type { ScoredEntry } from './scoring';
import type { Candidate, DeclineReason, MatchResult } from './types';

/** Thresholds of the decision, part of the matcher settings. */
export interface DecisionSettings {
  /** Minimum score for a direct answer. */
  readonly answerScore: number;
  /** Minimum lead of the best entry over the second for a direct answer. */
  readonly answerMargin: number;
  /** Minimum score for an entry to be offered under "Meinten Sie …". */
  readonly suggestScore: number;
  /** Suggestions must score within this distance of the best entry. */
  readonly suggestWindow: number;
  /** At most this many suggestions. */
  readonly maxSuggestions: number;
  /**
   * Minimum share of the asked part's meaning (idf mass of its words, unknown words counted as
   * rare) that the best entry covers. Below it the question is about something we do not know.
   */
  readonly minCoverage: number;
  /** Candidates kept in a result (best guesses for LaKI, logs). */
  readonly maxCandidates: number;
}

/** What the protections need to know about the asked part. */
export interface DecisionFacts {
  /** `forward` terms in the asked part (stems joined by spaces). */
  readonly forwardTerms: readonly string[];
  /** True when an entry's own questions, title or keywords use a forward term. */
  readonly entryCovers: (entry: Entry, term: string) => boolean;
  /**
   * Key nouns of the asked part that the best entry must contain (in any field) to be answered
   * confidently; one missing turns an answer into suggestions (answer fit).
   */
  readonly keyNouns: readonly string[];
  /**
   * The key nouns of each alternative a yes/no question weighs that the other lacks ("Fördert das
   * *Land* die *Elternarbeit* oder zahlen das die *Kommunen*?"): an entry fits only when it also
   * has those of one alternative (an alternative without any is met by every entry).
   */
  readonly alternativeNouns?: ReadonlyArray<readonly string[]>;
  readonly entryHas: (entry: Entry, token: string) => boolean;
  /**
   * False when, the best entry lacking a key noun, the first entry that has them all must not
   * answer instead (it would answer by the key noun alone); suggestions at most.
   */
  readonly answerFittingRival?: boolean;
  /**
   * The overview of an entry's category (which lists it as related). An overview close behind the
   * entry it lists does not contest its lead when it covers no more of the question, nor the other
   * way round: they hold the same fact ("Unter welcher Nummer erreiche ich die LaKI?": the phone
   * entry, not "Meinten Sie" with the phone and the contact overview).
   */
  readonly overviewOf?: (entry: Entry) => Entry | undefined;
}

/** The entries a result shows the user: its answer, or its "Meinten Sie …" choices (none when declined). */
export function shownEntries(result: MatchResult): readonly Entry[] {
  return result.answer ? [result.answer] : result.suggestions;
}

/**
 * No answer. `nearby`: the entries near the question, shown beside the honest "no answer" — only
 * where the decision itself declines a question some entries came close to (see {@link decide}),
 * never where a later stage declines a reading it judged to be about something else.
 */
export function declined(reason: DeclineReason, candidates: readonly Candidate[], nearby: readonly Entry[] = []): MatchResult {
  return nearby.length > 0
    ? { outcome: 'none', answer: null, suggestions: [], candidates, declineReason: reason, nearby }
    : { outcome: 'none', answer: null, suggestions: [], candidates, declineReason: reason };
}

/**
 * The entries close to the best one: at least the suggestion score and within the suggestion
 * window of the best, at most `maxSuggestions`. What "Meinten Sie …" offers, and the nearby topics
 * of a declined question.
 */
function closeTo(scored: readonly ScoredEntry[], best: ScoredEntry, s: DecisionSettings): ScoredEntry[] {
  const floor = Math.max(s.suggestScore, best.score - s.suggestWindow);
  return scored.filter((candidate) => candidate.score >= floor).slice(0, s.maxSuggestions);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Among close candidates, the entry that gives an overview of all the others (lists them as
 * related): "Welche Programme gibt es für Kitas?" is answered by the entry that presents both
 * programmes, rather than by "Meinten Sie" with each programme and the overview side by side.
 */
function overviewOf(close: readonly ScoredEntry[], s: DecisionSettings): ScoredEntry | undefined {
  if (close.length < 3) return undefined;
  return close.find(
    (candidate) =>
      candidate.coverage >= s.minCoverage &&
      candidate.score >= s.answerScore &&
      close.every((other) => other === candidate || candidate.entry.related.includes(other.entry.id)),
  );
}

/** Decides for one asked part; `scored` is in score order. */
export function decide(scored: readonly ScoredEntry[], facts: DecisionFacts, s: DecisionSettings): MatchResult {
  const candidates = scored.slice(0, s.maxCandidates).map(({ entry, score }) => ({ entry, score: round(score) }));
  const best = scored[0];
  if (!best || best.score < s.suggestScore) return declined('low-score', candidates);
  // Declined for what the question asks beyond the entries, which came close in what they share
  // with it: they are the nearby topics ("Wie hoch ist die Förderung?" – the entry on who funds
  // the centres; a long message whose unknown words kept it from an answer – the entry it came nearest).
  const nearby = () => closeTo(scored, best, s).map((candidate) => candidate.entry);
  if (facts.forwardTerms.some((term) => !facts.entryCovers(best.entry, term))) return declined('forward-term', candidates, nearby());
  if (best.coverage < s.minCoverage) return declined('uncovered-terms', candidates, nearby());

  const has = (candidate: ScoredEntry) => (token: string) => facts.entryHas(candidate.entry, token);
  const hasKeyNouns = (candidate: ScoredEntry) =>
    facts.keyNouns.every(has(candidate)) && (!facts.alternativeNouns || facts.alternativeNouns.some((nouns) => nouns.every(has(candidate))));
  const fits = hasKeyNouns(best);
  // A rival that lacks a key noun the best entry has answers another question ("per Fax?" is not
  // the e-mail entry, however close its score): the lead is measured against the first rival
  // that has them all. An overview and an entry it lists, one covering no more than the other,
  // hold the same fact: the one behind does not contest the lead.
  const bestsOverview = facts.overviewOf?.(best.entry);
  const sameFact = (candidate: ScoredEntry) =>
    (candidate.entry === bestsOverview || facts.overviewOf?.(candidate.entry) === best.entry) && candidate.coverage <= best.coverage;
  const contests = (candidate: ScoredEntry) => hasKeyNouns(candidate) && !sameFact(candidate);
  const second = fits ? scored.slice(1).find(contests) : scored[1];
  const clearLead = best.score >= s.answerScore && (!second || best.score - second.score >= s.answerMargin);
  if (clearLead && fits) return { outcome: 'answer', answer: best.entry, suggestions: [], candidates };
  // When the best entry lacks a key noun: the first entry that has them all.
  const first = fits ? undefined : scored.find(hasKeyNouns);
  if (first && facts.answerFittingRival !== false) {
    // The best entry lacks a key noun ("per Post?" scoring highest on "per E-Mail?"): the first
    // entry that has them all answers when it passes every test the best one would have to, however
    // far behind the unfitting one it scores ("Wo ist die LaKI organisatorisch angesiedelt?" is not
    // the centres' organisation entry, however many words they share).
    const rival = scored.slice(scored.indexOf(first) + 1).find(hasKeyNouns);
    if (
      first.score >= s.answerScore &&
      first.coverage >= s.minCoverage &&
      facts.forwardTerms.every((term) => facts.entryCovers(first.entry, term)) &&
      (!rival || first.score - rival.score >= s.answerMargin)
    ) {
      return { outcome: 'answer', answer: first.entry, suggestions: [], candidates };
    }
  }
  let close = closeTo(scored, best, s);
  const overview = fits ? overviewOf(close, s) : undefined;
  if (overview) return { outcome: 'answer', answer: overview.entry, suggestions: [], candidates };
  // The choices include the first entry that has the key nouns, however far behind it scores
  // ("und mit dem Land, was machen die da zusammen?" offers the entry on the work with the Land).
  if (first && first.score >= s.suggestScore && !close.includes(first)) close = [...close.slice(0, s.maxSuggestions - 1), first];
  return { outcome: 'suggest', answer: null, suggestions: close.map((candidate) => candidate.entry), candidates };
}
