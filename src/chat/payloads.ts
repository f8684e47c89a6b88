/**
 * Types of the data each card button submits, checked on receipt.
 *
 * Teams returns an `Action.Submit`'s `data` unchanged, but a forged or outdated card can send
 * anything; every route parses its payload with these schemas and answers an invalid one with
 * a clear message instead of failing.
 */
import { z } from 'zod/v4';
import { MAX_QUESTION_LENGTH } from '../config';
import type { Logger } from '../logger';
import { Verb } from './verbs';

const entryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);
const question = z.string().trim().min(1).max(MAX_QUESTION_LENGTH);

/**
 * Where a "show entry" click came from: a "Meinten Sie …" choice, a related-entry button under an
 * answer, or a nearby topic under "no answer".
 */
export const showEntryOrigins = ['suggestion', 'related', 'nearby'] as const;

export const askPayloadSchema = z.object({
  verb: z.literal(Verb.Ask),
  question,
});

export const showEntryPayloadSchema = z.object({
  verb: z.literal(Verb.ShowEntry),
  entryId,
  origin: z.enum(showEntryOrigins),
  /** The question the card answered, kept so the question log can link choice and question. */
  question: question.optional(),
});

export const feedbackPayloadSchema = z.object({
  verb: z.literal(Verb.Feedback),
  entryId,
  helpful: z.boolean(),
  question: question.optional(),
});

export const noneFitsPayloadSchema = z.object({
  verb: z.literal(Verb.NoneFits),
  question,
});

export type AskPayload = z.infer<typeof askPayloadSchema>;
export type ShowEntryPayload = z.infer<typeof showEntryPayloadSchema>;
export type FeedbackPayload = z.infer<typeof feedbackPayloadSchema>;
export type NoneFitsPayload = z.infer<typeof noneFitsPayloadSchema>;

/** Longest verb written to a log line. */
const MAX_LOGGED_VERB_LENGTH = 50;

/**
 * The `verb` of a submitted card value, safe for a log line: a forged card may send any JSON
 * (a long string, an object holding user text), so only a short string, or the value's type,
 * is logged.
 */
export function verbForLog(value: unknown): string {
  const verb = typeof value === 'object' && value !== null ? (value as { verb?: unknown }).verb : undefined;
  return typeof verb === 'string' ? verb.slice(0, MAX_LOGGED_VERB_LENGTH) : typeof verb;
}

/** What {@link parseSubmit} needs of a turn: a way to reply (botbuilder's `TurnContext` fits). */
export interface ReplyContext {
  sendActivity(text: string): Promise<unknown>;
}

/**
 * Parses a submitted card payload with `schema`. An invalid one is answered with `reply` and
 * logged with its verb and the failing fields only (never the user's text); returns `undefined`.
 */
export async function parseSubmit<T extends z.ZodType>(
  context: ReplyContext,
  schema: T,
  data: unknown,
  options: { readonly logger: Logger; readonly reply: string },
): Promise<z.infer<T> | undefined> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  options.logger.warn(
    {
      verb: verbForLog(data),
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })),
    },
    'invalid card payload',
  );
  await context.sendActivity(options.reply);
  return undefined;
}
