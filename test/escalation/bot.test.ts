/**
 * Escalation through the bot, over the real Bot Framework HTTP protocol: activities are posted to
 * `/api/messages` as Teams posts them, the bot answers and delivers through a local connector
 * (asker's chat and LaKI channel), tickets live in a real SQLite file, e-mail goes to a real SMTP
 * server.
 */
import { Messages as BotMessages } from '../../src/chat/messages';
import { MAX_OPEN_DRAFTS } from '../../src/escalation/extension';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { startConnector, type Connector } from '../helpers/connector';
import { submitDataOf } from '../helpers/activities';
import { tmpDir } from '../storage/tmpStore';
import {
  ASKER,
  ASKER_CONVERSATION,
  BOT,
  CHANNEL_ID,
  LAKI_MEMBER,
  cardOf,
  fromLakiChannel,
  personal,
  sentTo,
  startBot,
  TENANT_ID,
  textOf,
  type BotHarness,
} from './botHarness';
import { startSmtpServer, type TestSmtpServer } from './smtpServer';
import { waitFor } from './waitFor';

const QUESTION = 'Wie hoch ist die Landesförderung für unser KI 2026?';
const ANSWER = 'Die Förderung richtet sich nach dem Teilhabe- und Integrationsgesetz, Details im Erlass.';

jest.setTimeout(30_000);

describe('escalation through the bot (HTTP protocol, local connector, SQLite, SMTP)', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let smtp: TestSmtpServer | undefined;
  let bot: BotHarness | undefined;

  beforeEach(async () => {
    dir = tmpDir();
    connector = await startConnector();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    await smtp?.close();
    smtp = undefined;
    await connector.close();
    dir.cleanup();
  });

  /** The last activity the bot sent to the asker. */
  const lastToAsker = () => sentTo(connector, ASKER_CONVERSATION).at(-1);

  /** Question → no-answer card → "An die LaKI weiterleiten" → draft card; returns the Absenden data. */
  async function openDraft(harness: BotHarness, question = QUESTION): Promise<Record<string, unknown>> {
    expect(await harness.post(personal(connector, { text: question }))).toBe(200);
    const noAnswer = lastToAsker();
    const forward = submitDataOf(cardOf(noAnswer)).find((data) => data.verb === EscalationVerb.Start);
    expect(forward).toMatchObject({ title: M.forwardAction, question });
    const { title: _title, ...startData } = forward!;

    expect(await harness.post(personal(connector, { value: startData }))).toBe(200);
    const draft = cardOf(lastToAsker());
    expect(JSON.stringify(draft)).toContain(M.draftTitle);
    expect(draft.body.find((element: any) => element.id === DraftInput.Question).value).toBe(question);
    expect(JSON.stringify(draft)).toContain(ASKER.name);
    const submit = submitDataOf(draft).find((data) => data.verb === EscalationVerb.Submit)!;
    expect(submit.title).toBe(M.draftSubmit);
    const { title: _t, ...submitData } = submit;
    return submitData;
  }

  /** Absenden with the card's inputs, as Teams merges them into the submit data. */
  const absenden = (submitData: Record<string, unknown>, question = QUESTION, kommune = 'Kreis Soest') =>
    personal(connector, { value: { ...submitData, [DraftInput.Question]: question, [DraftInput.Kommune]: kommune } });

  it('should forward, post to the channel, mail LaKI, take and answer from the channel and relay the answer once', async () => {
    smtp = await startSmtpServer();
    bot = await startBot({ dataDir: dir.dir, connector, smtpUrl: smtp.url });

    const submitData = await openDraft(bot);
    const sentBefore = sentTo(connector, ASKER_CONVERSATION).length;
    // Teams names the card's message as replyToId of a click on it.
    expect(await bot.post({ ...absenden(submitData), replyToId: 'draft-card-1' })).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(ticket).toMatchObject({ question: QUESTION, kommune: 'Kreis Soest', askerName: ASKER.name, status: 'open' });
    expect(ticket.number).toMatch(/^LAKI-\d{4}-\d{4}$/);
    // One confirmation: the draft card is replaced by what was sent, with the ticket number and
    // what happens next, without buttons; no second message saying the same.
    const sentDraft = connector.requests.find((r) => r.operation === 'update' && r.conversationId === ASKER_CONVERSATION)!;
    expect(sentDraft.activityId).toBe('draft-card-1');
    expect(textOf(sentDraft.body)).toContain(M.draftSentTitle(ticket.number));
    expect(textOf(sentDraft.body)).toContain(M.draftSentHint);
    expect(submitDataOf(cardOf(sentDraft.body))).toEqual([]);
    expect(sentTo(connector, ASKER_CONVERSATION)).toHaveLength(sentBefore);

    // The ticket card opens a new thread in the LaKI channel; the mail reaches the inbox.
    const post = await connector.waitFor((r) => r.operation === 'create' && r.status === 200);
    expect(post.body.channelData).toEqual({ channel: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } });
    expect(textOf(post.body.activity)).toContain(QUESTION);
    expect(textOf(post.body.activity)).toContain('Kreis Soest');
    const [mail] = await smtp.waitForMails(1);
    expect(mail.subject).toBe(`[${ticket.number}] Neue Frage: ${QUESTION}`);
    expect(mail.text).toContain(QUESTION);
    await waitFor(async () => Boolean((await bot!.store.tickets.get(ticket.id))?.channelCardActivityId));
    const posted = (await bot.store.tickets.get(ticket.id))!;
    const threadId = posted.channelThreadId!;
    const cardId = posted.channelCardActivityId!;
    expect(threadId).toBe(`${CHANNEL_ID};messageid=${cardId}`);

    // LaKI takes the ticket on the channel card: card updated in place, asker told.
    expect(await bot.post(fromLakiChannel(connector, threadId, cardId, { verb: TicketVerb.Take, ticketNumber: ticket.number }))).toBe(200);
    await connector.waitFor((r) => r.operation === 'update' && textOf(r.body).includes(M.status.assigned));
    await waitFor(() => sentTo(connector, ASKER_CONVERSATION).some((a) => textOf(a).includes(M.askerTitle.taken(ticket.number))));

    // LaKI answers inline on the card (the answer field's value arrives with the submit).
    const answerData = { verb: TicketVerb.Answer, ticketNumber: ticket.number, answer: ANSWER };
    expect(await bot.post(fromLakiChannel(connector, threadId, cardId, answerData))).toBe(200);
    const updated = await connector.waitFor((r) => r.operation === 'update' && textOf(r.body).includes('Beantwortet von Lea LaKI am'));
    expect([updated.conversationId, updated.activityId]).toEqual([threadId, cardId]);
    expect(textOf(updated.body)).toContain(ANSWER);
    const isAnswer = (a: any) => textOf(a).includes(M.askerTitle.answered(ticket.number));
    await waitFor(() => sentTo(connector, ASKER_CONVERSATION).some(isAnswer));
    const relayed = sentTo(connector, ASKER_CONVERSATION).find(isAnswer);
    expect(textOf(relayed)).toContain(ANSWER);
    expect(textOf(relayed)).toContain(QUESTION);
    expect(submitDataOf(cardOf(relayed)).map((data) => [data.verb, data.helpful])).toEqual([
      [TicketVerb.Feedback, true],
      [TicketVerb.Feedback, false],
    ]);

    // Teams resends the answer activity: nothing new is stored or sent.
    expect(await bot.post(fromLakiChannel(connector, threadId, cardId, answerData))).toBe(200);
    await waitFor(async () => (await bot!.store.jobs.countByState()).pending === 0 && (await bot!.store.jobs.countByState()).running === 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentTo(connector, ASKER_CONVERSATION).filter(isAnswer)).toHaveLength(1);
    expect(await bot.store.tickets.get(ticket.id)).toMatchObject({ status: 'answered', answer: ANSWER, answeredBy: { name: 'Lea LaKI' } });

    // "Meine Fragen" shows the ticket with its status.
    expect(await bot.post(personal(connector, { text: 'Meine Fragen' }))).toBe(200);
    const list = textOf(lastToAsker());
    expect(list).toContain(M.myTicketsTitle);
    expect(list).toContain(`**${ticket.number}** · ${M.status.answered}`);

    // In a channel the list would show the asker's questions to everyone: only a pointer.
    const channelThread = '19:team-general@thread.tacv2;messageid=77';
    expect(
      await bot.post({
        ...personal(connector, { text: 'Meine Fragen' }),
        conversation: { id: channelThread, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
      }),
    ).toBe(200);
    expect(sentTo(connector, channelThread).map((a) => a.text)).toEqual([M.myTicketsPersonalOnly]);

    // "Hilfreich? Ja" under the relayed answer.
    expect(await bot.post(personal(connector, { value: { verb: TicketVerb.Feedback, ticketNumber: ticket.number, helpful: true } }))).toBe(200);
    expect(lastToAsker().text).toBe(M.ticketFeedbackChosen(ticket.number, true));
    // Stored like answer feedback (without identity: the ticket's question), once per person.
    const ratings = async () => bot!.store.db.prepare("SELECT kind, question FROM question_log WHERE kind LIKE 'ticket-feedback%'").all();
    expect(await ratings()).toEqual([{ kind: 'ticket-feedback-helpful', question: ticket.question }]);
    expect(await bot.post(personal(connector, { value: { verb: TicketVerb.Feedback, ticketNumber: ticket.number, helpful: false } }))).toBe(200);
    expect(lastToAsker().text).toBe(M.ticketFeedbackAlreadyGiven(ticket.number, true));
    expect(await ratings()).toHaveLength(1);

    // Delivery log lines do not carry the request or turn id of the bot turn that woke the worker.
    const deliveries = bot.logLines().filter((line) => line.msg === 'delivery job done');
    expect(deliveries.length).toBeGreaterThanOrEqual(4);
    expect(deliveries.filter((line) => 'turnId' in line || 'requestId' in line)).toEqual([]);

    // /healthz shows the outbox.
    const health = await bot.health();
    expect(health.escalation).toMatchObject({ status: 'ok', worker: 'running', jobs: { failed: 0, pending: 0 }, targets: { channel: true, email: true } });

    // "Schließen": the card says so, the asker is told; "Wieder öffnen" opens it again.
    expect(await bot.post(fromLakiChannel(connector, threadId, cardId, { verb: TicketVerb.Close, ticketNumber: ticket.number }))).toBe(200);
    await connector.waitFor((r) => r.operation === 'update' && textOf(r.body).includes(M.cardClosed));
    await waitFor(() => sentTo(connector, ASKER_CONVERSATION).some((a) => textOf(a).includes(M.askerTitle.closed(ticket.number))));
    expect(await bot.post(fromLakiChannel(connector, threadId, cardId, { verb: TicketVerb.Reopen, ticketNumber: ticket.number }))).toBe(200);
    const reopened = await connector.waitFor((r) => r.operation === 'update' && textOf(r.body).includes(`"${M.status.open}"`));
    expect(textOf(reopened.body)).toContain(TicketVerb.Take);
    expect((await bot.store.tickets.get(ticket.id))?.status).toBe('open');
  });

  it.each([
    ['the LaKI channel', CHANNEL_ID, M.lakiChannelNote],
    ["another team's channel", '19:other@thread.tacv2', BotMessages.channelInstallHint],
  ])('should greet LaKI staff, not with the welcome card, when installed in a team (%s)', async (_case, channelId, note) => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const installed = {
      type: 'conversationUpdate',
      id: `install-${channelId}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: LAKI_MEMBER,
      recipient: BOT,
      membersAdded: [BOT],
      conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
      channelData: { eventType: 'teamMemberAdded', team: { id: channelId }, tenant: { id: TENANT_ID } },
    };
    expect(await bot.post(installed)).toBe(200);
    expect(sentTo(connector, channelId).map((a) => [a.text, a.attachments ?? []])).toEqual([[note, []]]);
  });

  it('should make one ticket when "Absenden" is pressed twice, one after the other and at the same time', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const first = await openDraft(bot);
    expect(await bot.post(absenden(first))).toBe(200);
    expect(await bot.post(absenden(first))).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(sentTo(connector, ASKER_CONVERSATION).slice(-2).map((a) => a.text)).toEqual([
      M.confirmation(ticket.number),
      M.alreadySent(ticket.number),
    ]);

    const second = await openDraft(bot, 'Darf unser KI ein Dienstfahrrad leasen?');
    const statuses = await Promise.all([1, 2, 3].map(() => bot!.post(absenden(second, 'Darf unser KI ein Dienstfahrrad leasen?'))));
    expect(statuses).toEqual([200, 200, 200]);
    const tickets = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(tickets.map((t) => t.question).sort()).toEqual(['Darf unser KI ein Dienstfahrrad leasen?', QUESTION]);
    const newest = tickets.find((t) => t.question !== QUESTION)!;
    expect(sentTo(connector, ASKER_CONVERSATION).slice(-3).map((a) => a.text).sort()).toEqual(
      [M.alreadySent(newest.number), M.alreadySent(newest.number), M.confirmation(newest.number)].sort(),
    );
    expect(bot.logLines().filter((line) => line.msg === 'bot turn failed')).toEqual([]);
    await waitFor(() => connector.requests.filter((r) => r.operation === 'create' && r.status === 200).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.requests.filter((r) => r.operation === 'create')).toHaveLength(2);
  });

  it('should answer a resent "Absenden" of a long-sent draft with its ticket, even when the draft left the state', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const submitData = await openDraft(bot);
    expect(await bot.post(absenden(submitData))).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    for (let i = 0; i < MAX_OPEN_DRAFTS; i += 1) {
      expect(await bot.post(personal(connector, { text: `LaKI fragen: Frage ${i}` }))).toBe(200);
    }
    expect(await bot.post(absenden(submitData))).toBe(200);
    expect(lastToAsker().text).toBe(M.alreadySent(ticket.number));
    expect(await bot.store.tickets.listByAsker(ASKER.id, 10)).toHaveLength(1);
  });

  it('should offer forwarding by typing "LaKI fragen:", on every answer card, after "Nein" and after "Nichts davon passt"', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    expect(await bot.post(personal(connector, { text: 'LaKI fragen: Gibt es 2027 wieder eine Fachtagung?' }))).toBe(200);
    const draft = cardOf(lastToAsker());
    expect(draft.body.find((element: any) => element.id === DraftInput.Question).value).toBe('Gibt es 2027 wieder eine Fachtagung?');

    expect(await bot.post(personal(connector, { text: 'Wie erreiche ich die LaKI telefonisch?' }))).toBe(200);
    const answer = cardOf(lastToAsker());
    expect(submitDataOf(answer).find((data) => data.verb === EscalationVerb.Start)).toMatchObject({
      title: M.forwardAction,
      question: 'Wie erreiche ich die LaKI telefonisch?',
    });
    const no = submitDataOf(answer).find((data) => data.verb === 'feedback' && data.helpful === false)!;
    const { title: _title, ...noData } = no;
    expect(await bot.post(personal(connector, { value: noData }))).toBe(200);
    expect(submitDataOf(cardOf(lastToAsker())).some((data) => data.verb === EscalationVerb.Start)).toBe(true);

    // "Meinten Sie …" → "Nichts davon passt" → the no-answer card with the forward button.
    expect(await bot.post(personal(connector, { text: 'Fortbildung' }))).toBe(200);
    const noneFits = submitDataOf(cardOf(lastToAsker())).find((data) => data.verb === 'noneFits')!;
    expect(noneFits).toBeDefined();
    const { title: _noneTitle, ...noneFitsData } = noneFits;
    expect(await bot.post(personal(connector, { value: noneFitsData }))).toBe(200);
    expect(submitDataOf(cardOf(lastToAsker())).find((data) => data.verb === EscalationVerb.Start)).toMatchObject({ question: 'Fortbildung' });
  });

  it('should refuse a ticket action sent from the personal chat or another tenant and change nothing', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    expect(await bot.post(absenden(await openDraft(bot)))).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    await waitFor(async () => Boolean((await bot!.store.tickets.get(ticket.id))?.channelCardActivityId));
    const before = (await bot.store.tickets.get(ticket.id))!;
    const jobsBefore = await bot.store.jobs.listByTicket(ticket.id);

    const forged = { verb: TicketVerb.Answer, ticketNumber: ticket.number, answer: 'Gefälschte Antwort' };
    // From the asker's own chat, with channel data that claims to be the LaKI channel.
    expect(await bot.post(personal(connector, { value: forged, channelData: { channel: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } } }))).toBe(200);
    expect(lastToAsker().text).toBe(M.notFromLakiChannel);
    // From a thread that looks right but belongs to another tenant.
    const thread = before.channelThreadId!;
    expect(await bot.post(fromLakiChannel(connector, thread, before.channelCardActivityId!, forged, { tenantId: 'other-tenant' }))).toBe(200);
    // From another team's channel.
    expect(await bot.post(fromLakiChannel(connector, '19:other@thread.tacv2;messageid=9', '9', forged, { channelId: '19:other@thread.tacv2' }))).toBe(200);
    expect(sentTo(connector, '19:other@thread.tacv2;messageid=9').map((a) => a.text)).toEqual([M.notFromLakiChannel]);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await bot.store.tickets.get(ticket.id)).toEqual(before);
    expect(await bot.store.jobs.listByTicket(ticket.id)).toHaveLength(jobsBefore.length);
    expect(connector.requests.filter((r) => r.operation === 'update')).toHaveLength(0);
    expect(sentTo(connector, ASKER_CONVERSATION).some((a) => textOf(a).includes('Gefälschte Antwort'))).toBe(false);
    const refusals = bot.logLines().filter((line) => line.msg === 'ticket action refused: not from the LaKI channel');
    expect(refusals).toHaveLength(3);
    expect(JSON.stringify(refusals)).not.toContain('Gefälschte Antwort');
  });

  it('should retry the channel post after 429 (Retry-After) and 503 and the asker message after 503', async () => {
    connector.failNext('create', { status: 429, retryAfter: 1 }, { status: 503 });
    bot = await startBot({ dataDir: dir.dir, connector });
    const started = Date.now();
    expect(await bot.post(absenden(await openDraft(bot)))).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);

    await connector.waitFor((r) => r.operation === 'create' && r.status === 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(connector.requests.filter((r) => r.operation === 'create').map((r) => r.status)).toEqual([429, 503, 200]);

    await waitFor(async () => Boolean((await bot!.store.tickets.get(ticket.id))?.channelCardActivityId));
    const posted = (await bot.store.tickets.get(ticket.id))!;
    const take = fromLakiChannel(connector, posted.channelThreadId!, posted.channelCardActivityId!, { verb: TicketVerb.Take, ticketNumber: ticket.number });
    // The proactive message answers the asker's "Absenden" activity (a reply in their chat).
    const before = connector.requests.length;
    connector.failNext('reply', { status: 503 });
    expect(await bot.post(take)).toBe(200);
    await waitFor(() => sentTo(connector, ASKER_CONVERSATION).some((a) => textOf(a).includes(M.askerTitle.taken(ticket.number))));
    const toAsker = connector.requests.slice(before).filter((r) => r.conversationId === ASKER_CONVERSATION);
    expect(toAsker.map((r) => [r.operation, r.status])).toEqual([['reply', 503], ['reply', 200]]);
    expect(toAsker.map((r) => textOf(r.body).includes(M.askerTitle.taken(ticket.number)))).toEqual([true, true]);
  });

  it('should confirm with a message when the draft card cannot be replaced', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const submitData = await openDraft(bot);
    connector.failNext('update', { status: 404 });
    expect(await bot.post({ ...absenden(submitData), replyToId: 'draft-card-gone' })).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(lastToAsker().text).toBe(M.confirmation(ticket.number));
  });

  it('should keep a shown draft across a restart, so "Absenden" afterwards still forwards', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const submitData = await openDraft(bot);
    await bot.close();

    bot = await startBot({ dataDir: dir.dir, connector });
    expect(await bot.post(absenden(submitData))).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(ticket?.question).toBe(QUESTION);
    expect(lastToAsker().text).toBe(M.confirmation(ticket.number));
  });

  it('should send nothing for a draft whose state is gone, and offer it again', async () => {
    const other = tmpDir();
    try {
      bot = await startBot({ dataDir: dir.dir, connector });
      const submitData = await openDraft(bot);
      await bot.close();

      // A new, empty store: the bot no longer knows the draft.
      bot = await startBot({ dataDir: other.dir, connector });
      const before = sentTo(connector, ASKER_CONVERSATION).length;
      expect(await bot.post(absenden(submitData))).toBe(200);
      expect(await bot.store.tickets.listByAsker(ASKER.id, 10)).toEqual([]);
      const replies = sentTo(connector, ASKER_CONVERSATION).slice(before);
      expect(replies[0].text).toBe(M.draftExpired);
      expect(cardOf(replies[1]).body.find((element: any) => element.id === DraftInput.Question).value).toBe(QUESTION);
    } finally {
      await bot?.close();
      bot = undefined;
      other.cleanup();
    }
  });

  it('should let only the person the draft was shown to send or cancel it (shared chats and channels)', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const submitData = await openDraft(bot);
    // Someone else in the same conversation presses the draft's buttons.
    expect(await bot.post({ ...absenden(submitData), from: LAKI_MEMBER })).toBe(200);
    expect(lastToAsker().text).toBe(M.draftNotYours);
    expect(await bot.post(personal(connector, { from: LAKI_MEMBER, value: { verb: EscalationVerb.Cancel, draftId: submitData.draftId } }))).toBe(200);
    expect(lastToAsker().text).toBe(M.draftNotYours);
    expect(await bot.store.tickets.listByAsker(LAKI_MEMBER.id, 10)).toEqual([]);

    // The draft is still the asker's to send.
    expect(await bot.post(absenden(submitData))).toBe(200);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(lastToAsker().text).toBe(M.confirmation(ticket.number));
  });

  it('should not forward a cancelled draft', async () => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const submitData = await openDraft(bot);
    expect(await bot.post(personal(connector, { value: { verb: EscalationVerb.Cancel, draftId: submitData.draftId } }))).toBe(200);
    expect(lastToAsker().text).toBe(M.draftCancelled);
    expect(await bot.post(absenden(submitData))).toBe(200);
    expect(await bot.store.tickets.listByAsker(ASKER.id, 10)).toEqual([]);
    expect(sentTo(connector, ASKER_CONVERSATION).at(-2).text).toBe(M.draftExpired);
  });

  it.each([
    ['an empty question', { question: '   ' }, M.questionMissing],
    ['a Kommune that is too long', { question: QUESTION, kommune: 'x'.repeat(300) }, M.fieldTooLong('Die Angabe zu Kommune / Kontext', 200)],
  ])('should answer %s on "Absenden" with a clear German message and store nothing', async (_case, inputs, expected) => {
    bot = await startBot({ dataDir: dir.dir, connector });
    const submitData = await openDraft(bot);
    expect(await bot.post(personal(connector, { value: { ...submitData, ...inputs } }))).toBe(200);
    expect(lastToAsker().text).toBe(expected);
    expect(await bot.store.tickets.listByAsker(ASKER.id, 10)).toEqual([]);
  });

  it('should tell the asker kindly when the hourly limit is reached', async () => {
    bot = await startBot({ dataDir: dir.dir, connector, limitPerHour: 1 });
    expect(await bot.post(absenden(await openDraft(bot)))).toBe(200);
    expect(await bot.post(absenden(await openDraft(bot, 'Darf unser KI ein Dienstfahrrad leasen?'), 'Darf unser KI ein Dienstfahrrad leasen?'))).toBe(200);
    expect(lastToAsker().text).toBe(M.rateLimited(1));
    expect(await bot.store.tickets.listByAsker(ASKER.id, 10)).toHaveLength(1);
  });
});
