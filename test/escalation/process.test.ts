/**
 * The composition root with escalation, as an operator runs it: src/index.ts in a child process
 * (ts-node), configured only through environment variables, talking to a local connector (Teams)
 * and a real SMTP server. Covers what only the real process shows: the worker starts after
 * listen, `/healthz` has the outbox section, an SMTP outage is bridged, and after `kill -9`
 * nothing stored is lost and nothing is delivered twice.
 */
import { join } from 'node:path';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { submitDataOf } from '../helpers/activities';
import { startConnector, type Connector } from '../helpers/connector';
import { postTurn, ROOT, spawnService } from '../helpers/service';
import { openStore } from '../../src/storage';
import { tmpDir } from '../storage/tmpStore';
import { ASKER, ASKER_CONVERSATION, cardOf, CHANNEL_ID, fromLakiChannel, personal, sentTo, TENANT_ID, textOf } from './botHarness';
import { freePort } from '../helpers/freePort';
import { startSmtpServer, type TestSmtpServer } from './smtpServer';
import { waitFor } from './waitFor';

jest.setTimeout(180_000);

const QUESTION = 'Wie hoch ist die Landesförderung für unser KI 2026?';
const ANSWER = 'Die Förderung richtet sich nach dem Teilhabe- und Integrationsgesetz.';

interface Bot {
  readonly url: string;
  post(activity: Record<string, unknown>): Promise<number>;
  health(): Promise<any>;
  killHard(): Promise<void>;
  stop(): Promise<void>;
}

async function startBot(env: Record<string, string>, cwd: string): Promise<Bot> {
  const service = spawnService({ env, cwd });
  const { url } = await service.listening(90_000);
  return {
    url,
    post: (activity) => postTurn(url, activity),
    async health() {
      return (await fetch(`${url}/healthz`)).json();
    },
    async killHard() {
      await service.stop('SIGKILL');
    },
    async stop() {
      await service.stop('SIGTERM');
    },
  };
}

/** SIGKILL at a moment when no delivery is running, i.e. every attempt so far has a recorded outcome. */
async function killBetweenAttempts(bot: Bot): Promise<void> {
  await waitFor(async () => (await bot.health()).escalation.jobs.running === 0, 30_000);
  await bot.killHard();
}

describe('escalation in the running service (src/index.ts)', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let smtp: TestSmtpServer | undefined;
  let bot: Bot | undefined;

  beforeEach(async () => {
    dir = tmpDir();
    connector = await startConnector();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await smtp?.close();
    smtp = undefined;
    await connector.close();
    dir.cleanup();
  });

  it('should bridge an SMTP outage and a kill -9 with every delivery made exactly once', async () => {
    const smtpPort = await freePort(); // nothing listens yet: the mail server is down
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir.dir, 'data'),
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      KNOWLEDGE_RELOAD: 'false',
      METRICS_ENABLED: 'false',
      LOG_LEVEL: 'info',
      LAKI_TEAMS_CHANNEL_ID: CHANNEL_ID,
      TEAMS_TENANT_ID: TENANT_ID,
      LAKI_TEAMS_SERVICE_URL: connector.url,
      LAKI_INBOX_EMAIL: 'inbox@laki.example',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'LaKI-Assistent <bot@laki.example>',
    };
    // Teams is unavailable too: the channel post keeps failing with 503.
    connector.failNext('create', ...Array.from({ length: 50 }, () => ({ status: 503 })));
    bot = await startBot(env, dir.dir);

    expect(await bot.post(personal(connector, { text: QUESTION }))).toBe(200);
    const start = submitDataOf(cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).find((d) => d.verb === EscalationVerb.Start)!;
    expect(await bot.post(personal(connector, { value: { verb: start.verb, question: start.question } }))).toBe(200);
    const submit = submitDataOf(cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).find((d) => d.verb === EscalationVerb.Submit)!;
    const absenden = { verb: submit.verb, draftId: submit.draftId, [DraftInput.Question]: QUESTION, [DraftInput.Kommune]: 'Kreis Soest' };
    expect(await bot.post(personal(connector, { value: absenden }))).toBe(200);
    const number = /LAKI-\d{4}-\d{4}/.exec(sentTo(connector, ASKER_CONVERSATION).at(-1).text)![0];
    expect(sentTo(connector, ASKER_CONVERSATION).at(-1).text).toBe(M.confirmation(number));

    // Both deliveries fail and wait for their next attempt; /healthz shows them.
    await connector.waitFor((r) => r.operation === 'create' && r.status === 503);
    const pending = await bot.health();
    expect(pending.escalation).toMatchObject({ targets: { channel: true, email: true }, worker: 'running' });
    expect(pending.escalation.jobs.pending + pending.escalation.jobs.running).toBe(2);

    // The process dies between two attempts (none in flight: their failures are recorded; a kill
    // during a send is crashWhileSending.test.ts); Teams and the mail server come back; the service
    // restarts on the same data.
    await killBetweenAttempts(bot);
    connector.reset();
    smtp = await startSmtpServer(smtpPort);
    const restarted = Date.now();
    bot = await startBot(env, dir.dir);
    await connector.waitFor((r) => r.operation === 'create' && r.status === 200, 60_000);
    const [mail] = await smtp.waitForMails(1, 60_000);
    const recoveredMs = Date.now() - restarted;
    expect(mail.subject).toBe(`[${number}] Neue Frage: ${QUESTION}`);
    expect(recoveredMs).toBeLessThan(60_000);
    // The thread and card ids the service stored (read from its SQLite file, as an operator could).
    const store = openStore({ dataDir: env.DATA_DIR });
    let ticket = (await store.tickets.listByAsker(ASKER.id, 1))[0];
    await waitFor(async () => Boolean((ticket = (await store.tickets.listByAsker(ASKER.id, 1))[0]).channelCardActivityId));
    await store.close();
    const threadId = ticket.channelThreadId!;
    expect(threadId).toBe(`${CHANNEL_ID};messageid=${ticket.channelCardActivityId}`);

    // LaKI answers from the channel while the asker's chat is unreachable; the process dies again.
    connector.failNext('reply', ...Array.from({ length: 50 }, () => ({ status: 503 })));
    connector.failNext('send', ...Array.from({ length: 50 }, () => ({ status: 503 })));
    const answer = { verb: TicketVerb.Answer, ticketNumber: number, answer: ANSWER };
    expect(await bot.post(fromLakiChannel(connector, threadId, ticket.channelCardActivityId!, answer))).toBe(200);
    await connector.waitFor((r) => r.conversationId === ASKER_CONVERSATION && r.status === 503);
    await killBetweenAttempts(bot);
    const failedAttempts = connector.requests.filter((r) => r.conversationId === ASKER_CONVERSATION && r.status === 503).length;
    connector.reset();
    bot = await startBot(env, dir.dir);
    const isAnswer = (a: any) => textOf(a).includes(M.askerTitle.answered(number));
    await waitFor(() => sentTo(connector, ASKER_CONVERSATION).some(isAnswer), 60_000);
    await waitFor(async () => {
      const { jobs } = (await bot!.health()).escalation;
      return jobs.pending === 0 && jobs.running === 0;
    }, 30_000);
    expect(failedAttempts).toBeGreaterThanOrEqual(1);
    expect(sentTo(connector, ASKER_CONVERSATION).filter(isAnswer)).toHaveLength(1);
    expect(textOf(sentTo(connector, ASKER_CONVERSATION).find(isAnswer))).toContain(ANSWER);
    expect(connector.requests.filter((r) => r.operation === 'create')).toHaveLength(0);
    expect(smtp.mails).toHaveLength(1);

    // "Meine Fragen" after all that.
    expect(await bot.post(personal(connector, { text: 'Meine Fragen' }))).toBe(200);
    expect(textOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).toContain(`**${number}** · ${M.status.answered}`);
    expect((await bot.health()).escalation).toMatchObject({ status: 'ok', jobs: { failed: 0 } });
  });
});
