/** SQLite implementation of the outbox {@link JobStore}. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { JOB_STATES, type Job, type JobState, type NewJob } from '../../escalation';
import { jobFromRow, truncateJobError, type JobRow as SharedJobRow } from '../shared/jobs';
import type { JobCounts, JobStore } from '../types';
import { SQLITE_CODEC } from './codec';

type JobRow = SharedJobRow<number>;

/**
 * Inserts jobs, skipping those whose dedupe key exists. Exported for the ticket store, which
 * calls it inside its own transaction (ticket and jobs are written together).
 */
export function insertJobs(db: Database.Database, jobs: readonly NewJob[], now: Date): number {
  const insert = db.prepare(
    `INSERT INTO jobs (id, kind, ticket_id, payload, dedupe_key, state, attempts, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  let inserted = 0;
  for (const job of jobs) {
    const due = (job.nextAttemptAt ?? now).getTime();
    inserted += insert.run(randomUUID(), job.kind, job.ticketId ?? null, JSON.stringify(job.payload ?? {}), job.dedupeKey, due, now.getTime(), now.getTime()).changes;
  }
  return inserted;
}

/** Creates the job store on an open, migrated database. */
export function createSqliteJobStore(db: Database.Database): JobStore {
  const due = db.prepare<[number, number, number], JobRow>(
    `SELECT * FROM jobs
     WHERE (state = 'pending' AND next_attempt_at <= ?) OR (state = 'running' AND lease_until <= ?)
     ORDER BY next_attempt_at, created_at LIMIT ?`,
  );
  const markRunning = db.prepare<[number, number, string]>(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id = ?`,
  );
  const byId = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?');
  const byTicket = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE ticket_id = ? ORDER BY created_at, rowid');
  const complete = db.prepare<[number, string]>(
    `UPDATE jobs SET state = 'done', lease_until = NULL, send_started_at = NULL, updated_at = ? WHERE id = ?`,
  );
  const markSending = db.prepare<[number, number, string]>(`UPDATE jobs SET send_started_at = ?, updated_at = ? WHERE id = ?`);
  const reschedule = db.prepare<[number, string, number, number, string]>(
    `UPDATE jobs SET state = 'pending', lease_until = NULL, next_attempt_at = ?, last_error = ?,
       send_started_at = CASE WHEN ? = 1 THEN send_started_at ELSE NULL END, updated_at = ? WHERE id = ?`,
  );
  const fail = db.prepare<[string, number, string]>(
    `UPDATE jobs SET state = 'failed', lease_until = NULL, send_started_at = NULL, last_error = ?, updated_at = ? WHERE id = ?`,
  );
  const listAll = db.prepare<[number], JobRow>('SELECT * FROM jobs ORDER BY updated_at DESC, rowid DESC LIMIT ?');
  const listIn = db.prepare<[string, number], JobRow>(
    'SELECT * FROM jobs WHERE state IN (SELECT value FROM json_each(?)) ORDER BY updated_at DESC, rowid DESC LIMIT ?',
  );
  const retryFailed = db.prepare<[number, number, string]>(
    `UPDATE jobs SET state = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL, send_started_at = NULL, updated_at = ?
     WHERE id = ? AND state = 'failed'`,
  );
  const retryAll = db.prepare<[number, number]>(
    `UPDATE jobs SET state = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL, send_started_at = NULL, updated_at = ?
     WHERE state = 'failed'`,
  );
  const discard = db.prepare<[string]>(`DELETE FROM jobs WHERE id = ? AND state = 'failed'`);
  const requeue = db.prepare<[number, number]>(
    `UPDATE jobs SET state = 'pending', lease_until = NULL, next_attempt_at = MIN(next_attempt_at, ?), updated_at = ?
     WHERE state = 'running'`,
  );
  const counts = db.prepare<[], { state: JobState; n: number }>('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state');
  const deleteDone = db.prepare<[number]>(`DELETE FROM jobs WHERE state = 'done' AND updated_at < ?`);

  const claim = db.transaction((now: Date, limit: number, leaseMs: number): Job[] => {
    const rows = due.all(now.getTime(), now.getTime(), limit);
    const leaseUntil = now.getTime() + leaseMs;
    for (const row of rows) markRunning.run(leaseUntil, now.getTime(), row.id);
    return rows.map((row) => fromRow({ ...row, state: 'running', attempts: row.attempts + 1, lease_until: leaseUntil, updated_at: now.getTime() }));
  });
  const enqueue = db.transaction((jobs: readonly NewJob[], now: Date) => insertJobs(db, jobs, now));

  return {
    enqueue: async (jobs, now) => enqueue.immediate(jobs, now),
    claimDue: async (now, limit, leaseMs) => claim.immediate(now, limit, leaseMs),
    complete: async (id, now) => {
      complete.run(now.getTime(), id);
    },
    markSending: async (id, now) => {
      markSending.run(now.getTime(), now.getTime(), id);
    },
    reschedule: async (id, nextAttemptAt, error, now, outcomeUnknown = false) => {
      reschedule.run(nextAttemptAt.getTime(), truncateJobError(error), outcomeUnknown ? 1 : 0, now.getTime(), id);
    },
    fail: async (id, error, now) => {
      fail.run(truncateJobError(error), now.getTime(), id);
    },
    requeueRunning: async (now) => requeue.run(now.getTime(), now.getTime()).changes,
    get: async (id) => {
      const row = byId.get(id);
      return row ? fromRow(row) : undefined;
    },
    listByTicket: async (ticketId) => byTicket.all(ticketId).map(fromRow),
    countByState: async (): Promise<JobCounts> => {
      const result = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      for (const row of counts.all()) result[row.state] = row.n;
      return result;
    },
    deleteDoneBefore: async (before) => deleteDone.run(before.getTime()).changes,
    list: async ({ states, limit }) =>
      (states ? listIn.all(JSON.stringify(states), limit) : listAll.all(limit)).map(fromRow),
    retryFailed: async (id, now) => retryFailed.run(now.getTime(), now.getTime(), id).changes > 0,
    retryAllFailed: async (now) => retryAll.run(now.getTime(), now.getTime()).changes,
    discardFailed: async (id) => discard.run(id).changes > 0,
  };
}

function fromRow(row: JobRow): Job {
  return jobFromRow(SQLITE_CODEC, row);
}
