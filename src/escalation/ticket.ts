/**
 * The ticket model: one question forwarded to LaKI, with every Teams and mail id needed later
 * (STYLE rule 6). Pure functions only; persistence lives in `src/storage`.
 */
import type { ConversationReference } from 'botbuilder';
import { TicketTransitionError } from './errors';

/** Where a ticket stands. Only {@link applyTicketAction} moves it between states. */
export type TicketStatus = 'open' | 'assigned' | 'answered' | 'closed';

/** A person acting on a ticket (a LaKI member in the channel). */
export interface Actor {
  /** Teams user id (`29:…`) or another stable id of the acting person. */
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

export interface Ticket {
  /** Opaque primary key (UUID); never shown to users. */
  readonly id: string;
  /** What users and LaKI see and quote: `LAKI-2026-0042`. Unique, allocated by the store. */
  readonly number: string;
  readonly status: TicketStatus;
  readonly question: string;
  /** Kommune or other context the asker added. */
  readonly kommune?: string;
  readonly askerName: string;
  /** The asker's Teams user id; the key for "Meine Fragen" and the rate limit. */
  readonly askerUserId: string;
  readonly askerAadObjectId?: string;
  /** Where proactive messages to the asker go; persisted, never kept in memory only. */
  readonly askerConversationReference: Partial<ConversationReference>;
  /** Conversation id of the thread in the LaKI channel, once posted. */
  readonly channelThreadId?: string;
  /** Activity id of the ticket card in that thread, needed to update it in place. */
  readonly channelCardActivityId?: string;
  /**
   * Every ticket card of this ticket in the LaKI channel, oldest first, including the current one
   * above. There are several only after a crash left a post's outcome unknown and the card was
   * sent again, or when an action came from a card whose post was never recorded; every card is
   * updated on each change, so none stays behind.
   */
  readonly channelCards?: readonly ChannelCard[];
  readonly mailMessageId?: string;
  readonly assignee?: Actor;
  readonly answer?: string;
  readonly answeredBy?: Actor;
  readonly answeredAt?: Date;
  /** Knowledge entry ids the bot considered closest, shown to LaKI as a starting point. */
  readonly bestGuessIds: readonly string[];
  /** Makes creation idempotent: the same key never creates a second ticket. */
  readonly idempotencyKey: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Incremented on every change; used in dedupe keys of jobs caused by a change. */
  readonly version: number;
}

/** One ticket card in the LaKI channel: its thread and activity id, needed to update it. */
export interface ChannelCard {
  readonly threadId: string;
  readonly activityId: string;
  /** Sent again after a restart, so the card says it is a repeat. */
  readonly repeat?: boolean;
}

/**
 * Every card of the ticket to update: {@link Ticket.channelCards}, or for a ticket stored before
 * that list existed, the one card recorded.
 */
export function channelCardsOf(ticket: Ticket): readonly ChannelCard[] {
  if (ticket.channelCards && ticket.channelCards.length > 0) return ticket.channelCards;
  return ticket.channelThreadId && ticket.channelCardActivityId
    ? [{ threadId: ticket.channelThreadId, activityId: ticket.channelCardActivityId }]
    : [];
}

/** The ticket with `card` added to its cards (unless known already). */
export function withChannelCard(ticket: Ticket, card: ChannelCard): Ticket {
  const cards = channelCardsOf(ticket);
  if (cards.some((known) => known.activityId === card.activityId && known.threadId === card.threadId)) return ticket;
  return { ...ticket, channelCards: [...cards, card] };
}

/** What a LaKI member can do with a ticket from the channel card. */
export type TicketAction = 'take' | 'answer' | 'close' | 'reopen';

/** Which states each action may start from; everything else is rejected. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketAction, readonly TicketStatus[]>> = Object.freeze({
  take: ['open', 'assigned'],
  answer: ['open', 'assigned'],
  close: ['open', 'assigned', 'answered'],
  reopen: ['answered', 'closed'],
});

/** Longest answer LaKI may send through the card (Teams messages are limited to ~28 KB). */
export const MAX_ANSWER_LENGTH = 8000;

/**
 * Applies one action to a ticket and returns the changed ticket, or `undefined` when the action
 * changes nothing (the same person taking a ticket twice, the same answer sent twice: a double
 * click, not an error).
 * Throws {@link TicketTransitionError} for a transition the state machine does not allow.
 */
export function applyTicketAction(
  ticket: Ticket,
  action: TicketAction,
  actor: Actor,
  now: Date,
  answer?: string,
): Ticket | undefined {
  // A double press of "Antwort senden" repeats the same answer: nothing to change, no error.
  if (action === 'answer' && ticket.status === 'answered' && answer?.trim() === ticket.answer) return undefined;
  if (!TICKET_TRANSITIONS[action].includes(ticket.status)) {
    throw new TicketTransitionError(ticket.number, action, ticket.status);
  }
  switch (action) {
    case 'take':
      if (ticket.status === 'assigned' && ticket.assignee?.id === actor.id) return undefined;
      return { ...ticket, status: 'assigned', assignee: actor, updatedAt: now };
    case 'answer': {
      const text = answer?.trim() ?? '';
      if (!text) throw new TicketTransitionError(ticket.number, action, ticket.status, 'empty-answer');
      if (text.length > MAX_ANSWER_LENGTH) {
        throw new TicketTransitionError(ticket.number, action, ticket.status, 'answer-too-long');
      }
      return {
        ...ticket,
        status: 'answered',
        assignee: ticket.assignee ?? actor,
        answer: text,
        answeredBy: actor,
        answeredAt: now,
        updatedAt: now,
      };
    }
    case 'close':
      return { ...ticket, status: 'closed', updatedAt: now };
    case 'reopen':
      return { ...ticket, status: 'open', updatedAt: now };
  }
}

const TICKET_NUMBER = /^LAKI-(\d{4})-(\d{4,})$/;

/** `LAKI-2026-0042`: the year and a per-year sequence, at least four digits. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `LAKI-${year}-${String(sequence).padStart(4, '0')}`;
}

/** True for a well-formed ticket number (case-insensitive input is normalised by callers). */
export function isTicketNumber(value: string): boolean {
  return TICKET_NUMBER.test(value);
}

/**
 * The calendar year a ticket number uses. Counted in German time so that a question sent at
 * 00:30 on 1 January is numbered in the new year, as LaKI would expect.
 */
export function ticketYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(now));
}
