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
    `UPDATE jobs SET state = 'done', lease_until = NULL, updated_at = ? WHERE id = ?`,
  );
  const reschedule = db.prepare<[number, string, number, string]>(
    `UPDATE jobs SET state = 'pending', lease_until = NULL, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`,
  );
  const fail = db.prepare<[string, number, string]>(
    `UPDATE jobs SET state = 'failed', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?`,
  );
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
    reschedule: async (id, nextAttemptAt, error, now) => {
      reschedule.run(nextAttemptAt.getTime(), truncateJobError(error), now.getTime(), id);
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
  };
}

function fromRow(row: JobRow): Job {
  return jobFromRow(SQLITE_CODEC, row);
}
