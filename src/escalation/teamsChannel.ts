/**
 * Delivery to Teams through botbuilder: a new thread with the ticket card in the LaKI channel,
 * in-place updates of that card, and proactive messages to the asker. Connector failures are
 * mapped to the outbox's error types (429/5xx/network → retry, honouring Retry-After).
 */
import type { Activity, Attachment, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
// Type only: botbuilder's own connector client (a dependency of botbuilder, not installed separately).
import type { ConnectorClient } from 'botframework-connector';
import { parseRetryAfter, PermanentDeliveryError, RetryableError } from './errors';

/** Where the LaKI channel lives (`LAKI_TEAMS_*`, `TEAMS_TENANT_ID`). */
export interface TeamsChannelSettings {
  /** Teams' service URL for the tenant's region, e.g. `https://smba.trafficmanager.net/emea/`. */
  readonly serviceUrl: string;
  /** The channel's conversation id, `19:…@thread.tacv2`. */
  readonly channelId: string;
  readonly tenantId: string;
}

/** The part of botbuilder's `CloudAdapter` delivery needs (the bot's adapter, with its credentials). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface TeamsDelivery {
  /** Starts a new thread with `card`; resolves to the thread's conversation id and the card's activity id. */
  postToChannel(card: Attachment): Promise<{ threadId: string; activityId: string }>;
  /** Replaces the card in place. */
  updateCard(threadId: string, activityId: string, card: Attachment): Promise<void>;
  /** Sends `card` to the asker's chat; resolves to the new activity id. */
  sendToAsker(reference: Partial<ConversationReference>, card: Attachment): Promise<string | undefined>;
}

export interface TeamsDeliveryDeps {
  readonly adapter: ProactiveAdapter;
  /** The bot's app id; `''` in local mode (botbuilder refuses `undefined`). */
  readonly botAppId: string;
  /** Absent when no LaKI channel is configured: then only `sendToAsker` works. */
  readonly channel?: TeamsChannelSettings;
}

/** Developer-facing message when channel delivery is asked for without a configured channel. */
export const NO_CHANNEL_CONFIGURED = 'No LaKI Teams channel is configured';

/** Creates the Teams delivery functions on the bot's adapter. */
export function createTeamsDelivery(deps: TeamsDeliveryDeps): TeamsDelivery {
  const { adapter, botAppId } = deps;

  function channelSettings(): TeamsChannelSettings {
    if (!deps.channel) throw new PermanentDeliveryError(NO_CHANNEL_CONFIGURED);
    return deps.channel;
  }

  /**
   * Runs `logic` in a proactive turn and returns its result. Errors are caught inside the turn
   * and rethrown here, so an adapter `onTurnError` handler cannot swallow a failed delivery.
   */
  async function inConversation<T>(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    try {
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        withoutSdkRetries(context);
        try {
          outcome = { ok: true, value: await logic(context) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      });
    } catch (error) {
      throw toDeliveryError(error);
    }
    if (!outcome) throw new RetryableError('Teams: the proactive turn did not run');
    if (!outcome.ok) throw toDeliveryError(outcome.error);
    return outcome.value;
  }

  function channelReference(conversationId: string, channel: TeamsChannelSettings): Partial<ConversationReference> {
    return {
      serviceUrl: channel.serviceUrl,
      channelId: 'msteams',
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: channel.tenantId, name: '' },
    };
  }

  return {
    async postToChannel(card) {
      const channel = channelSettings();
      const parameters = {
        isGroup: true,
        tenantId: channel.tenantId,
        channelData: { channel: { id: channel.channelId }, tenant: { id: channel.tenantId } },
        activity: { type: 'message', attachments: [card] },
      } as unknown as ConversationParameters;
      const created = await inConversation(channelReference(channel.channelId, channel), (context) =>
        connectorOf(context).conversations.createConversation(parameters),
      );
      const threadId = created.id;
      const activityId = created.activityId ?? /;messageid=(\d+)$/.exec(threadId ?? '')?.[1];
      if (!threadId || !activityId) throw new PermanentDeliveryError('Teams: the channel post returned no thread or activity id');
      return { threadId, activityId };
    },
    async updateCard(threadId, activityId, card) {
      const channel = channelSettings();
      await inConversation(channelReference(threadId, channel), async (context) => {
        await context.updateActivity({ type: 'message', id: activityId, attachments: [card] } as Partial<Activity>);
      });
    },
    async sendToAsker(reference, card) {
      const response = await inConversation(reference, (context) => context.sendActivity({ type: 'message', attachments: [card] }));
      return response?.id;
    },
  };
}

function connectorOf(context: TurnContext): ConnectorClient {
  return context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
}

/**
 * botbuilder's HTTP pipeline retries 429/5xx itself, waiting inside the call (up to three times,
 * Retry-After included). That would block the outbox worker and hide failures from it, so the
 * retry phase is removed from this turn's connector client: the outbox is the one retry layer,
 * persistent and visible. When botbuilder's internals differ, the SDK retries stay (still correct).
 */
function withoutSdkRetries(context: TurnContext): void {
  const client = connectorOf(context) as unknown as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } };
  client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

/** Statuses worth another try later; other 4xx mean the request itself is wrong. */
const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 409, 412, 429, 500, 502, 503, 504]);

/**
 * Failures that leave it open whether Teams got the request: the connection broke or timed out
 * after it was sent, or a gateway timed out waiting for Teams. The message may exist, so the next
 * attempt is marked as a repeat (and an asker message is not sent again automatically).
 */
const OUTCOME_UNKNOWN_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const OUTCOME_UNKNOWN_STATUS: ReadonlySet<number> = new Set([504]);

/** Maps a connector or network error to {@link RetryableError} or {@link PermanentDeliveryError}. */
export function toDeliveryError(error: unknown): Error {
  if (error instanceof RetryableError || error instanceof PermanentDeliveryError) return error;
  const rest = error as { statusCode?: number; code?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = rest?.statusCode;
  const message = `Teams: ${status ? `HTTP ${status} ` : ''}${error instanceof Error ? error.message : String(error)}`;
  if (typeof status === 'number' && status >= 400 && !RETRYABLE_STATUS.has(status) && !OUTCOME_UNKNOWN_STATUS.has(status)) {
    return new PermanentDeliveryError(message, { cause: error });
  }
  const retryAfter = parseRetryAfter(rest?.response?.headers?.get?.('retry-after'));
  const outcomeUnknown =
    typeof status === 'number' ? OUTCOME_UNKNOWN_STATUS.has(status) : typeof rest?.code === 'string' && OUTCOME_UNKNOWN_CODES.has(rest.code);
  return new RetryableError(message, retryAfter, { cause: error, outcomeUnknown });
}
