/**
 * The whole bot with escalation from the service factory, as src/index.ts builds it: real
 * knowledge base, teams-ai Application with a local-mode adapter, restify server, SQLite file,
 * escalation back end with its outbox worker and the escalation extension. Teams is the test's local connector (for the
 * asker's chat and the LaKI channel alike); e-mail goes to a real SMTP server when given.
 * Activities are posted over HTTP to `/api/messages`, exactly as Teams would.
 */
import { mkdirSync } from 'node:fs';
import type { Escalation } from '../../src/escalation';
import type { HttpServer } from '../../src/server';
import { createService } from '../../src/service';
import { openStore } from '../../src/storage';
import type { SqliteStore } from '../../src/storage/sqlite';
import { captureLogger } from '../helpers/capturedLogger';
import { startConnector, type Connector } from '../helpers/connector';
import { knowledgeFor, testConfig } from '../helpers/server';
import { postTurn } from '../helpers/service';
import { tmpDir } from '../storage/tmpStore';
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

/**
 * A bot with a data folder and a connector of its own for each test of the calling `describe`:
 * started before each test, closed (and its folder removed) after it. Read `bot` and `connector`
 * inside the tests: they are new for each.
 */
export function botPerTest(): { readonly bot: BotHarness; readonly connector: Connector } {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let bot: BotHarness;
  beforeEach(async () => {
    dir = tmpDir();
    connector = await startConnector();
    bot = await startBot({ dataDir: dir.dir, connector });
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
    dir.cleanup();
  });
  return {
    get bot() {
      return bot;
    },
    get connector() {
      return connector;
    },
  };
}

/** Starts the bot on 127.0.0.1:0 with a fast-polling outbox. */
export async function startBot(options: BotHarnessOptions): Promise<BotHarness> {
  const { logger, logLines } = captureLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const store = openStore({ dataDir: options.dataDir, logger });
  const channel = options.channel ?? { serviceUrl: options.connector!.url, channelId: CHANNEL_ID, tenantId: TENANT_ID };
  // The channel is set on the configuration directly: through the environment it would also
  // restrict the whole bot to its tenant (TEAMS_TENANT_ID), which these tests do not want.
  const config = testConfig({ DATA_DIR: options.dataDir });
  const service = await createService(
    {
      ...config,
      escalation: {
        channel,
        ...(options.smtpUrl ? { mail: { smtpUrl: options.smtpUrl, from: 'LaKI-Assistent <bot@laki.example>', to: 'inbox@laki.example' } } : {}),
        limitPerHour: options.limitPerHour ?? 10,
        ticketRetentionDays: 180,
      },
    },
    {
      logger,
      store,
      // The editors' real knowledge on purpose: answers, no-answer cards and the best guesses on
      // ticket cards are asserted with real entries.
      knowledge: await knowledgeFor(),
      outbox: { pollIntervalMs: 50, backoff: { baseMs: 100, maxMs: 1000 } },
      search: false,
    },
  );
  const { url, server } = service;
  const escalation = service.escalation!;

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
    close: () => service.close(),
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
