import { join } from 'node:path';
import type { EscalationResult } from '../../src/escalation';
import { TicketVerb } from '../../src/escalation/verbs';
import { startConnector, type Connector } from '../helpers/connector';
import { tmpDir } from '../storage/tmpStore';
import { askerDraft, askerMessages, cardText, CHANNEL_ID, LEA, startHarness, TENANT_ID, type Harness } from './escalationHarness';
import { freePort } from '../helpers/freePort';
import { startSmtpServer, type TestSmtpServer } from './smtpServer';

const START = new Date('2026-03-10T09:00:00Z');

function created(result: EscalationResult) {
  if (result.outcome !== 'created') throw new Error(`expected a new ticket, got ${result.outcome}`);
  return result.ticket;
}

describe('escalation round trip (SQLite file, local connector, real SMTP server)', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let smtp: TestSmtpServer | undefined;
  let harness: Harness;
  let now: Date;
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeEach(async () => {
    dir = tmpDir();
    connector = await startConnector();
    now = START;
  });
  afterEach(async () => {
    await harness?.close();
    await smtp?.close();
    smtp = undefined;
    await connector.close();
    dir.cleanup();
  });

  it('should post the ticket, mail LaKI, relay take and answer to the asker and keep the card current', async () => {
    smtp = await startSmtpServer();
    harness = startHarness({ file: join(dir.dir, 'laki.sqlite'), connector, smtpUrl: smtp.url, clock: () => now });
    const { service, worker } = harness.escalation;

    const ticket = created(await service.escalate(askerDraft(connector)));
    expect(await service.escalate(askerDraft(connector))).toEqual({ outcome: 'duplicate', ticket });
    await worker.runDue();

    const post = connector.requests.find((r) => r.operation === 'create')!;
    expect(post.body.channelData).toEqual({ channel: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } });
    expect(cardText(post.body)).toContain('Wie hoch ist die Landesförderung für unser KI 2026?');
    expect(cardText(post.body)).toContain(TicketVerb.Take);
    const [mail] = await smtp.waitForMails(1);
    expect(mail.subject).toBe(`[${ticket.number}] Neue Frage: Wie hoch ist die Landesförderung für unser KI 2026?`);
    const stored = (await harness.store.tickets.get(ticket.id))!;
    expect(stored.channelThreadId).toBe(`${CHANNEL_ID};messageid=activity-1`);
    expect(stored.channelCardActivityId).toBe('activity-1');
    expect(stored.mailMessageId).toBe(mail.messageId);

    advance(60000);
    await service.take(ticket.number, LEA);
    await worker.runDue();
    advance(60000);
    await service.answer(ticket.number, LEA, 'Die Förderung richtet sich nach dem Teilhabe- und Integrationsgesetz.');
    await worker.runDue();

    const updates = connector.requests.filter((r) => r.operation === 'update');
    expect(updates.map((r) => [r.conversationId, r.activityId])).toEqual([
      [stored.channelThreadId, 'activity-1'],
      [stored.channelThreadId, 'activity-1'],
    ]);
    expect(cardText(updates[1].body)).toContain('Beantwortet von Lea LaKI am 10.03.2026, 10:02');
    const toAsker = askerMessages(connector);
    expect(toAsker.map((activity) => activity.attachments[0].content.body[0].text)).toEqual([
      `Ihre Frage ${ticket.number} wird bearbeitet`,
      `Antwort der LaKI auf Ihre Frage ${ticket.number}`,
    ]);
    expect(cardText(toAsker[1])).toContain('Die Förderung richtet sich nach dem Teilhabe- und Integrationsgesetz.');
    expect(cardText(toAsker[1])).toContain('Wie hoch ist die Landesförderung für unser KI 2026?');
    expect(cardText(toAsker[1])).toContain(TicketVerb.Feedback);

    // Reopened and answered again with the same text: the asker does not get it twice.
    await service.reopen(ticket.number, LEA);
    await service.answer(ticket.number, LEA, 'Die Förderung richtet sich nach dem Teilhabe- und Integrationsgesetz.');
    await worker.runDue();
    expect(askerMessages(connector)).toHaveLength(2);
    expect(smtp.mails).toHaveLength(1);
    expect(connector.requests.filter((r) => r.operation === 'create')).toHaveLength(1);
  });

  it('should honour Retry-After on 429 and retry after 503, delivering each message once', async () => {
    harness = startHarness({ file: join(dir.dir, 'laki.sqlite'), connector, clock: () => now });
    const { service, worker } = harness.escalation;
    connector.failNext('create', { status: 503 });
    const ticket = created(await service.escalate(askerDraft(connector)));

    await worker.runDue();
    expect(connector.requests.map((r) => `${r.operation} ${r.status}`)).toEqual(['create 503']);
    advance(1000);
    expect(await worker.runDue()).toBe(0);
    advance(2000);
    await worker.runDue();
    expect(connector.requests.map((r) => `${r.operation} ${r.status}`)).toEqual(['create 503', 'create 200']);

    connector.failNext('reply', { status: 429, retryAfter: 30 });
    connector.failNext('send', { status: 429, retryAfter: 30 });
    await service.answer(ticket.number, LEA, 'Antwort nach Drosselung.');
    await worker.runDue();
    const answerJob = (await harness.store.jobs.listByTicket(ticket.id)).find((job) => job.kind === 'asker-message')!;
    expect(answerJob).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: new Date(now.getTime() + 30000) });
    advance(29999);
    await worker.runDue();
    expect(askerMessages(connector)).toHaveLength(0);
    advance(1);
    await worker.runDue();
    expect(askerMessages(connector)).toHaveLength(1);
    expect(cardText(askerMessages(connector)[0])).toContain('Antwort nach Drosselung.');
    expect(await worker.health()).toMatchObject({ jobs: { pending: 0, running: 0, failed: 0 } });
  });

  it('should deliver the mail once after an SMTP outage', async () => {
    const port = await freePort();
    harness = startHarness({ file: join(dir.dir, 'laki.sqlite'), connector, smtpUrl: `smtp://127.0.0.1:${port}`, clock: () => now });
    const { service, worker } = harness.escalation;
    const ticket = created(await service.escalate(askerDraft(connector)));

    await worker.runDue();
    const mailJob = (await harness.store.jobs.listByTicket(ticket.id)).find((job) => job.kind === 'email')!;
    expect(mailJob).toMatchObject({ state: 'pending', attempts: 1 });
    expect(mailJob.lastError).toMatch(/RetryableError: SMTP: .*ECONNREFUSED/);

    smtp = await startSmtpServer(port);
    advance(10 * 60 * 1000);
    await worker.runDue();
    await worker.runDue();
    await smtp.waitForMails(1);
    expect(smtp.mails).toHaveLength(1);
    expect((await harness.store.jobs.get(mailJob.id))!.state).toBe('done');
  });

  it('should delete closed tickets after the retention period and old delivered jobs', async () => {
    harness = startHarness({ file: join(dir.dir, 'laki.sqlite'), connector, clock: () => now });
    const { service, worker } = harness.escalation;
    const closed = created(await service.escalate(askerDraft(connector, { idempotencyKey: 'a' })));
    const open = created(await service.escalate(askerDraft(connector, { idempotencyKey: 'b' })));
    await service.close(closed.number, LEA);
    await worker.runDue();
    expect((await worker.health()).jobs.done).toBe(4);

    advance(10 * 86400000);
    expect(await harness.escalation.applyRetention()).toEqual({ tickets: 0, jobs: 0 });
    advance(171 * 86400000);
    // The closed ticket's three jobs go with it; the open ticket keeps itself but not its done job.
    expect(await harness.escalation.applyRetention()).toEqual({ tickets: 1, jobs: 1 });
    expect(await harness.store.tickets.get(closed.id)).toBeUndefined();
    expect(await harness.store.tickets.get(open.id)).toBeDefined();
    expect(await harness.store.jobs.listByTicket(closed.id)).toEqual([]);
  });
});
