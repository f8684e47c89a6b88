/**
 * "Bericht" through the Bot Framework protocol: activities posted to `/api/messages` of the real
 * server, replies delivered to the test's connector. Only the LaKI channel of the configured
 * tenant gets the report; everyone else a polite refusal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAdapter, createApp } from '../../../src/bot';
import { createWeeklyReport, createWeeklyReportExtension, WeeklyReportText } from '../../../src/editors/report';
import { createKnowledgeHolder } from '../../../src/knowledge';
import { createServer, type HttpServer } from '../../../src/server';
import { openConfiguredStore, type ConfiguredStore } from '../../../src/storage';
import { captureLogger } from '../../helpers/capturedLogger';
import { startConnector, type Connector } from '../../helpers/connector';
import { knowledgeFor } from '../../helpers/server';
import { postTurn } from '../../helpers/service';
import { BOT, CHANNEL_ID, LAKI_MEMBER, TENANT_ID } from '../../escalation/botHarness';

describe('"Bericht" in Teams', () => {
  let dir: string;
  let connector: Connector;
  let store: ConfiguredStore;
  let server: HttpServer;
  let url: string;
  let failNextReport = false;
  let counter = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laki-bericht-'));
    connector = await startConnector();
    store = await openConfiguredStore({ dataDir: dir });
    const { logger } = captureLogger();
    const knowledge = createKnowledgeHolder(await knowledgeFor());
    const report = createWeeklyReport({ readers: store.readers, knowledge });
    const adapter = createAdapter({});
    const app = createApp({
      knowledge,
      questionLog: store.questionLog,
      storage: store.botState,
      logger,
      adapter,
      extensions: [
        createWeeklyReportExtension({
          report: {
            ...report,
            card: async (until) => {
              if (failNextReport) throw new Error('database gone');
              return report.card(until);
            },
          },
          lakiChannel: { channelId: CHANNEL_ID, tenantId: TENANT_ID },
          logger,
        }),
      ],
    });
    server = createServer({ adapter, app, knowledge, logger });
    ({ url } = await server.listen(0, '127.0.0.1'));
    await store.questionLog.record({ kind: 'declined', question: 'Gibt es Parkplätze am Bahnhof?', outcome: 'none', score: 0.1 });
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => connector.reset());

  /** A message in a channel thread (or a personal chat), as Teams sends it after the @mention. */
  function message(text: string, where: { channelId?: string; tenantId?: string; personal?: boolean } = {}): Record<string, unknown> {
    const tenantId = where.tenantId ?? TENANT_ID;
    const channelId = where.channelId ?? CHANNEL_ID;
    const conversation = where.personal
      ? { id: 'a:lea-personal', conversationType: 'personal', tenantId }
      : { id: `${channelId};messageid=1700000000000`, conversationType: 'channel', isGroup: true, tenantId };
    return {
      type: 'message',
      id: `bericht-${++counter}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: LAKI_MEMBER,
      recipient: BOT,
      conversation,
      channelData: where.personal ? { tenant: { id: tenantId } } : { channel: { id: channelId }, team: { id: channelId }, tenant: { id: tenantId } },
      text: where.personal ? text : `<at>LaKI-Assistent</at> ${text}`,
      entities: where.personal ? [] : [{ type: 'mention', mentioned: BOT, text: '<at>LaKI-Assistent</at>' }],
    };
  }

  const replies = () => connector.activities();

  it('should answer "Bericht" in the LaKI channel with the report card of the last seven days', async () => {
    expect(await postTurn(url, message('Bericht'))).toBe(200);
    const [reply] = replies();
    const card = reply.attachments[0].content;
    expect(card.body[0].text).toBe(WeeklyReportText.title);
    expect(JSON.stringify(card)).toContain('Gibt es Parkplätze am Bahnhof?');
    expect(card.body.map((element: any) => element.type)).toEqual(expect.arrayContaining(['Chart.VerticalBar.Grouped', 'Chart.Donut']));
  });

  it.each([
    ['a personal chat', { personal: true }],
    ['another channel', { channelId: '19:other@thread.tacv2' }],
    ['the LaKI channel id in another tenant', { tenantId: 'tenant-elsewhere' }],
  ])('should refuse politely in %s', async (_where, where) => {
    expect(await postTurn(url, message('Bericht', where))).toBe(200);
    expect(replies().map((activity) => activity.text)).toEqual([WeeklyReportText.onlyInLakiChannel]);
  });

  it('should say so in German when the report cannot be made', async () => {
    failNextReport = true;
    try {
      await postTurn(url, message('bericht.'));
    } finally {
      failNextReport = false;
    }
    expect(replies().map((activity) => activity.text)).toEqual([WeeklyReportText.failed]);
  });

  it('should leave other messages to the question route', async () => {
    await postTurn(url, message('Bericht über die Integrationszentren', { personal: true }));
    expect(replies().map((activity) => activity.text)).not.toContain(WeeklyReportText.onlyInLakiChannel);
  });
});
