/**
 * PostgreSQL implementation of the outbox {@link JobStore}. Claiming uses
 * `SELECT … FOR UPDATE SKIP LOCKED` inside one `UPDATE`, so with several instances polling the
 * same table each due job is handed to exactly one of them, without blocking each other.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { JOB_STATES, type Job, type JobState, type NewJob } from '../../escalation';
import { jobFromRow, truncateJobError, type JobRow as SharedJobRow } from '../shared/jobs';
import type { JobCounts, JobStore } from '../types';
import { inTransaction, POSTGRES_CODEC, storableText, type Queryable } from './transaction';

/** The PostgreSQL row also has `seq`, the insertion order (bigint, as a string). */
interface JobRow extends SharedJobRow<Date> {
  seq: string;
}

/**
 * Inserts jobs, skipping those whose dedupe key exists (also when another instance inserts the
 * same key concurrently). Exported for the ticket store, which calls it inside its transaction.
 */
export async function insertJobs(db: Queryable, jobs: readonly NewJob[], now: Date): Promise<number> {
  let inserted = 0;
  for (const job of jobs) {
    const result = await db.query(
      `INSERT INTO jobs (id, kind, ticket_id, payload, dedupe_key, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
      [randomUUID(), job.kind, job.ticketId ?? null, JSON.stringify(job.payload ?? {}), job.dedupeKey, job.nextAttemptAt ?? now, now],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** Creates the job store on a migrated database. */
export function createPostgresJobStore(pool: Pool): JobStore {
  return {
    // One transaction per batch: all new keys are stored or none.
    enqueue: (jobs, now) => inTransaction(pool, (client) => insertJobs(client, jobs, now)),

    async claimDue(now, limit, leaseMs) {
      const { rows } = await pool.query<JobRow>(
        `WITH due AS (
           SELECT id FROM jobs
           WHERE (state = 'pending' AND next_attempt_at <= $1) OR (state = 'running' AND lease_until <= $1)
           ORDER BY next_attempt_at, created_at, seq
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, lease_until = $3, updated_at = $1
         FROM due WHERE jobs.id = due.id
         RETURNING jobs.*`,
        [now, limit, new Date(now.getTime() + leaseMs)],
      );
      // RETURNING does not keep the CTE's order: restore the due order.
      return rows.sort(dueOrder).map(fromRow);
    },

    async complete(id, now) {
      await pool.query(`UPDATE jobs SET state = 'done', lease_until = NULL, send_started_at = NULL, updated_at = $1 WHERE id = $2`, [now, id]);
    },

    async markSending(id, now) {
      await pool.query('UPDATE jobs SET send_started_at = $1, updated_at = $1 WHERE id = $2', [now, id]);
    },

    async reschedule(id, nextAttemptAt, error, now, outcomeUnknown = false) {
      await pool.query(
        `UPDATE jobs SET state = 'pending', lease_until = NULL, next_attempt_at = $1, last_error = $2,
           send_started_at = CASE WHEN $5 THEN send_started_at ELSE NULL END, updated_at = $3 WHERE id = $4`,
        [nextAttemptAt, truncate(error), now, id, outcomeUnknown],
      );
    },

    async fail(id, error, now) {
      await pool.query(`UPDATE jobs SET state = 'failed', lease_until = NULL, send_started_at = NULL, last_error = $1, updated_at = $2 WHERE id = $3`, [
        truncate(error),
        now,
        id,
      ]);
    },

    /**
     * Does nothing and resolves to 0. With several instances on one database a starting
     * instance cannot tell a job a killed process left running from one another live instance
     * is delivering right now; requeueing it would deliver twice. Lease expiry alone brings the
     * killed process's jobs back (see `JobStore.requeueRunning`).
     */
    async requeueRunning() {
      return 0;
    },

    async get(id) {
      const { rows } = await pool.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
      return rows[0] ? fromRow(rows[0]) : undefined;
    },

    async listByTicket(ticketId) {
      const { rows } = await pool.query<JobRow>('SELECT * FROM jobs WHERE ticket_id = $1 ORDER BY created_at, seq', [ticketId]);
      return rows.map(fromRow);
    },

    async countByState(): Promise<JobCounts> {
      const { rows } = await pool.query<{ state: JobState; n: number }>('SELECT state, COUNT(*)::int AS n FROM jobs GROUP BY state');
      const result = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      for (const row of rows) result[row.state] = row.n;
      return result;
    },

    async deleteDoneBefore(before) {
      const result = await pool.query(`DELETE FROM jobs WHERE state = 'done' AND updated_at < $1`, [before]);
      return result.rowCount ?? 0;
    },

    async list({ states, limit }) {
      const { rows } = states
        ? await pool.query<JobRow>('SELECT * FROM jobs WHERE state = ANY($1::text[]) ORDER BY updated_at DESC, seq DESC LIMIT $2', [
            [...states],
            limit,
          ])
        : await pool.query<JobRow>('SELECT * FROM jobs ORDER BY updated_at DESC, seq DESC LIMIT $1', [limit]);
      return rows.map(fromRow);
    },

    async retryFailed(id, now) {
      const result = await pool.query(`${RETRY} WHERE id = $2 AND state = 'failed'`, [now, id]);
      return (result.rowCount ?? 0) > 0;
    },

    async retryAllFailed(now) {
      const result = await pool.query(`${RETRY} WHERE state = 'failed'`, [now]);
      return result.rowCount ?? 0;
    },

    async discardFailed(id) {
      const result = await pool.query(`DELETE FROM jobs WHERE id = $1 AND state = 'failed'`, [id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

/** An operator's retry: pending, due now, attempts and send marker reset. */
const RETRY = `UPDATE jobs SET state = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL, send_started_at = NULL,
  updated_at = $1`;

function dueOrder(a: JobRow, b: JobRow): number {
  return (
    a.next_attempt_at.getTime() - b.next_attempt_at.getTime() ||
    a.created_at.getTime() - b.created_at.getTime() ||
    Number(BigInt(a.seq) - BigInt(b.seq))
  );
}

function truncate(error: string): string {
  return truncateJobError(storableText(error));
}

function fromRow(row: JobRow): Job {
  return jobFromRow(POSTGRES_CODEC, row);
}
