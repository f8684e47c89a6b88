/**
 * PostgreSQL implementation of {@link TicketStore}. Ticket numbers come from a per-year counter
 * row bumped with `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the creating transaction:
 * the row lock serialises instances, and a rolled-back creation gives its number back.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { NewJob } from '../../escalation/job';
import { formatTicketNumber, ticketYear, type Actor, type Ticket } from '../../escalation/ticket';
import type { AnsweredTicketReader, CreatedTicket, NewTicket, TicketStore } from '../types';
import { insertJobs } from './jobs';
import { inTransaction, storableText, type Queryable } from './transaction';

interface TicketRow {
  id: string;
  number: string;
  status: Ticket['status'];
  question: string;
  kommune: string | null;
  asker_name: string;
  asker_user_id: string;
  asker_aad_object_id: string | null;
  asker_conversation_reference: string;
  channel_thread_id: string | null;
  channel_card_activity_id: string | null;
  mail_message_id: string | null;
  assignee: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  best_guess_ids: string;
  idempotency_key: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMN_LIST: ReadonlyArray<keyof TicketRow> = [
  'id', 'number', 'status', 'question', 'kommune', 'asker_name', 'asker_user_id', 'asker_aad_object_id',
  'asker_conversation_reference', 'channel_thread_id', 'channel_card_activity_id', 'mail_message_id', 'assignee',
  'answer', 'answered_by', 'answered_at', 'best_guess_ids', 'idempotency_key', 'created_at', 'updated_at', 'version',
];
const COLUMNS = COLUMN_LIST.join(', ');
/** Columns an update may change; id, number, idempotency key and creation time are fixed. */
const MUTABLE = COLUMN_LIST.filter((column) => !['id', 'number', 'idempotency_key', 'created_at'].includes(column));

const INSERT = `INSERT INTO tickets (${COLUMNS}) VALUES (${COLUMN_LIST.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (idempotency_key) DO NOTHING`;
const UPDATE = `UPDATE tickets SET ${MUTABLE.map((column, i) => `${column} = $${i + 2}`).join(', ')} WHERE id = $1`;
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
    const ticket: Ticket = withoutUndefined({
      id: randomUUID(),
      number: formatTicketNumber(year, rows[0].last_sequence),
      status: 'open',
      question: storableText(input.question),
      kommune: input.kommune === undefined ? undefined : storableText(input.kommune),
      askerName: storableText(input.askerName),
      askerUserId: input.askerUserId,
      askerAadObjectId: input.askerAadObjectId,
      askerConversationReference: input.askerConversationReference,
      bestGuessIds: [...input.bestGuessIds],
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const inserted = await client.query(INSERT, COLUMN_LIST.map((column) => toRow(ticket)[column]));
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
        const next: Ticket = withoutUndefined({
          ...change.ticket,
          id: current.id,
          number: current.number,
          idempotencyKey: current.idempotencyKey,
          createdAt: current.createdAt,
          updatedAt: now,
          version: current.version + 1,
        });
        const row = toRow(next);
        await client.query(UPDATE, [row.id, ...MUTABLE.map((column) => row[column])]);
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

function toRow(ticket: Ticket): TicketRow {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    question: storableText(ticket.question),
    kommune: storableText(ticket.kommune),
    asker_name: storableText(ticket.askerName),
    asker_user_id: ticket.askerUserId,
    asker_aad_object_id: ticket.askerAadObjectId ?? null,
    asker_conversation_reference: JSON.stringify(ticket.askerConversationReference),
    channel_thread_id: ticket.channelThreadId ?? null,
    channel_card_activity_id: ticket.channelCardActivityId ?? null,
    mail_message_id: ticket.mailMessageId ?? null,
    assignee: ticket.assignee ? JSON.stringify(ticket.assignee) : null,
    answer: storableText(ticket.answer),
    answered_by: ticket.answeredBy ? JSON.stringify(ticket.answeredBy) : null,
    answered_at: ticket.answeredAt ?? null,
    best_guess_ids: JSON.stringify(ticket.bestGuessIds),
    idempotency_key: ticket.idempotencyKey,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    version: ticket.version,
  };
}

function fromRow(row: TicketRow): Ticket {
  return withoutUndefined({
    id: row.id,
    number: row.number,
    status: row.status,
    question: row.question,
    kommune: row.kommune ?? undefined,
    askerName: row.asker_name,
    askerUserId: row.asker_user_id,
    askerAadObjectId: row.asker_aad_object_id ?? undefined,
    askerConversationReference: JSON.parse(row.asker_conversation_reference),
    channelThreadId: row.channel_thread_id ?? undefined,
    channelCardActivityId: row.channel_card_activity_id ?? undefined,
    mailMessageId: row.mail_message_id ?? undefined,
    assignee: row.assignee ? (JSON.parse(row.assignee) as Actor) : undefined,
    answer: row.answer ?? undefined,
    answeredBy: row.answered_by ? (JSON.parse(row.answered_by) as Actor) : undefined,
    answeredAt: row.answered_at ?? undefined,
    bestGuessIds: JSON.parse(row.best_guess_ids) as string[],
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  });
}

/** Drops keys whose value is undefined so stored and fresh tickets compare equal in tests. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
