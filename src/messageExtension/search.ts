/**
 * What the search message extension lists for a search text, using the bot's own matcher so
 * the compose box and the chat agree on what answers a question.
 */
import { DEFAULT_MATCHER_SETTINGS, shownEntries, type Entry, type KnowledgeBase } from '../knowledge';

/** Ranking rules for the result list; frozen defaults, override per call in tests. */
export interface SearchSettings {
  /** A further candidate is listed when its score reaches this share of the best score … */
  readonly relativeScore: number;
  /** … and at least this absolute score (the matcher's own threshold for a suggestion). */
  readonly minScore: number;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = Object.freeze({
  relativeScore: 0.6,
  minScore: DEFAULT_MATCHER_SETTINGS.suggestScore,
});

/**
 * The entries to list for `text`, best first, without duplicates:
 * - the matcher's answer, or its "Meinten Sie …" suggestions, come first;
 * - then further candidates that score close to the best one (a search box should show
 *   neighbours, e.g. "Telefon" lists the phone entry and the fax entry);
 * - nothing when the matcher declines (`none`): the caller shows "Keine Treffer". Unlike the chat
 *   and the tab, the compose box leaves out the declined question's nearby topics: a listed
 *   entry is inserted into a conversation as the answer, which they are not.
 */
export function searchEntries(
  kb: KnowledgeBase,
  text: string,
  settings: Partial<SearchSettings> = {},
): Entry[] {
  const { relativeScore, minScore } = { ...DEFAULT_SEARCH_SETTINGS, ...settings };
  const result = kb.match(text);
  if (result.outcome === 'none') return [];
  const primary = shownEntries(result);
  const best = result.candidates[0]?.score ?? 0;
  const threshold = Math.max(minScore, best * relativeScore);
  const further = result.candidates.filter((candidate) => candidate.score >= threshold).map((c) => c.entry);
  const seen = new Set<string>();
  return [...primary, ...further].filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}
