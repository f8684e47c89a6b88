/**
 * The persistence the escalation needs, as interfaces it owns (ports): `storage/` implements
 * them for SQLite and PostgreSQL, so storage depends on the escalation's model and never the
 * other way round.
 */
import type { Job, JobState, NewJob } from './job';
import type { Ticket } from './ticket';

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
  /** Done; clears the send marker. */
  complete(id: string, now: Date): Promise<void>;
  /**
   * Records durably, before a message leaves, that this attempt is about to send it. A job
   * claimed with the marker still set was sending when its process died: outcome unknown.
   */
  markSending(id: string, now: Date): Promise<void>;
  /**
   * Back to pending, to be tried again at `nextAttemptAt`. Clears the send marker (the attempt
   * ended with a known failure) unless `outcomeUnknown` (e.g. a send that timed out).
   */
  reschedule(id: string, nextAttemptAt: Date, error: string, now: Date, outcomeUnknown?: boolean): Promise<void>;
  /** Failed for good (an operator may retry it with `npm run jobs`); clears the send marker. */
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
  /** Operators' view (`npm run jobs list`): jobs in `states` (all when absent), newest change first. */
  list(filter: JobListFilter): Promise<Job[]>;
  /**
   * An operator's retry: a failed job becomes pending and due at `now`, with its attempts and
   * send marker reset. Resolves to false when no failed job has this id (nothing changes).
   */
  retryFailed(id: string, now: Date): Promise<boolean>;
  /** {@link retryFailed} for every failed job; resolves to the number requeued. */
  retryAllFailed(now: Date): Promise<number>;
  /**
   * An operator gives up on a failed job: it is deleted (its ticket stays). Resolves to false
   * when no failed job has this id; pending, running and done jobs are never discarded.
   */
  discardFailed(id: string): Promise<boolean>;
}

/** Which jobs {@link JobStore.list} returns. */
export interface JobListFilter {
  readonly states?: readonly JobState[];
  readonly limit: number;
}
