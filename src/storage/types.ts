import type { Outcome } from '../knowledge/types';

/**
 * One event in the question log editors learn from (issue: editors' workflow). It never holds
 * the user's identity: only what was asked, what the bot did and how confident it was.
 */
export interface QuestionEvent {
  readonly kind:
    | 'answered'
    | 'declined'
    | 'suggested'
    | 'suggestion-chosen'
    | 'feedback-helpful'
    | 'feedback-not-helpful';
  /** The question as typed (may be absent for feedback on a card whose question is unknown). */
  readonly question?: string;
  readonly outcome?: Outcome;
  /** Best matcher score for the question, 0 … 1. */
  readonly score?: number;
  /** The entry answered, chosen or rated. */
  readonly entryId?: string;
  /** The ids offered under "Meinten Sie …". */
  readonly suggestedIds?: readonly string[];
}

/** Append-only log of question events; implementations must not throw into a bot turn. */
export interface QuestionLog {
  record(event: QuestionEvent): Promise<void>;
}
