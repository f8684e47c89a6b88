/** Outbox job rows as both stores read them back, and the error-text limit they share. */
import type { Job, JobKind, JobState } from '../../escalation';
import type { RowCodec } from './codec';

/** A row of the `jobs` table; `Time` is how the database stores a point in time. */
export interface JobRow<Time> {
  id: string;
  kind: JobKind;
  ticket_id: string | null;
  payload: string;
  dedupe_key: string;
  state: JobState;
  attempts: number;
  next_attempt_at: Time;
  lease_until: Time | null;
  last_error: string | null;
  send_started_at: Time | null;
  created_at: Time;
  updated_at: Time;
}

/** Longest error text kept on a job; stack traces and response bodies can be huge. */
export const MAX_JOB_ERROR_LENGTH = 2000;

/** Cuts an error text to {@link MAX_JOB_ERROR_LENGTH} characters, marking the cut with `…`. */
export function truncateJobError(error: string): string {
  return error.length > MAX_JOB_ERROR_LENGTH ? `${error.slice(0, MAX_JOB_ERROR_LENGTH)}…` : error;
}

/** A row as a job; `lastError` only when one is stored. */
export function jobFromRow<Time>(codec: RowCodec<Time>, row: JobRow<Time>): Job {
  return {
    id: row.id,
    kind: row.kind,
    ...(row.ticket_id === null ? {} : { ticketId: row.ticket_id }),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    dedupeKey: row.dedupe_key,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: codec.date(row.next_attempt_at),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.send_started_at === null || row.send_started_at === undefined ? {} : { sendStartedAt: codec.date(row.send_started_at) }),
    createdAt: codec.date(row.created_at),
    updatedAt: codec.date(row.updated_at),
  };
}
