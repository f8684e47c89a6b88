import type { Storage } from 'botbuilder';
import type { Job, JobState, NewJob } from '../escalation/job';
import type { Ticket } from '../escalation/ticket';
import type { Outcome } from '../knowledge/types';
import type { EditorStore } from './editorTypes';

export type * from './editorTypes';

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

/** What the bot knows when a user confirms "Absenden"; the store adds number, status and times. */
export interface NewTicket {
  readonly question: string;
  readonly kommune?: string;
  readonly askerName: string;
  readonly askerUserId: string;
  readonly askerAadObjectId?: string;
  readonly askerConversationReference: Ticket['askerConversationReference'];
  readonly bestGuessIds: readonly string[];
  readonly idempotencyKey: string;
}

/** Result of {@link TicketStore.create}: `created` is false when the idempotency key existed. */
export interface CreatedTicket {
  readonly ticket: Ticket;
  readonly created: boolean;
}

/**
 * A change to one ticket computed from its current state, with the jobs it causes. Returning
 * `undefined` from the mutator means "nothing changes" and enqueues nothing.
 */
export type TicketMutator = (current: Ticket) => { ticket: Ticket; jobs?: readonly NewJob[] } | undefined;

/**
 * Tickets. Every method is async so a PostgreSQL implementation can follow; each write is one
 * transaction that also stores the jobs it causes (the outbox pattern): nothing is delivered
 * for a change that was not stored, and nothing stored is left without its deliveries.
 */
export interface TicketStore {
  /**
   * Creates a ticket with a fresh number (year + per-year sequence, allocated in the same
   * transaction) and the jobs `jobsFor(ticket)` returns. When a ticket with the same
   * idempotency key exists, returns it unchanged and enqueues nothing.
   */
  create(input: NewTicket, jobsFor: (ticket: Ticket) => readonly NewJob[], now: Date): Promise<CreatedTicket>;
  get(id: string): Promise<Ticket | undefined>;
  getByNumber(number: string): Promise<Ticket | undefined>;
  getByIdempotencyKey(idempotencyKey: string): Promise<Ticket | undefined>;
  /**
   * Reads the ticket, applies `mutate` and stores the result plus its jobs in one transaction
   * (row-locked, so concurrent actions serialise). The store bumps `version` and keeps `id`,
   * `number`, `createdAt` as they were. Resolves to the stored ticket, or `undefined` when no
   * ticket has this id. Errors thrown by `mutate` roll back and propagate.
   */
  update(id: string, mutate: TicketMutator, now: Date): Promise<Ticket | undefined>;
  /** The asker's tickets, newest first. */
  listByAsker(askerUserId: string, limit: number): Promise<Ticket[]>;
  /** How many tickets the user created since `since` (rate limit). */
  countByAskerSince(askerUserId: string, since: Date): Promise<number>;
  /** Deletes closed tickets last changed before `before` (and their jobs); resolves to the count. */
  deleteClosedBefore(before: Date): Promise<number>;
}

/** Job counts by state, for /healthz and metrics. */
export type JobCounts = Readonly<Record<JobState, number>>;

/**
 * The persisted outbox. Claiming is atomic: a job is handed to exactly one worker, which holds
 * it for a lease; a job whose lease ran out (process killed) is due again.
 */
export interface JobStore {
  /** Stores jobs whose dedupe key is new; resolves to the number actually inserted. */
  enqueue(jobs: readonly NewJob[], now: Date): Promise<number>;
  /**
   * Marks up to `limit` due jobs as running with a lease until `now + leaseMs`, increments
   * their attempts and returns them. Due: pending with `nextAttemptAt <= now`, or running with
   * an expired lease.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<Job[]>;
  complete(id: string, now: Date): Promise<void>;
  /** Back to pending, to be tried again at `nextAttemptAt`. */
  reschedule(id: string, nextAttemptAt: Date, error: string, now: Date): Promise<void>;
  fail(id: string, error: string, now: Date): Promise<void>;
  /**
   * Puts every running job back to pending. Call once at start-up when this process is the only
   * one using the store (SQLite); with several instances rely on lease expiry instead.
   */
  requeueRunning(now: Date): Promise<number>;
  get(id: string): Promise<Job | undefined>;
  listByTicket(ticketId: string): Promise<Job[]>;
  countByState(): Promise<JobCounts>;
  /** Deletes done jobs last changed before `before`; resolves to the count. */
  deleteDoneBefore(before: Date): Promise<number>;
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
  /** Entry drafts and the knowledge revisions editors publish in Teams. */
  readonly editors: EditorStore;
  /** Closes the underlying database; the store must not be used afterwards. */
  close(): Promise<void>;
}
