/**
 * `POST /api/messages`: the Bot Framework endpoint Teams (or the Agents Playground, or a test's
 * connector) posts activities to. The body is checked here so that bad input is a 4xx with a
 * JSON reason; botbuilder itself would throw on an activity without `type`.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request } from 'restify';
import { ActivityTypes, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from '../../logger';
import { withLogContext } from '../../logger';
import type { Metrics } from '../../metrics';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import { ServerMessages } from '../messages';
import type { RouteHandler } from '../respond';

/**
 * The part of botbuilder's `CloudAdapter` the server needs: it validates the `Authorization`
 * header (when credentials are configured), then runs `logic` with a turn context whose replies
 * go to the activity's `serviceUrl` with the bot's own token.
 */
export interface MessageAdapter {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
}

/** Options of {@link messagesRoute}. */
export interface MessagesRouteOptions {
  readonly logger: Logger;
  /** Only activities from this Microsoft 365 tenant are processed; `undefined` allows any. */
  readonly teamsTenantId?: string;
  readonly metrics?: Pick<Metrics, 'turnSeconds' | 'refusedActivities'>;
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

/** The tenant ids an activity names (Teams sends both; either may be missing elsewhere). */
function tenantIdsOf(activity: Activity): string[] {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return [activity.conversation?.tenantId, channelData?.tenant?.id].filter(isText);
}

/** True when every tenant id the activity names is `tenantId`, and it names at least one. */
export function isFromTenant(activity: Activity, tenantId: string): boolean {
  const ids = tenantIdsOf(activity);
  return ids.length > 0 && ids.every((id) => id.toLowerCase() === tenantId.toLowerCase());
}

/** Errors botbuilder raises while checking a token (jsonwebtoken's for a bad signature). */
function isAuthenticationFailure(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return status === 401 || status === 403;
  const name = (error as { name?: unknown }).name;
  return name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError';
}

/**
 * Builds the handler that hands a checked activity to the adapter and the app.
 *
 * - A missing or invalid token (when credentials are configured) is a 401 with a JSON reason;
 *   no turn runs, nothing is stored, nothing is sent.
 * - With `teamsTenantId`, an authenticated activity from another tenant never reaches the app:
 *   a message gets one polite German reply, anything else a 403 with a JSON reason.
 * - Each turn runs with a `turnId` in every log line it writes.
 */
export function messagesRoute(adapter: MessageAdapter, app: TurnRunner, options: MessagesRouteOptions): RouteHandler {
  const { logger, teamsTenantId, metrics } = options;
  return async (req, res) => {
    const activity = checkedActivity(req);
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' ? header : '';
    const turnId = randomUUID();
    let admitted = false;
    let foreignTenant = false;
    const started = performance.now();

    let invokeResponse: InvokeResponse | undefined;
    try {
      invokeResponse = await withLogContext({ turnId }, () =>
        adapter.handleActivity(authHeader, activity, async (context) => {
          admitted = true;
          if (teamsTenantId && !isFromTenant(context.activity, teamsTenantId)) {
            foreignTenant = true;
            if (context.activity.type === ActivityTypes.Message) await context.sendActivity(ServerMessages.foreignTenant);
            return;
          }
          await app.run(context);
        }),
      );
    } catch (error) {
      if (admitted || !isAuthenticationFailure(error)) throw error;
      metrics?.refusedActivities.inc({ reason: 'unauthorized' });
      logger.warn(
        { turnId, reason: error instanceof Error ? error.message : String(error), hasToken: authHeader !== '', activityType: activity.type },
        'activity refused: authentication failed',
      );
      throw new ApiError(401, ErrorCode.Unauthorized, ErrorMessage.unauthorized);
    }

    if (foreignTenant) {
      metrics?.refusedActivities.inc({ reason: 'foreign_tenant' });
      logger.warn({ turnId, activityType: activity.type, tenantIds: tenantIdsOf(activity) }, 'activity refused: foreign tenant');
      if (activity.type !== ActivityTypes.Message) throw new ApiError(403, ErrorCode.ForeignTenant, ErrorMessage.foreignTenant);
    } else {
      metrics?.turnSeconds.observe({ activity_type: activity.type }, (performance.now() - started) / 1000);
    }
    const status = invokeResponse?.status ?? 200;
    if (invokeResponse?.body !== undefined) res.send(status, invokeResponse.body);
    else {
      res.status(status);
      res.end();
    }
  };
}

/** The request body as an activity with every field the protocol requires, or a 400. */
function checkedActivity(req: Request): Activity {
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
  return activity as unknown as Activity;
}
