/**
 * `POST /api/messages`: the Bot Framework endpoint Teams (or the Agents Playground, or a test's
 * connector) posts activities to. The body is checked here so that bad input is a 4xx with a
 * JSON reason; botbuilder itself would throw on an activity without `type`.
 */
import type { Request, Response } from 'restify';
import type { TurnContext } from 'botbuilder';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import type { RouteHandler } from '../respond';

/** The part of botbuilder's `CloudAdapter` the server needs. */
export interface MessageAdapter {
  process(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** The part of a teams-ai `Application` the server needs. */
export interface TurnRunner {
  run(context: TurnContext): Promise<boolean>;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Fields the Bot Framework protocol requires on every activity a channel sends. Without them
 * the adapter cannot address a reply, and botbuilder fails deep inside the turn instead.
 */
const REQUIRED_FIELDS = ['serviceUrl', 'channelId', 'conversation.id', 'from.id', 'recipient.id'] as const;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined),
    record,
  );
}

/**
 * Rejects anything but a JSON body before it is read; runs before the body parser so a large
 * non-JSON upload is refused without buffering it.
 */
export function requireJsonBody(req: Request): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (!JSON_TYPE.test(type)) {
    throw new ApiError(415, ErrorCode.UnsupportedMediaType, ErrorMessage.unsupportedMediaType);
  }
}

/** Builds the handler that hands a checked activity to the adapter and the app. */
export function messagesRoute(adapter: MessageAdapter, app: TurnRunner): RouteHandler {
  return async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiError(400, ErrorCode.InvalidActivity, ErrorMessage.activityNotObject);
    }
    const activity = body as Record<string, unknown>;
    if (!isText(activity.type)) throw new ApiError(400, ErrorCode.InvalidActivity, ErrorMessage.activityWithoutType);
    const missing = REQUIRED_FIELDS.filter((path) => !isText(valueAt(activity, path)));
    if (missing.length > 0) {
      throw new ApiError(400, ErrorCode.InvalidActivity, ErrorMessage.activityMissingFields(missing));
    }
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  };
}
