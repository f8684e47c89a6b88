/** The bot's best guesses for a forwarded question, as LaKI sees them on the card and in the mail. */
import { DEFAULT_MATCHER_SETTINGS, type KnowledgeBase } from '../knowledge';
import type { BestGuess } from './mail/ticketMail';

/** The app's knowledge holder: always ask `current()`, a hot reload swaps it. */
export interface KnowledgeSource {
  current(): KnowledgeBase;
}

/** How many entries LaKI is shown as a starting point. */
export const BEST_GUESS_COUNT = 3;

/**
 * Lowest matcher score of a best guess: the same bar as "Meinten Sie …". Below it an entry shares
 * a word or two with the question but is not about it, and only sends LaKI looking in vain.
 */
export const BEST_GUESS_MIN_SCORE = DEFAULT_MATCHER_SETTINGS.suggestScore;

/**
 * The ids of the closest entries for `question`, best first, that score at least
 * {@link BEST_GUESS_MIN_SCORE}; empty without a knowledge base or when none does.
 */
export function bestGuessIdsFor(question: string, knowledge?: KnowledgeSource): string[] {
  if (!knowledge) return [];
  return knowledge
    .current()
    .match(question)
    .candidates.filter((candidate) => candidate.score >= BEST_GUESS_MIN_SCORE)
    .slice(0, BEST_GUESS_COUNT)
    .map((candidate) => candidate.entry.id);
}

/** Ids → id and title; an entry removed since keeps its id as title so nothing disappears. */
export function resolveBestGuesses(ids: readonly string[], knowledge?: KnowledgeSource): BestGuess[] {
  const kb = knowledge?.current();
  return ids.map((id) => ({ id, title: kb?.getEntry(id)?.title ?? id }));
}
