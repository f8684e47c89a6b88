import type { Storage } from 'botbuilder';
import type { JobStore, Ticket, TicketStore } from '../escalation';

export type { CreatedTicket, JobCounts, JobStore, NewTicket, TicketMutator, TicketStore } from '../escalation';
import type { Outcome } from '../knowledge';

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

/** A question event as stored, with the time it was recorded. */
export interface StoredQuestionEvent extends QuestionEvent {
  readonly recordedAt: Date;
}

/** Read side of the question log, for the editors' report (`npm run kb:report`). */
export interface QuestionLogReader {
  /** Events recorded at or after `since`, oldest first. */
  listSince(since: Date): Promise<StoredQuestionEvent[]>;
}

/** Tickets LaKI has answered, for the editors' report and drafts (`npm run kb:draft`). */
export interface AnsweredTicketReader {
  /** Tickets with an answer (status `answered` or `closed`), newest answer first. */
  listAnswered(): Promise<Ticket[]>;
}

/** Retention for the question log: events older than a date are deleted (privacy). */
export interface QuestionLogRetention {
  /** Deletes events recorded before `before`; resolves to the number deleted. */
  deleteOlderThan(before: Date): Promise<number>;
}

/**
 * Everything the app persists, opened once in the composition root. `botState` is a botbuilder
 * `Storage` so the bot's turn state (e.g. a half-finished escalation draft) survives a restart.
 */
export interface Store {
  readonly questionLog: QuestionLog & QuestionLogRetention;
  readonly tickets: TicketStore;
  readonly jobs: JobStore;
  readonly botState: Storage;
  /** Closes the underlying database; the store must not be used afterwards. */
  close(): Promise<void>;
}
