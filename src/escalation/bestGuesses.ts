/** The bot's best guesses for a forwarded question, as LaKI sees them on the card and in the mail. */
import type { KnowledgeBase } from '../knowledge/types';
import type { BestGuess } from './mail/ticketMail';

/** The app's knowledge holder: always ask `current()`, a hot reload swaps it. */
export interface KnowledgeSource {
  current(): KnowledgeBase;
}

/** How many entries LaKI is shown as a starting point. */
export const BEST_GUESS_COUNT = 3;

/** The ids of the closest entries for `question`, best first; empty without a knowledge base. */
export function bestGuessIdsFor(question: string, knowledge?: KnowledgeSource): string[] {
  if (!knowledge) return [];
  return knowledge
    .current()
    .match(question)
    .candidates.slice(0, BEST_GUESS_COUNT)
    .map((candidate) => candidate.entry.id);
}

/** Ids → id and title; an entry removed since keeps its id as title so nothing disappears. */
export function resolveBestGuesses(ids: readonly string[], knowledge?: KnowledgeSource): BestGuess[] {
  const kb = knowledge?.current();
  return ids.map((id) => ({ id, title: kb?.getEntry(id)?.title ?? id }));
}
