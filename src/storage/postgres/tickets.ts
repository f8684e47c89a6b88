/**
 * PostgreSQL implementation of {@link TicketStore}. Ticket numbers come from a per-year counter
 * row bumped with `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the creating transaction:
 * the row lock serialises instances, and a rolled-back creation gives its number back.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { type NewJob, formatTicketNumber, ticketYear, type Ticket } from '../../escalation';
import {
  MUTABLE_TICKET_COLUMNS,
  newTicket,
  nextTicketVersion,
  TICKET_COLUMNS,
  ticketFromRow,
  ticketToRow,
  type TicketRow as SharedTicketRow,
} from '../shared/tickets';
import type { AnsweredTicketReader, CreatedTicket, OpenTicketReader, NewTicket, TicketStore } from '../types';
import { insertJobs } from './jobs';
import { inTransaction, POSTGRES_CODEC, type Queryable } from './transaction';

type TicketRow = SharedTicketRow<Date>;

const COLUMNS = TICKET_COLUMNS.join(', ');

const INSERT = `INSERT INTO tickets (${COLUMNS}) VALUES (${TICKET_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (idempotency_key) DO NOTHING`;
const UPDATE = `UPDATE tickets SET ${MUTABLE_TICKET_COLUMNS.map((column, i) => `${column} = $${i + 2}`).join(', ')} WHERE id = $1`;
const NEXT_SEQUENCE = `INSERT INTO ticket_counters (year, last_sequence) VALUES ($1, 1)
  ON CONFLICT (year) DO UPDATE SET last_sequence = ticket_counters.last_sequence + 1 RETURNING last_sequence`;

/** Signals inside the create transaction that another instance stored the key first. */
class KeyTaken extends Error {}

/** Creates the ticket store on a migrated database. */
export function createPostgresTicketStore(pool: Pool): TicketStore {
  const one = async (db: Queryable, where: string, value: unknown, lock = ''): Promise<Ticket | undefined> => {
    const { rows } = await db.query<TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE ${where} = $1${lock}`, [value]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  };
  const byKey = (db: Queryable, key: string) => one(db, 'idempotency_key', key);

  async function createIn(client: PoolClient, input: NewTicket, jobsFor: (ticket: Ticket) => readonly NewJob[], now: Date): Promise<CreatedTicket> {
    const existing = await byKey(client, input.idempotencyKey);
    if (existing) return { ticket: existing, created: false };
    const year = ticketYear(now);
    const { rows } = await client.query<{ last_sequence: number }>(NEXT_SEQUENCE, [year]);
    const ticket = newTicket(POSTGRES_CODEC, input, randomUUID(), formatTicketNumber(year, rows[0].last_sequence), now);
    const inserted = await client.query(INSERT, TICKET_COLUMNS.map((column) => toRow(ticket)[column]));
    // A concurrent transaction inserted this key and committed while we waited on the row: roll
    // back (which returns the sequence number) and answer with its ticket.
    if (inserted.rowCount === 0) throw new KeyTaken();
    await insertJobs(client, jobsFor(ticket), now);
    return { ticket, created: true };
  }

  return {
    async create(input, jobsFor, now) {
      try {
        return await inTransaction(pool, (client) => createIn(client, input, jobsFor, now));
      } catch (error) {
        if (!(error instanceof KeyTaken)) throw error;
        const existing = await byKey(pool, input.idempotencyKey);
        if (!existing) throw new Error(`Ticket with idempotency key ${input.idempotencyKey} vanished after a conflict`);
        return { ticket: existing, created: false };
      }
    },
    get: (id) => one(pool, 'id', id),
    getByNumber: (number) => one(pool, 'number', number),
    getByIdempotencyKey: (key) => byKey(pool, key),
    update: (id, mutate, now) =>
      inTransaction(pool, async (client) => {
        // FOR UPDATE: actions on the same ticket from any instance run one after another.
        const current = await one(client, 'id', id, ' FOR UPDATE');
        if (!current) return undefined;
        const change = mutate(current);
        if (!change) return current;
        const next = nextTicketVersion(current, change.ticket, now);
        const row = toRow(next);
        await client.query(UPDATE, [row.id, ...MUTABLE_TICKET_COLUMNS.map((column) => row[column])]);
        await insertJobs(client, change.jobs ?? [], now);
        return next;
      }),
    async listByAsker(askerUserId, limit) {
      const { rows } = await pool.query<TicketRow>(
        `SELECT ${COLUMNS} FROM tickets WHERE asker_user_id = $1 ORDER BY created_at DESC, number DESC LIMIT $2`,
        [askerUserId, limit],
      );
      return rows.map(fromRow);
    },
    async countByAskerSince(askerUserId, since) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT COUNT(*)::int AS n FROM tickets WHERE asker_user_id = $1 AND created_at >= $2',
        [askerUserId, since],
      );
      return rows[0].n;
    },
    async deleteClosedBefore(before) {
      const result = await pool.query(`DELETE FROM tickets WHERE status = 'closed' AND updated_at < $1`, [before]);
      return result.rowCount ?? 0;
    },
  };
}

/** Answered tickets for the editors' report and drafts (same results as the SQLite reader). */
export function createPostgresAnsweredTicketReader(pool: Pool): AnsweredTicketReader {
  return {
    async listAnswered() {
      const { rows } = await pool.query<TicketRow>(
        `SELECT ${COLUMNS} FROM tickets WHERE answer IS NOT NULL AND status IN ('answered', 'closed')
         ORDER BY answered_at DESC, number DESC`,
      );
      return rows.map(fromRow);
    },
  };
}

/** Counts the tickets still waiting for the LaKI (same result as the SQLite reader). */
export function createPostgresOpenTicketReader(pool: Pool): OpenTicketReader {
  return {
    async countOpen() {
      const { rows } = await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM tickets WHERE status IN ('open', 'assigned')`);
      return rows[0].n;
    },
  };
}

function toRow(ticket: Ticket): TicketRow {
  return ticketToRow(POSTGRES_CODEC, ticket);
}

function fromRow(row: TicketRow): Ticket {
  return ticketFromRow(POSTGRES_CODEC, row);
}
