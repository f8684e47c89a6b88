/**
 * Every error the HTTP API answers with: stable machine codes and English messages for the
 * developers who call the API (end users never see these; the bot and the tab speak German).
 * Tests assert these constants, so a wording change is one edit here.
 */
import { MAX_QUESTION_LENGTH } from '../config';

/** Machine-readable error codes, stable across releases. */
export const ErrorCode = {
  MissingQuestion: 'missing_question',
  QuestionTooLong: 'question_too_long',
  InvalidQuestion: 'invalid_question',
  EntryNotFound: 'entry_not_found',
  RouteNotFound: 'route_not_found',
  MethodNotAllowed: 'method_not_allowed',
  InvalidJson: 'invalid_json',
  BodyTooLarge: 'body_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  InvalidActivity: 'invalid_activity',
  RequestTooLarge: 'request_too_large',
  BadRequest: 'bad_request',
  Unauthorized: 'unauthorized',
  ForeignTenant: 'foreign_tenant',
  RateLimited: 'rate_limited',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Largest accepted request body on `/api/messages`; Teams activities are a few KB. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Messages for each code; factories where the message names the offending input. */
export const ErrorMessage = {
  missingQuestion: 'Query parameter "q" is required and must not be empty.',
  invalidQuestion: 'Query parameter "q" must be one plain text value (given once, no brackets).',
  questionTooLong: (length: number) =>
    `Query parameter "q" is ${length} characters long; the limit is ${MAX_QUESTION_LENGTH}.`,
  entryNotFound: (id: string) => `No knowledge base entry with id "${truncate(id)}".`,
  routeNotFound: (method: string, path: string) => `No route for ${method} ${truncate(path)}.`,
  methodNotAllowed: (method: string, path: string) => `Method ${method} is not allowed on ${truncate(path)}.`,
  invalidJson: (detail: string) => `Request body is not valid JSON: ${truncate(detail)}`,
  bodyTooLarge: `Request body exceeds ${MAX_BODY_BYTES} bytes.`,
  unsupportedMediaType: 'Request body must be JSON (Content-Type: application/json).',
  activityNotObject: 'Request body must be a Bot Framework activity (a JSON object).',
  activityWithoutType: 'Activity has no "type".',
  activityMissingFields: (fields: readonly string[]) => `Activity is missing required fields: ${fields.join(', ')}.`,
  requestTooLarge: 'Request line or headers are too large.',
  badRequest: 'The request could not be understood.',
  unauthorized: 'A valid Bot Framework token is required (Authorization: Bearer …).',
  foreignTenant: 'This bot serves one Microsoft 365 tenant only; the activity was not processed.',
  rateLimited: (perMinute: number, retryAfterSeconds: number) =>
    `Too many requests: at most ${perMinute} per minute per client. Try again in ${retryAfterSeconds} s.`,
  internal: 'Internal error. The request was logged; please try again later.',
} as const;

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/** An error a handler throws to answer with a given status and JSON reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
