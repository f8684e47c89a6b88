/**
 * Crashes between "sent" and "recorded", with a real SIGKILL of the service process: the ticket
 * card reached the channel and the mail reached the server, but the process died before it
 * learnt so (the connector and the SMTP server received them and never answered). After the
 * restart the card and the mail are sent again, each saying it is a repeat; an action pressed on
 * the first card (whose id the bot never learnt) updates it and the current card; an answer whose
 * delivery to the asker was cut off the same way is never sent a second time.
 */
import { join } from 'node:path';
import { HandlerMessage } from '../../src/escalation/handlers';
import { SUBJECT_QUESTION_LENGTH } from '../../src/escalation/mail/ticketMail';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { openStore } from '../../src/storage';
import { submitDataOf } from '../helpers/activities';
import { startConnector, type Connector, type ConnectorRequest } from '../helpers/connector';
import { ADMIN_LISTENING_MSG, postTurn, ROOT, spawnService, type ServiceProcess } from '../helpers/service';
import { tmpDir } from '../storage/tmpStore';
import { ASKER, ASKER_CONVERSATION, cardOf, CHANNEL_ID, fromLakiChannel, personal, sentTo, TENANT_ID, textOf } from './botHarness';
import { startSmtpServer, type TestSmtpServer } from './smtpServer';
import { waitFor } from './waitFor';

jest.setTimeout(240_000);

const QUESTION = 'Welche Fristen gelten für den Verwendungsnachweis unseres KI?';
const ANSWER = 'Der Verwendungsnachweis ist bis zum 30. Juni des Folgejahres einzureichen.';

describe('a SIGKILL between sending and recording a delivery', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let smtp: TestSmtpServer;
  let service: ServiceProcess | undefined;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = tmpDir();
    connector = await startConnector();
    smtp = await startSmtpServer();
    env = {
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
      SMTP_URL: smtp.url,
      MAIL_FROM: 'LaKI-Assistent <bot@laki.example>',
    };
  });
  afterEach(async () => {
    await service?.stop('SIGKILL');
    service = undefined;
    await connector.close();
    await smtp.close();
    dir.cleanup();
  });

  let adminUrl = '';
  async function start(): Promise<string> {
    service = spawnService({ env, cwd: dir.dir });
    const { url } = await service.listening(90_000);
    adminUrl = (await service.logLine(ADMIN_LISTENING_MSG, 30_000)).url as string;
    return url;
  }
  // The job counts are in the detailed health on the admin port; the public /healthz says only ok/degraded.
  const health = async () => (await (await fetch(`${adminUrl}/healthz`)).json()).escalation;
  const creates = () => connector.requests.filter((r) => r.operation === 'create');
  const updatesOf = (threadId: string) => connector.requests.filter((r) => r.operation === 'update' && r.conversationId === threadId && r.status === 200);
  const toAsker = (r: ConnectorRequest) => (r.operation === 'send' || r.operation === 'reply') && r.conversationId === ASKER_CONVERSATION;

  it('should repeat the card and the mail marked as repeats, update every card, and never answer the asker twice', async () => {
    let url = await start();
    // Teams receives the ticket card and never answers: the process dies before it records the post.
    connector.hangNext((r) => r.operation === 'create');
    expect(await postTurn(url, personal(connector, { text: QUESTION }))).toBe(200);
    const startForward = submitDataOf(cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).find((d) => d.verb === EscalationVerb.Start)!;
    expect(await postTurn(url, personal(connector, { value: { verb: startForward.verb, question: startForward.question } }))).toBe(200);
    const submit = submitDataOf(cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).find((d) => d.verb === EscalationVerb.Submit)!;
    expect(await postTurn(url, personal(connector, { value: { verb: submit.verb, draftId: submit.draftId, [DraftInput.Question]: QUESTION } }))).toBe(200);
    await connector.waitFor((r) => r.operation === 'create', 30_000);
    expect(await health()).toMatchObject({ jobs: { running: 2 } });
    await service!.stop('SIGKILL');

    // Restarted: the card goes out again, marked. Then the mail server receives the mail and never answers; killed again.
    smtp.hangNext();
    url = await start();
    await connector.waitFor((r) => r.operation === 'create' && r.status === 200, 60_000);
    await smtp.waitForMails(1, 60_000);
    await service!.stop('SIGKILL');

    url = await start();
    const mails = await smtp.waitForMails(2, 60_000);
    await waitFor(async () => (await health()).jobs.done === 2, 30_000);
    const [first, repeat] = creates();
    expect(creates()).toHaveLength(2);
    const number = /LAKI-\d{4}-\d{4}/.exec(JSON.stringify(first.body))![0];
    expect(JSON.stringify(first.body)).not.toContain(M.cardRepeated);
    expect(JSON.stringify(repeat.body)).toContain(M.cardRepeated);
    const subjectStart = `${QUESTION.slice(0, SUBJECT_QUESTION_LENGTH).trimEnd()}…`;
    expect(mails.map((mail) => mail.subject)).toEqual([M.mailSubject(number, subjectStart), `[${number}] Erneut gesendet nach einem Neustart: ${subjectStart}`]);
    expect(mails[1].text).toContain(M.mailRepeatedNote);
    expect(mails[1].messageId).toBe(mails[0].messageId); // mail clients can merge the two
    const store = openStore({ dataDir: env.DATA_DIR });
    const ticket = (await store.tickets.listByAsker(ASKER.id, 1))[0];
    await store.close();
    const repeatCard = { threadId: ticket.channelThreadId!, activityId: ticket.channelCardActivityId! };
    expect(repeatCard.threadId).toBe(`${CHANNEL_ID};messageid=${repeatCard.activityId}`);
    expect(ticket.channelCards).toEqual([{ ...repeatCard, repeat: true }]);

    // In Teams the first card has an id the bot never learnt. "Übernehmen" pressed on it updates it and the repeat.
    const firstCard = { threadId: `${CHANNEL_ID};messageid=1700000000001`, activityId: '1700000000001' };
    expect(await postTurn(url, fromLakiChannel(connector, firstCard.threadId, firstCard.activityId, { verb: TicketVerb.Take, ticketNumber: number }))).toBe(200);
    await waitFor(() => updatesOf(firstCard.threadId).length === 1 && updatesOf(repeatCard.threadId).length === 1, 30_000);
    expect(updatesOf(firstCard.threadId)[0].activityId).toBe(firstCard.activityId);
    expect(JSON.stringify(updatesOf(firstCard.threadId)[0].body)).toContain(M.status.assigned);
    expect(JSON.stringify(updatesOf(firstCard.threadId)[0].body)).not.toContain(M.cardRepeated);
    expect(JSON.stringify(updatesOf(repeatCard.threadId)[0].body)).toContain(M.cardRepeated);
    await waitFor(() => connector.requests.some((r) => toAsker(r) && textOf(r.body).includes(M.askerTitle.taken(number))), 30_000);

    // The answer, pressed on the current card, reaches the asker's chat; the process dies before Teams answers.
    connector.hangNext((r) => toAsker(r as ConnectorRequest));
    expect(await postTurn(url, fromLakiChannel(connector, repeatCard.threadId, repeatCard.activityId, { verb: TicketVerb.Answer, ticketNumber: number, answer: ANSWER }))).toBe(200);
    await connector.waitFor((r) => toAsker(r) && textOf(r.body).includes(M.askerTitle.answered(number)), 30_000);
    await waitFor(() => updatesOf(firstCard.threadId).length === 2 && updatesOf(repeatCard.threadId).length === 2, 30_000);
    expect(JSON.stringify(updatesOf(firstCard.threadId)[1].body)).toContain(ANSWER);
    await service!.stop('SIGKILL');

    url = await start();
    // The restarted service does not send the answer again: the job fails and waits for an operator.
    await waitFor(async () => (await health()).jobs.failed === 1, 60_000);
    expect(await health()).toMatchObject({ status: 'degraded', jobs: { failed: 1, pending: 0, running: 0 } });
    const answers = connector.requests.filter((r) => toAsker(r) && textOf(r.body).includes(M.askerTitle.answered(number)));
    expect(answers).toHaveLength(1);
    expect(connector.requests.filter((r) => toAsker(r) && textOf(r.body).includes(M.askerTitle.taken(number)))).toHaveLength(1);
    const check = openStore({ dataDir: env.DATA_DIR });
    const [failed] = await check.jobs.list({ states: ['failed'], limit: 5 });
    await check.close();
    expect(failed).toMatchObject({ kind: 'asker-message', lastError: `PermanentDeliveryError: ${HandlerMessage.askerOutcomeUnknown}` });
    expect(service!.logLines().some((line) => line.msg === 'delivery job failed for good' && line.kind === 'asker-message')).toBe(true);
    expect(creates()).toHaveLength(2);
    expect(smtp.mails).toHaveLength(2);
  });
});
