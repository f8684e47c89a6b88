/**
 * The question log's model: what the bot records about each question and what the editors'
 * report reads back. It sits below the bot (which writes it), the editors (who read it) and
 * `storage/` (which implements it for SQLite and PostgreSQL), so none of them depends on another
 * for it.
 */
import type { Outcome } from './knowledge';

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
    /** A nearby topic opened from the no-answer card; `question` is the declined question. */
    | 'nearby-opened'
    | 'feedback-helpful'
    | 'feedback-not-helpful'
    /** "Hilfreich?" under a LaKI answer relayed to the asker; `question` is the ticket's question. */
    | 'ticket-feedback-helpful'
    | 'ticket-feedback-not-helpful';
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

/** A question event as stored, with the time it was recorded. */
export interface StoredQuestionEvent extends QuestionEvent {
  readonly recordedAt: Date;
}

/** Read side of the question log, for the editors' report (`npm run kb:report`). */
export interface QuestionLogReader {
  /** Events recorded at or after `since`, oldest first. */
  listSince(since: Date): Promise<StoredQuestionEvent[]>;
}

/** Retention for the question log: events older than a date are deleted (privacy). */
export interface QuestionLogRetention {
  /** Deletes events recorded before `before`; resolves to the number deleted. */
  deleteOlderThan(before: Date): Promise<number>;
}
