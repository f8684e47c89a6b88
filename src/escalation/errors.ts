/**
 * Error types and developer-facing error messages of the escalation back end (STYLE rule 9).
 * What users read lives in `./messages.ts`; the bot maps these errors' `code` to those texts.
 */
import type { TicketAction, TicketStatus } from './ticket';

/** Developer-facing messages; tests assert them. */
export const EscalationErrorMessage = Object.freeze({
  ticketNotFound: (number: string) => `Ticket ${number} does not exist`,
  transition: (number: string, action: TicketAction, status: TicketStatus) =>
    `Ticket ${number}: cannot ${action} a ticket that is ${status}`,
  emptyAnswer: (number: string) => `Ticket ${number}: the answer is empty`,
  answerTooLong: (number: string) => `Ticket ${number}: the answer is too long`,
  invalidDraft: (field: string, reason: string) => `Invalid escalation draft: ${field} ${reason}`,
  noHandler: (kind: string) => `No delivery handler for job kind "${kind}"`,
});

/** Why a transition was refused: the state machine, or the answer text itself. */
export type TransitionRefusal = 'invalid-state' | 'empty-answer' | 'answer-too-long';

/** An action that the ticket's current status does not allow (e.g. answering a closed ticket). */
export class TicketTransitionError extends Error {
  override readonly name = 'TicketTransitionError';
  constructor(
    readonly ticketNumber: string,
    readonly action: TicketAction,
    readonly status: TicketStatus,
    readonly code: TransitionRefusal = 'invalid-state',
  ) {
    super(
      code === 'empty-answer'
        ? EscalationErrorMessage.emptyAnswer(ticketNumber)
        : code === 'answer-too-long'
          ? EscalationErrorMessage.answerTooLong(ticketNumber)
          : EscalationErrorMessage.transition(ticketNumber, action, status),
    );
  }
}

export class TicketNotFoundError extends Error {
  override readonly name = 'TicketNotFoundError';
  constructor(readonly ticketNumber: string) {
    super(EscalationErrorMessage.ticketNotFound(ticketNumber));
  }
}

/** A draft that cannot become a ticket (empty question, overlong field …). */
export class InvalidDraftError extends Error {
  override readonly name = 'InvalidDraftError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(EscalationErrorMessage.invalidDraft(field, reason));
  }
}

/**
 * Thrown by a delivery handler when the attempt may succeed later (429, 503, connection
 * refused). `retryAfterMs` carries the server's Retry-After; the outbox waits at least that long.
 */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
  /**
   * True when the message may have arrived although the attempt failed (the connection broke
   * without an answer, the handler timed out): the next attempt is then a repeat.
   */
  readonly outcomeUnknown: boolean;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown; outcomeUnknown?: boolean },
  ) {
    super(message, options);
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}

/** Thrown by a delivery handler when retrying cannot help (e.g. 400, 403): the job fails at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Parses an HTTP Retry-After value (seconds or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` for a missing or unreadable value.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
