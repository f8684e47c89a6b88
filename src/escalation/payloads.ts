/**
 * Types of the data the escalation cards submit, checked on receipt (STYLE rule 4). A forged or
 * outdated card can send anything; the bot parses with these and answers a bad one clearly.
 */
import { z } from 'zod/v4';
import type { TicketAction } from './ticket';
import { ANSWER_INPUT_ID, DraftInput, EscalationVerb, TicketVerb } from './verbs';

const ticketNumber = z.string().regex(/^LAKI-\d{4}-\d{4,}$/);

const simpleAction = <V extends string>(verb: V) => z.object({ verb: z.literal(verb), ticketNumber });

export const takePayloadSchema = simpleAction(TicketVerb.Take);
export const closePayloadSchema = simpleAction(TicketVerb.Close);
export const reopenPayloadSchema = simpleAction(TicketVerb.Reopen);
/**
 * The answer may arrive empty (the field is optional in some clients) or too long (not every
 * client enforces `maxLength`); the service checks it against `MAX_ANSWER_LENGTH` (ticket.ts) and the
 * bot says what is wrong. The request body limit bounds it here.
 */
export const answerPayloadSchema = z.object({
  verb: z.literal(TicketVerb.Answer),
  ticketNumber,
  [ANSWER_INPUT_ID]: z.string().optional(),
});
export const ticketFeedbackPayloadSchema = z.object({
  verb: z.literal(TicketVerb.Feedback),
  ticketNumber,
  helpful: z.boolean(),
});

/** "An die LaKI weiterleiten": the question to prefill the draft card with. */
export const escalationStartPayloadSchema = z.object({
  verb: z.literal(EscalationVerb.Start),
  question: z.string().max(4000).optional(),
});
/**
 * "Absenden" on the draft card. `draftId` is generated when the card is rendered and is the
 * ticket's idempotency key: pressing twice or a resent activity yields the same ticket. Text
 * lengths are not checked here (the request body limit bounds them): the escalation service
 * checks the exact limits, so the asker learns which field is too long instead of reading that
 * the button could not be processed.
 */
export const escalationSubmitPayloadSchema = z.object({
  verb: z.literal(EscalationVerb.Submit),
  draftId: z.string().min(1).max(100),
  [DraftInput.Question]: z.string().optional(),
  [DraftInput.Kommune]: z.string().optional(),
});
export const escalationCancelPayloadSchema = z.object({
  verb: z.literal(EscalationVerb.Cancel),
  draftId: z.string().min(1).max(100),
});

export type EscalationStartPayload = z.infer<typeof escalationStartPayloadSchema>;
export type EscalationSubmitPayload = z.infer<typeof escalationSubmitPayloadSchema>;
export type EscalationCancelPayload = z.infer<typeof escalationCancelPayloadSchema>;
export type TakePayload = z.infer<typeof takePayloadSchema>;
export type AnswerPayload = z.infer<typeof answerPayloadSchema>;
export type ClosePayload = z.infer<typeof closePayloadSchema>;
export type ReopenPayload = z.infer<typeof reopenPayloadSchema>;
export type TicketFeedbackPayload = z.infer<typeof ticketFeedbackPayloadSchema>;

/** A ticket-card submit, ready for the escalation service. */
export interface TicketActionRequest {
  readonly action: TicketAction;
  readonly ticketNumber: string;
  readonly answer?: string;
}

const ticketActionSchema = z.discriminatedUnion('verb', [takePayloadSchema, answerPayloadSchema, closePayloadSchema, reopenPayloadSchema]);

const ACTION_BY_VERB: Record<string, TicketAction> = {
  [TicketVerb.Take]: 'take',
  [TicketVerb.Answer]: 'answer',
  [TicketVerb.Close]: 'close',
  [TicketVerb.Reopen]: 'reopen',
};

/** Parses the `value` of a ticket-card submit; `undefined` when it is not a valid one. */
export function parseTicketAction(value: unknown): TicketActionRequest | undefined {
  const parsed = ticketActionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  return {
    action: ACTION_BY_VERB[data.verb],
    ticketNumber: data.ticketNumber,
    ...(data.verb === TicketVerb.Answer ? { answer: data[ANSWER_INPUT_ID] ?? '' } : {}),
  };
}
