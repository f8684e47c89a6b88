/**
 * The whole bot with escalation, wired like src/index.ts: real knowledge base, teams-ai
 * Application with a local-mode adapter, restify server, SQLite file, escalation back end with
 * its outbox worker and the escalation extension. Teams is the test's local connector (for the
 * asker's chat and the LaKI channel alike); e-mail goes to a real SMTP server when given.
 * Activities are posted over HTTP to `/api/messages`, exactly as Teams would.
 */
import { mkdirSync } from 'node:fs';
import { createAdapter, createApp } from '../../src/bot';
import {
  createEscalation,
  createEscalationExtension,
  escalationHealth,
  type Escalation,
} from '../../src/escalation';
import { createKnowledgeHolder } from '../../src/knowledge';
import { createServer, type HttpServer } from '../../src/server';
import { openStore } from '../../src/storage';
import type { SqliteStore } from '../../src/storage/sqlite';
import { captureLogger } from '../helpers/capturedLogger';
import type { Connector } from '../helpers/connector';
import { knowledgeFor } from '../helpers/server';
import { postTurn } from '../helpers/service';
import { CHANNEL_ID, TENANT_ID } from './escalationHarness';

export { CHANNEL_ID, TENANT_ID };

export const ASKER = { id: '29:erika', name: 'Erika Muster', aadObjectId: 'aad-erika' };
export const ASKER_CONVERSATION = 'a:erika-personal';
export const LAKI_MEMBER = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'aad-lea' };
export const BOT = { id: '28:laki-bot', name: 'LaKI-Assistent' };

export interface BotHarness {
  readonly url: string;
  readonly server: HttpServer;
  readonly store: SqliteStore;
  readonly escalation: Escalation;
  logLines(): Array<Record<string, unknown>>;
  /** Posts an activity to `/api/messages`; resolves with the HTTP status once the turn ran. */
  post(activity: Record<string, unknown>): Promise<number>;
  /** The detailed health report (admin port `GET /healthz`). */
  health(): Promise<any>;
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  /** Folder for the SQLite file; the same folder after a restart keeps tickets and turn state. */
  readonly dataDir: string;
  readonly connector?: Connector;
  readonly smtpUrl?: string;
  readonly limitPerHour?: number;
  /** The LaKI channel; default: {@link CHANNEL_ID} in {@link TENANT_ID} behind the test's connector. */
  readonly channel?: { readonly serviceUrl: string; readonly channelId: string; readonly tenantId: string };
}

/** Starts the bot on 127.0.0.1:0 with a fast-polling outbox. */
export async function startBot(options: BotHarnessOptions): Promise<BotHarness> {
  const { logger, logLines } = captureLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const store = openStore({ dataDir: options.dataDir, logger });
  const knowledge = createKnowledgeHolder(await knowledgeFor());
  const adapter = createAdapter({});
  const channel = options.channel ?? { serviceUrl: options.connector!.url, channelId: CHANNEL_ID, tenantId: TENANT_ID };
  const escalation = createEscalation({
    tickets: store.tickets,
    jobs: store.jobs,
    adapter,
    botAppId: '',
    channel,
    ...(options.smtpUrl ? { mail: { smtpUrl: options.smtpUrl, from: 'LaKI-Assistent <bot@laki.example>', to: 'inbox@laki.example' } } : {}),
    knowledge,
    logger,
    settings: { rateLimit: { max: options.limitPerHour ?? 10, windowMs: 60 * 60 * 1000 } },
    outbox: { pollIntervalMs: 50, backoff: { baseMs: 100, maxMs: 1000 } },
  });
  const app = createApp({
    knowledge,
    questionLog: store.questionLog,
    storage: store.botState,
    logger,
    adapter,
    extensions: [createEscalationExtension({ service: escalation.service, lakiChannel: channel, logger })],
  });
  const server = createServer({
    adapter,
    app,
    knowledge,
    logger,
    health: { escalation: escalationHealth(escalation, { channel: true, email: Boolean(options.smtpUrl) }) },
  });
  const { url } = await server.listen(0, '127.0.0.1');
  await escalation.worker.start();

  return {
    url,
    server,
    store,
    escalation,
    logLines,
    post: (activity) => postTurn(url, activity),
    async health() {
      // The detailed report the admin port serves; the public /healthz shows statuses only.
      return (await server.health()).body;
    },
    async close() {
      await escalation.close();
      await server.close();
      await store.close();
    },
  };
}

let counter = 0;
const nextId = () => `incoming-${++counter}`;

/** A message or card submit in the asker's personal chat. */
export function personal(connector: Connector, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: ASKER,
    recipient: BOT,
    conversation: { id: ASKER_CONVERSATION, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...fields,
  };
}

/** A card submit on the ticket card in a LaKI channel thread, as Teams sends it. */
export function fromLakiChannel(
  connector: Connector,
  threadId: string,
  cardActivityId: string,
  value: Record<string, unknown>,
  overrides: { channelId?: string; tenantId?: string } = {},
): Record<string, unknown> {
  const channelId = overrides.channelId ?? CHANNEL_ID;
  const tenantId = overrides.tenantId ?? TENANT_ID;
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: LAKI_MEMBER,
    recipient: BOT,
    conversation: { id: threadId, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { channel: { id: channelId }, team: { id: channelId }, tenant: { id: tenantId } },
    replyToId: cardActivityId,
    value,
  };
}

/** Activities the bot sent into `conversationId` (replies and proactive messages), in order. */
export function sentTo(connector: Connector, conversationId: string): any[] {
  return connector.requests
    .filter((r) => (r.operation === 'send' || r.operation === 'reply') && r.conversationId === conversationId && r.status < 300)
    .map((r) => r.body);
}

/** The first Adaptive Card of an activity. */
export function cardOf(activity: any): any {
  return activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Everything a person reads in an activity (text and card), as one string for assertions. */
export function textOf(activity: any): string {
  return `${activity?.text ?? ''}\n${JSON.stringify(cardOf(activity) ?? {})}`;
}
