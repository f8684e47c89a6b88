/** SQLite implementation of {@link TicketStore}. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type Ticket, formatTicketNumber, ticketYear, type NewJob } from '../../escalation';
import {
  MUTABLE_TICKET_COLUMNS,
  newTicket,
  nextTicketVersion,
  TICKET_COLUMNS,
  ticketFromRow,
  ticketToRow,
  type TicketRow as SharedTicketRow,
} from '../shared/tickets';
import type { AnsweredTicketReader, OpenTicketReader, CreatedTicket, NewTicket, TicketMutator, TicketStore } from '../types';
import { SQLITE_CODEC } from './codec';
import { insertJobs } from './jobs';

type TicketRow = SharedTicketRow<number>;

const COLUMNS = TICKET_COLUMNS.join(', ');
const PARAMS = TICKET_COLUMNS.map((column) => `@${column}`).join(', ');

/** Creates the ticket store on an open, migrated database. */
export function createSqliteTicketStore(db: Database.Database): TicketStore {
  const byId = db.prepare<[string], TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE id = ?`);
  const byNumber = db.prepare<[string], TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE number = ?`);
  const byKey = db.prepare<[string], TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE idempotency_key = ?`);
  const nextSequence = db.prepare<[number], { last_sequence: number }>(
    `INSERT INTO ticket_counters (year, last_sequence) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence`,
  );
  const insert = db.prepare(`INSERT INTO tickets (${COLUMNS}) VALUES (${PARAMS})`);
  const replace = db.prepare(
    `UPDATE tickets SET ${MUTABLE_TICKET_COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`,
  );
  const byAsker = db.prepare<[string, number], TicketRow>(
    `SELECT ${COLUMNS} FROM tickets WHERE asker_user_id = ? ORDER BY created_at DESC, number DESC LIMIT ?`,
  );
  const countSince = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM tickets WHERE asker_user_id = ? AND created_at >= ?',
  );
  const deleteClosed = db.prepare<[number]>(`DELETE FROM tickets WHERE status = 'closed' AND updated_at < ?`);

  const create = db.transaction((input: NewTicket, jobsFor: (ticket: Ticket) => readonly NewJob[], now: Date): CreatedTicket => {
    const existing = byKey.get(input.idempotencyKey);
    if (existing) return { ticket: fromRow(existing), created: false };
    const year = ticketYear(now);
    const sequence = nextSequence.get(year)!.last_sequence;
    const ticket = newTicket(SQLITE_CODEC, input, randomUUID(), formatTicketNumber(year, sequence), now);
    insert.run(toRow(ticket));
    insertJobs(db, jobsFor(ticket), now);
    return { ticket, created: true };
  });

  const update = db.transaction((id: string, mutate: TicketMutator, now: Date): Ticket | undefined => {
    const row = byId.get(id);
    if (!row) return undefined;
    const current = fromRow(row);
    const change = mutate(current);
    if (!change) return current;
    const next = nextTicketVersion(current, change.ticket, now);
    replace.run(toRow(next));
    insertJobs(db, change.jobs ?? [], now);
    return next;
  });

  return {
    // IMMEDIATE takes the write lock before reading, so two processes cannot allocate the same
    // sequence number or both miss an existing idempotency key.
    create: async (input, jobsFor, now) => create.immediate(input, jobsFor, now),
    get: async (id) => mapOptional(byId.get(id)),
    getByNumber: async (number) => mapOptional(byNumber.get(number)),
    getByIdempotencyKey: async (key) => mapOptional(byKey.get(key)),
    update: async (id, mutate, now) => update.immediate(id, mutate, now),
    listByAsker: async (askerUserId, limit) => byAsker.all(askerUserId, limit).map(fromRow),
    countByAskerSince: async (askerUserId, since) => countSince.get(askerUserId, since.getTime())!.n,
    deleteClosedBefore: async (before) => deleteClosed.run(before.getTime()).changes,
  };
}

/** Answered tickets for the editors' report and drafts (read-only, no asker data needed there). */
export function createSqliteAnsweredTicketReader(db: Database.Database): AnsweredTicketReader {
  const answered = db.prepare<[], TicketRow>(
    `SELECT ${COLUMNS} FROM tickets WHERE answer IS NOT NULL AND status IN ('answered', 'closed')
     ORDER BY answered_at DESC, number DESC`,
  );
  return { listAnswered: async () => answered.all().map(fromRow) };
}

/** Counts the tickets still waiting for the LaKI (weekly report). */
export function createSqliteOpenTicketReader(db: Database.Database): OpenTicketReader {
  const open = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM tickets WHERE status IN ('open', 'assigned')`);
  return { countOpen: async () => open.get()!.n };
}

function mapOptional(row: TicketRow | undefined): Ticket | undefined {
  return row ? fromRow(row) : undefined;
}

function toRow(ticket: Ticket): TicketRow {
  return ticketToRow(SQLITE_CODEC, ticket);
}

function fromRow(row: TicketRow): Ticket {
  return ticketFromRow(SQLITE_CODEC, row);
}
