import { InvalidDraftError, TicketNotFoundError, TicketTransitionError } from '../../src/escalation/errors';
import { createEscalationService, type EscalationDraft } from '../../src/escalation/service';
import { userMessageFor } from '../../src/escalation/userMessages';
import { DEFAULT_MATCHER_SETTINGS } from '../../src/knowledge';
import type { KnowledgeBase, MatchResult } from '../../src/knowledge/types';
import { singlePartMessage } from '../../src/knowledge/message';
import { tmpStore } from '../storage/tmpStore';

const NOW = new Date('2026-03-10T09:00:00Z');
const LEA = { id: '29:lea', name: 'Lea LaKI' };

function draft(overrides: Partial<EscalationDraft> = {}): EscalationDraft {
  return {
    question: '  Wie viel Förderung gibt es 2026?  ',
    kommune: ' ',
    askerName: 'Erika Muster',
    askerUserId: '29:erika',
    conversationReference: { serviceUrl: 'http://127.0.0.1:1', channelId: 'msteams', conversation: { id: 'a:erika', isGroup: false, conversationType: 'personal', name: '' } },
    idempotencyKey: `activity-${Math.random()}`,
    ...overrides,
  };
}

/** A knowledge base stand-in: the service only asks it for the closest candidates. */
const knowledge = {
  current: (): KnowledgeBase => ({
    entries: [],
    loadedAt: NOW,
    getEntry: () => undefined,
    match: (): MatchResult => ({
      outcome: 'none',
      answer: null,
      suggestions: [],
      candidates: ['a', 'b', 'c', 'd'].map((id, index) => ({ entry: { id } as never, score: 0.5 - index / 10 })),
    }),
    matchMessage(text: string) {
      return singlePartMessage(text, this.match(text));
    },
  }),
};

describe('createEscalationService', () => {
  let store: ReturnType<typeof tmpStore>;
  let now: Date;
  let wakes: number;
  const service = (settings = {}) =>
    createEscalationService({ tickets: store.tickets, knowledge, clock: () => now, settings: { channelEnabled: true, emailEnabled: true, ...settings }, onJobsEnqueued: () => (wakes += 1) });

  beforeEach(() => {
    store = tmpStore();
    now = NOW;
    wakes = 0;
  });
  afterEach(() => store.cleanup());

  it('should create a ticket with trimmed fields, best guesses and its first jobs, and wake the outbox', async () => {
    const result = await service().escalate(draft());
    expect(result.outcome).toBe('created');
    if (result.outcome !== 'created') return;
    expect(result.ticket).toMatchObject({ number: 'LAKI-2026-0001', question: 'Wie viel Förderung gibt es 2026?', bestGuessIds: ['a', 'b', 'c'] });
    expect(result.ticket.kommune).toBeUndefined();
    expect((await store.jobs.listByTicket(result.ticket.id)).map((job) => job.kind)).toEqual(['channel-post', 'email']);
    expect(wakes).toBe(1);
  });

  it.each([
    ['only the candidates scoring at least the suggest threshold', [0.5, 0.3, 0.2, 0.1], ['a', 'b']],
    ['none when no candidate reaches the suggest threshold', [0.2, 0.15, 0.1, 0.05], []],
    ['at most three', [0.9, 0.8, 0.7, 0.6], ['a', 'b', 'c']],
  ])('should keep as best guesses %s', async (_case, scores, expected) => {
    const scored = {
      current: (): KnowledgeBase => ({
        ...knowledge.current(),
        match: (): MatchResult => ({
          outcome: 'none',
          answer: null,
          suggestions: [],
          candidates: scores.map((score, index) => ({ entry: { id: 'abcd'[index] } as never, score })),
        }),
      }),
    };
    const svc = createEscalationService({ tickets: store.tickets, knowledge: scored, clock: () => now, settings: { channelEnabled: true, emailEnabled: false } });
    const result = await svc.escalate(draft());
    if (result.outcome !== 'created') throw new Error('expected created');
    expect(result.ticket.bestGuessIds).toEqual(expected);
    expect(DEFAULT_MATCHER_SETTINGS.suggestScore).toBe(0.25);
  });

  it('should enqueue only the configured targets', async () => {
    const result = await service({ channelEnabled: false }).escalate(draft());
    if (result.outcome !== 'created') throw new Error('expected created');
    expect((await store.jobs.listByTicket(result.ticket.id)).map((job) => job.kind)).toEqual(['email']);
  });

  it('should return the same ticket for a repeated idempotency key, per user', async () => {
    const first = await service().escalate(draft({ idempotencyKey: 'act-1' }));
    const again = await service().escalate(draft({ idempotencyKey: 'act-1' }));
    const otherUser = await service().escalate(draft({ idempotencyKey: 'act-1', askerUserId: '29:other' }));
    expect(again).toEqual({ outcome: 'duplicate', ticket: (first as { ticket: unknown }).ticket });
    expect(otherUser.outcome).toBe('created');
    expect(await store.tickets.countByAskerSince('29:erika', new Date(0))).toBe(1);
  });

  it('should limit escalations per user and window, but still answer a duplicate', async () => {
    const svc = service({ rateLimit: { max: 2, windowMs: 3600000 } });
    await svc.escalate(draft({ idempotencyKey: 'one' }));
    await svc.escalate(draft({ idempotencyKey: 'two' }));
    expect(await svc.escalate(draft())).toEqual({ outcome: 'rate-limited', limit: 2 });
    expect((await svc.escalate(draft({ idempotencyKey: 'two' }))).outcome).toBe('duplicate');
    expect((await svc.escalate(draft({ askerUserId: '29:other' }))).outcome).toBe('created');
    now = new Date(NOW.getTime() + 3600001);
    expect((await svc.escalate(draft())).outcome).toBe('created');
  });

  it.each<[Partial<EscalationDraft>, string, string]>([
    [{ question: '   ' }, 'question', 'Bitte geben Sie Ihre Frage ein.'],
    [{ question: 'x'.repeat(1001) }, 'question', 'Ihre Frage ist zu lang (höchstens 1000 Zeichen).'],
    [{ kommune: 'k'.repeat(201) }, 'kommune', 'Die Angabe zu Kommune / Kontext ist zu lang (höchstens 200 Zeichen).'],
    [{ conversationReference: {} }, 'conversationReference', ''],
    [{ idempotencyKey: '' }, 'idempotencyKey', ''],
  ])('should refuse the draft %j naming the field %s', async (overrides, field, userText) => {
    const error = await service().escalate(draft(overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDraftError);
    expect((error as InvalidDraftError).field).toBe(field);
    expect(userMessageFor(error) ?? '').toBe(userText);
  });

  it('should take, answer, close and reopen with the right jobs', async () => {
    const svc = service();
    const { ticket } = (await svc.escalate(draft())) as { ticket: { id: string; number: string } };
    const kinds = async () => (await store.jobs.listByTicket(ticket.id)).map((job) => `${job.kind}${job.payload.notice ? `:${job.payload.notice}` : ''}`);

    expect((await svc.take(ticket.number, LEA)).ticket.status).toBe('assigned');
    expect(await svc.take(ticket.number, LEA)).toMatchObject({ changed: false });
    expect((await svc.answer(ticket.number, LEA, 'Bitte wenden Sie sich an Ihre Bezirksregierung.')).ticket).toMatchObject({ status: 'answered', answeredBy: LEA, answeredAt: NOW });
    expect((await svc.close(ticket.number, LEA)).ticket.status).toBe('closed');
    expect((await svc.reopen(ticket.number, LEA)).ticket.status).toBe('open');
    expect(await kinds()).toEqual([
      'channel-post', 'email',
      'card-update', 'asker-message:taken',
      'card-update', 'asker-message:answered',
      'card-update', 'asker-message:closed',
      'card-update',
    ]);
  });

  it('should store one answer delivery per distinct answer text', async () => {
    const svc = service();
    const { ticket } = (await svc.escalate(draft())) as { ticket: { id: string; number: string } };
    await svc.answer(ticket.number, LEA, 'Antwort A');
    await svc.reopen(ticket.number, LEA);
    await svc.answer(ticket.number, LEA, ' Antwort A ');
    await svc.reopen(ticket.number, LEA);
    await svc.answer(ticket.number, LEA, 'Antwort B');
    const answers = (await store.jobs.listByTicket(ticket.id)).filter((job) => job.payload.notice === 'answered').map((job) => job.payload.answer);
    expect(answers).toEqual(['Antwort A', 'Antwort B']);
  });

  it('should refuse unknown tickets and invalid transitions with German user messages', async () => {
    const svc = service();
    const missing = await svc.take('LAKI-2026-9999', LEA).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TicketNotFoundError);
    expect(userMessageFor(missing)).toBe('Das Ticket LAKI-2026-9999 gibt es nicht (mehr).');

    const { ticket } = (await svc.escalate(draft())) as { ticket: { id: string; number: string } };
    await svc.close(ticket.number, LEA);
    const refused = await svc.answer(ticket.number, LEA, 'zu spät').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TicketTransitionError);
    expect(userMessageFor(refused)).toBe('Das geht bei Ticket LAKI-2026-0001 nicht mehr: Es ist bereits „Geschlossen“.');
    const empty = await svc.reopen(ticket.number, LEA).then(() => svc.answer(ticket.number, LEA, '  ')).catch((e: unknown) => e);
    expect(userMessageFor(empty)).toBe('Bitte geben Sie eine Antwort ein.');
    expect(userMessageFor(new Error('database locked'))).toBeUndefined();
  });

  it('should list a user\'s tickets and delete closed ones after the retention period', async () => {
    const svc = service({ ticketRetentionDays: 30 });
    const a = (await svc.escalate(draft())) as { ticket: { number: string } };
    await svc.escalate(draft());
    expect((await svc.listForUser('29:erika')).map((t) => t.number)).toEqual(['LAKI-2026-0002', 'LAKI-2026-0001']);
    await svc.close(a.ticket.number, LEA);
    now = new Date(NOW.getTime() + 29 * 86400000);
    expect(await svc.applyRetention()).toBe(0);
    now = new Date(NOW.getTime() + 31 * 86400000);
    expect(await svc.applyRetention()).toBe(1);
    expect((await svc.listForUser('29:erika')).map((t) => t.number)).toEqual(['LAKI-2026-0002']);
  });

  describe('the card an action was pressed on', () => {
    const FIRST = { threadId: '19:laki;messageid=0', activityId: '0' };
    const CURRENT = { threadId: '19:laki;messageid=1', activityId: '1' };

    async function posted() {
      const result = await service().escalate(draft());
      if (result.outcome !== 'created') throw new Error('expected a ticket');
      await store.tickets.update(result.ticket.id, (t) => ({ ticket: { ...t, channelThreadId: CURRENT.threadId, channelCardActivityId: '1', channelCards: [{ ...CURRENT, repeat: true }] } }), NOW);
      return result.ticket;
    }

    it('should add a card the ticket did not know, and update it with the others', async () => {
      const ticket = await posted();
      await service().act('take', ticket.number, LEA, undefined, FIRST);
      const stored = (await store.tickets.get(ticket.id))!;
      expect(stored.channelCards).toEqual([{ ...CURRENT, repeat: true }, FIRST]);
      expect(stored.channelCardActivityId).toBe('1'); // the current card stays the current one
      expect((await store.jobs.listByTicket(ticket.id)).filter((job) => job.kind === 'card-update')).toHaveLength(1);
    });

    it('should record an unknown card even when the action changes nothing, and bring it up to date', async () => {
      const ticket = await posted();
      await service().act('take', ticket.number, LEA, undefined, CURRENT);
      const before = (await store.jobs.listByTicket(ticket.id)).length;
      const result = await service().act('take', ticket.number, LEA, undefined, FIRST);
      expect(result.changed).toBe(false);
      expect((await store.tickets.get(ticket.id))!.channelCards).toHaveLength(2);
      expect((await store.jobs.listByTicket(ticket.id)).slice(before).map((job) => job.kind)).toEqual(['card-update']);
    });

    it('should take a pressed card as the current one when no post was recorded', async () => {
      const result = await service().escalate(draft());
      if (result.outcome !== 'created') throw new Error('expected a ticket');
      await service().act('take', result.ticket.number, LEA, undefined, FIRST);
      expect(await store.tickets.get(result.ticket.id)).toMatchObject({ channelThreadId: FIRST.threadId, channelCardActivityId: '0', channelCards: [FIRST] });
    });

    it('should keep no cards without a channel', async () => {
      const result = await service({ channelEnabled: false }).escalate(draft());
      if (result.outcome !== 'created') throw new Error('expected a ticket');
      await service({ channelEnabled: false }).act('take', result.ticket.number, LEA, undefined, FIRST);
      expect((await store.tickets.get(result.ticket.id))!.channelCards).toBeUndefined();
    });
  });
});

