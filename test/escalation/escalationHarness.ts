import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createEscalation, type Escalation, type EscalationDeps } from '../../src/escalation';
import type { EscalationDraft } from '../../src/escalation/service';
import { openSqliteStore, type SqliteStore } from '../../src/storage/sqlite';
import type { Connector } from '../helpers/connector';
import { recordingLogger } from './recordingLogger';

export const CHANNEL_ID = '19:laki@thread.tacv2';
export const TENANT_ID = 'tenant-nrw';
export const LEA = { id: '29:lea', name: 'Lea LaKI' };

/** What {@link createTestEscalation} needs besides the stores and a logger. */
export type TestEscalationOptions = Pick<EscalationDeps, 'tickets' | 'jobs' | 'logger'> &
  Partial<Omit<EscalationDeps, 'mail'>> & {
    /** The test's Bot Framework connector; the LaKI channel ({@link CHANNEL_ID} in {@link TENANT_ID}) lives behind it. */
    readonly connector: Connector;
    /** The test SMTP server; absent: no e-mail. */
    readonly smtpUrl?: string;
  };

/**
 * The escalation back end in local mode (no bot credentials), delivering to the test's connector
 * and, given `smtpUrl`, mailing from the bot to the LaKI inbox; any other dependency as passed.
 */
export function createTestEscalation(options: TestEscalationOptions): Escalation {
  const { connector, smtpUrl, ...deps } = options;
  return createEscalation({
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    botAppId: '',
    channel: { serviceUrl: connector.url, channelId: CHANNEL_ID, tenantId: TENANT_ID },
    ...(smtpUrl ? { mail: { smtpUrl, from: 'LaKI-Assistent <bot@laki.example>', to: 'inbox@laki.example' } } : {}),
    ...deps,
  });
}

/** A running escalation back end on a real SQLite file, talking to the test's connector and SMTP server. */
export interface Harness {
  readonly store: SqliteStore;
  readonly escalation: Escalation;
  readonly logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

export function startHarness(options: { file: string; connector: Connector; smtpUrl?: string; clock?: () => Date }): Harness {
  const store = openSqliteStore({ file: options.file });
  const logger = recordingLogger();
  const escalation = createTestEscalation({
    tickets: store.tickets,
    jobs: store.jobs,
    connector: options.connector,
    smtpUrl: options.smtpUrl,
    logger,
    clock: options.clock,
    outbox: { pollIntervalMs: 50 },
  });
  return {
    store,
    escalation,
    logger,
    async close() {
      await escalation.close();
      await store.close();
    },
  };
}

/** The asker's draft as the bot would build it from the confirmation submit. */
export function askerDraft(connector: Connector, overrides: Partial<EscalationDraft> = {}): EscalationDraft {
  return {
    question: 'Wie hoch ist die Landesförderung für unser KI 2026?',
    kommune: 'Kreis Soest',
    askerName: 'Erika Muster',
    askerUserId: '29:erika',
    conversationReference: {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: 'a:erika-personal', isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: '28:laki-bot', name: 'LaKI-Assistent' },
      user: { id: '29:erika', name: 'Erika Muster' },
    },
    idempotencyKey: 'activity-confirm-1',
    ...overrides,
  };
}

/** Activities the asker received in their personal chat. */
export function askerMessages(connector: Connector): any[] {
  return connector.requests
    .filter((r) => (r.operation === 'send' || r.operation === 'reply') && r.conversationId === 'a:erika-personal' && r.status < 300)
    .map((r) => r.body);
}

/** The text of an Adaptive Card attachment, for assertions on what a person reads. */
export function cardText(activity: any): string {
  return JSON.stringify(activity?.attachments?.[0]?.content ?? activity?.activity?.attachments?.[0]?.content ?? {});
}
