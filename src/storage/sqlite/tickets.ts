/** SQLite implementation of {@link TicketStore}. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor, Ticket } from '../../escalation/ticket';
import { formatTicketNumber, ticketYear } from '../../escalation/ticket';
import type { NewJob } from '../../escalation/job';
import type { AnsweredTicketReader, CreatedTicket, NewTicket, TicketMutator, TicketStore } from '../types';
import { insertJobs } from './jobs';

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
  answered_at: number | null;
  best_guess_ids: string;
  idempotency_key: string;
  created_at: number;
  updated_at: number;
  version: number;
}

const COLUMNS = `id, number, status, question, kommune, asker_name, asker_user_id, asker_aad_object_id,
  asker_conversation_reference, channel_thread_id, channel_card_activity_id, mail_message_id, assignee,
  answer, answered_by, answered_at, best_guess_ids, idempotency_key, created_at, updated_at, version`;
const PARAMS = `@id, @number, @status, @question, @kommune, @asker_name, @asker_user_id, @asker_aad_object_id,
  @asker_conversation_reference, @channel_thread_id, @channel_card_activity_id, @mail_message_id, @assignee,
  @answer, @answered_by, @answered_at, @best_guess_ids, @idempotency_key, @created_at, @updated_at, @version`;

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
  const replace = db.prepare(`UPDATE tickets SET ${COLUMNS.split(',')
    .map((column) => column.trim())
    .filter((column) => !['id', 'number', 'created_at', 'idempotency_key'].includes(column))
    .map((column) => `${column} = @${column}`)
    .join(', ')} WHERE id = @id`);
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
    const ticket: Ticket = withoutUndefined({
      id: randomUUID(),
      number: formatTicketNumber(year, sequence),
      status: 'open',
      question: input.question,
      kommune: input.kommune,
      askerName: input.askerName,
      askerUserId: input.askerUserId,
      askerAadObjectId: input.askerAadObjectId,
      askerConversationReference: input.askerConversationReference,
      bestGuessIds: [...input.bestGuessIds],
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
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
    const next: Ticket = withoutUndefined({
      ...change.ticket,
      id: current.id,
      number: current.number,
      idempotencyKey: current.idempotencyKey,
      createdAt: current.createdAt,
      updatedAt: now,
      version: current.version + 1,
    });
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

function mapOptional(row: TicketRow | undefined): Ticket | undefined {
  return row ? fromRow(row) : undefined;
}

function toRow(ticket: Ticket): TicketRow {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    question: ticket.question,
    kommune: ticket.kommune ?? null,
    asker_name: ticket.askerName,
    asker_user_id: ticket.askerUserId,
    asker_aad_object_id: ticket.askerAadObjectId ?? null,
    asker_conversation_reference: JSON.stringify(ticket.askerConversationReference),
    channel_thread_id: ticket.channelThreadId ?? null,
    channel_card_activity_id: ticket.channelCardActivityId ?? null,
    mail_message_id: ticket.mailMessageId ?? null,
    assignee: ticket.assignee ? JSON.stringify(ticket.assignee) : null,
    answer: ticket.answer ?? null,
    answered_by: ticket.answeredBy ? JSON.stringify(ticket.answeredBy) : null,
    answered_at: ticket.answeredAt?.getTime() ?? null,
    best_guess_ids: JSON.stringify(ticket.bestGuessIds),
    idempotency_key: ticket.idempotencyKey,
    created_at: ticket.createdAt.getTime(),
    updated_at: ticket.updatedAt.getTime(),
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
    answeredAt: row.answered_at === null ? undefined : new Date(row.answered_at),
    bestGuessIds: JSON.parse(row.best_guess_ids) as string[],
    idempotencyKey: row.idempotency_key,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  });
}

/** Drops keys whose value is undefined so stored and fresh tickets compare equal in tests. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
