/**
 * Ticket rows and the ticket-building rules both stores share. Only the SQL and how a time is
 * stored differ between SQLite and PostgreSQL; the mapping here takes a {@link RowCodec} for that.
 */
import type { Actor, ChannelCard, Ticket } from '../../escalation';
import type { NewTicket } from '../types';
import { nullableText, type RowCodec } from './codec';

/** A row of the `tickets` table; `Time` is how the database stores a point in time. */
export interface TicketRow<Time> {
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
  answered_at: Time | null;
  best_guess_ids: string;
  idempotency_key: string;
  created_at: Time;
  updated_at: Time;
  version: number;
  channel_cards: string | null;
}

/** Every column of `tickets`, in table order. */
export const TICKET_COLUMNS: ReadonlyArray<keyof TicketRow<unknown>> = Object.freeze([
  'id', 'number', 'status', 'question', 'kommune', 'asker_name', 'asker_user_id', 'asker_aad_object_id',
  'asker_conversation_reference', 'channel_thread_id', 'channel_card_activity_id', 'mail_message_id', 'assignee',
  'answer', 'answered_by', 'answered_at', 'best_guess_ids', 'idempotency_key', 'created_at', 'updated_at', 'version',
  'channel_cards',
] as const);

/** Columns an update may change; id, number, idempotency key and creation time are fixed. */
export const MUTABLE_TICKET_COLUMNS: ReadonlyArray<keyof TicketRow<unknown>> = Object.freeze(
  TICKET_COLUMNS.filter((column) => !['id', 'number', 'idempotency_key', 'created_at'].includes(column)),
);

/** A freshly created, open ticket with version 1. */
export function newTicket<Time>(codec: RowCodec<Time>, input: NewTicket, id: string, number: string, now: Date): Ticket {
  return withoutUndefined({
    id,
    number,
    status: 'open',
    question: codec.text(input.question),
    kommune: input.kommune === undefined ? undefined : codec.text(input.kommune),
    askerName: codec.text(input.askerName),
    askerUserId: input.askerUserId,
    askerAadObjectId: input.askerAadObjectId,
    askerConversationReference: input.askerConversationReference,
    bestGuessIds: [...input.bestGuessIds],
    idempotencyKey: input.idempotencyKey,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}

/**
 * The ticket an update stores: the mutator's `changed` ticket with the fixed fields of `current`
 * kept, `updatedAt` set to `now` and the version bumped.
 */
export function nextTicketVersion(current: Ticket, changed: Ticket, now: Date): Ticket {
  return withoutUndefined({
    ...changed,
    id: current.id,
    number: current.number,
    idempotencyKey: current.idempotencyKey,
    createdAt: current.createdAt,
    updatedAt: now,
    version: current.version + 1,
  });
}

/** A ticket as a row; JSON values are stored as text. */
export function ticketToRow<Time>(codec: RowCodec<Time>, ticket: Ticket): TicketRow<Time> {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    question: codec.text(ticket.question),
    kommune: nullableText(codec, ticket.kommune),
    asker_name: codec.text(ticket.askerName),
    asker_user_id: ticket.askerUserId,
    asker_aad_object_id: ticket.askerAadObjectId ?? null,
    asker_conversation_reference: JSON.stringify(ticket.askerConversationReference),
    channel_thread_id: ticket.channelThreadId ?? null,
    channel_card_activity_id: ticket.channelCardActivityId ?? null,
    mail_message_id: ticket.mailMessageId ?? null,
    assignee: ticket.assignee ? JSON.stringify(ticket.assignee) : null,
    answer: nullableText(codec, ticket.answer),
    answered_by: ticket.answeredBy ? JSON.stringify(ticket.answeredBy) : null,
    answered_at: ticket.answeredAt === undefined ? null : codec.time(ticket.answeredAt),
    best_guess_ids: JSON.stringify(ticket.bestGuessIds),
    idempotency_key: ticket.idempotencyKey,
    created_at: codec.time(ticket.createdAt),
    updated_at: codec.time(ticket.updatedAt),
    version: ticket.version,
    channel_cards: ticket.channelCards ? JSON.stringify(ticket.channelCards) : null,
  };
}

/** A row as a ticket, without the keys of empty columns. */
export function ticketFromRow<Time>(codec: RowCodec<Time>, row: TicketRow<Time>): Ticket {
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
    answeredAt: row.answered_at === null ? undefined : codec.date(row.answered_at),
    bestGuessIds: JSON.parse(row.best_guess_ids) as string[],
    idempotencyKey: row.idempotency_key,
    createdAt: codec.date(row.created_at),
    updatedAt: codec.date(row.updated_at),
    version: row.version,
    channelCards: row.channel_cards ? (JSON.parse(row.channel_cards) as ChannelCard[]) : undefined,
  });
}

/** Drops keys whose value is undefined so stored and fresh tickets compare equal in tests. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
