/**
 * The delivery job model of the outbox: every message that leaves the bot because of a ticket
 * is first stored as a job, then delivered (at least once) by the outbox worker.
 */

/** What a job delivers. Each kind has one handler in the outbox worker. */
export type JobKind = TicketJobKind | 'report-post';

/** Kinds that deliver something about one ticket; their jobs always carry `ticketId`. */
export type TicketJobKind = 'channel-post' | 'card-update' | 'email' | 'asker-message';

/** `running` jobs hold a lease; a lease that runs out (killed process) makes them due again. */
export type JobState = 'pending' | 'running' | 'done' | 'failed';

/** Every state a job can be in, e.g. to report a state without jobs as 0. */
export const JOB_STATES: readonly JobState[] = Object.freeze(['pending', 'running', 'done', 'failed']);

/** Payload of a `report-post` job: the end of the reported period, so every attempt shows the same week. */
export interface ReportPostPayload {
  /** ISO timestamp; the report covers the seven calendar days before it. */
  readonly until: string;
}

/** What the asker is told about their ticket. */
export type AskerNotice = 'taken' | 'answered' | 'closed';

/** Payload of an `asker-message` job. The answer is copied so a later edit cannot change it. */
export interface AskerMessagePayload {
  readonly notice: AskerNotice;
  readonly answer?: string;
  readonly answeredBy?: string;
}

export interface Job {
  readonly id: string;
  readonly kind: JobKind;
  /** The ticket the job is about; absent for jobs about no ticket (the weekly report post). */
  readonly ticketId?: string;
  /** JSON-serialisable data the handler needs beyond the ticket itself. */
  readonly payload: Record<string, unknown>;
  /** Unique across all jobs: enqueuing the same key twice stores one job. */
  readonly dedupeKey: string;
  readonly state: JobState;
  /** Attempts started so far (incremented when a worker claims the job). */
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError?: string;
  /**
   * Set just before a handler hands the message to Teams or the mail server, cleared when the
   * outcome is known. Still set when the job is claimed again: the process died while sending,
   * so nobody knows whether the message arrived (see `docs/deploy.md`, "Crashes while sending").
   */
  readonly sendStartedAt?: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A job to enqueue; the store fills in id, state, attempts and times. */
export interface NewJob {
  readonly kind: JobKind;
  readonly ticketId?: string;
  readonly payload?: Record<string, unknown>;
  readonly dedupeKey: string;
  /** Defaults to now. */
  readonly nextAttemptAt?: Date;
}

/**
 * Dedupe keys. They encode what must happen only once: one channel post and one e-mail per
 * ticket, one "taken" notice per ticket, one delivery per distinct answer text, one card update
 * per ticket version.
 */
export const DedupeKey = Object.freeze({
  channelPost: (ticketId: string) => `ticket:${ticketId}:channel-post`,
  email: (ticketId: string) => `ticket:${ticketId}:email`,
  cardUpdate: (ticketId: string, version: number) => `ticket:${ticketId}:card-update:v${version}`,
  askerTaken: (ticketId: string) => `ticket:${ticketId}:asker:taken`,
  askerAnswer: (ticketId: string, answerHash: string) => `ticket:${ticketId}:asker:answer:${answerHash}`,
  askerClosed: (ticketId: string, version: number) => `ticket:${ticketId}:asker:closed:v${version}`,
  /** One weekly report per ISO week (`2026-W49`), however many instances or restarts enqueue it. */
  weeklyReport: (isoWeek: string) => `report:weekly:${isoWeek}`,
});
