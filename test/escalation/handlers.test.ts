import type { Attachment } from 'botbuilder';
import { PermanentDeliveryError, RetryableError } from '../../src/escalation/errors';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { createDeliveryHandlers, HandlerMessage } from '../../src/escalation/handlers';
import { DedupeKey, type Job } from '../../src/escalation/job';
import type { TeamsDelivery } from '../../src/escalation/teamsChannel';
import { newTicket, tmpStore } from '../storage/tmpStore';
import { recordingLogger } from './recordingLogger';

const NOW = new Date('2026-03-10T09:00:00Z');

/** Records what would be sent to Teams (unit test of the handlers alone). */
function recordingTeams() {
  const calls: Array<[string, ...unknown[]]> = [];
  const teams: TeamsDelivery = {
    postToChannel: async (card: Attachment) => {
      calls.push(['post', card]);
      return { threadId: '19:laki;messageid=1', activityId: '1' };
    },
    updateCard: async (threadId, activityId, card) => void calls.push(['update', threadId, activityId, card]),
    sendToAsker: async (reference, card) => {
      calls.push(['asker', reference, card]);
      return 'a1';
    },
  };
  return { teams, calls };
}

describe('createDeliveryHandlers', () => {
  let store: ReturnType<typeof tmpStore>;
  beforeEach(() => (store = tmpStore()));
  afterEach(() => store.cleanup());

  async function setup() {
    const { teams, calls } = recordingTeams();
    const handlers = createDeliveryHandlers({ tickets: store.tickets, jobs: store.jobs, teams, bestGuesses: (ids) => ids.map((id) => ({ id, title: id })), logger: recordingLogger(), clock: () => NOW });
    const { ticket } = await store.tickets.create(newTicket(), (t) => [{ kind: 'channel-post', ticketId: t.id, dedupeKey: DedupeKey.channelPost(t.id) }], NOW);
    const job = (kind: Job['kind'], payload = {}): Job => ({ id: 'j', kind, ticketId: ticket.id, payload, dedupeKey: 'd', state: 'running', attempts: 1, nextAttemptAt: NOW, createdAt: NOW, updatedAt: NOW });
    return { handlers, calls, ticket, job };
  }

  it('should store the thread and card ids after posting, and not post twice', async () => {
    const { handlers, calls, ticket, job } = await setup();
    await handlers['channel-post'](job('channel-post'));
    await handlers['channel-post'](job('channel-post'));
    expect(calls.map(([kind]) => kind)).toEqual(['post']);
    expect(await store.tickets.get(ticket.id)).toMatchObject({ channelThreadId: '19:laki;messageid=1', channelCardActivityId: '1' });
  });

  it('should skip a card update while the post is still pending (the post renders the current state)', async () => {
    const { handlers, calls, job } = await setup();
    await handlers['card-update'](job('card-update'));
    expect(calls).toEqual([]);
  });

  it('should wait with a card update while the post is in flight', async () => {
    const { handlers, job } = await setup();
    await store.jobs.claimDue(NOW, 10, 60000);
    await expect(handlers['card-update'](job('card-update'))).rejects.toThrow(new RetryableError(HandlerMessage.cardNotPostedYet));
  });

  it('should do nothing for a ticket deleted meanwhile', async () => {
    const { handlers, calls, job } = await setup();
    await handlers['asker-message']({ ...job('asker-message', { notice: 'closed' }), ticketId: 'gone' });
    expect(calls).toEqual([]);
  });

  it('should fail an asker message with an unknown notice at once', async () => {
    const { handlers, job } = await setup();
    await expect(handlers['asker-message'](job('asker-message', { notice: 'hacked' }))).rejects.toThrow(HandlerMessage.badPayload);
  });

  it('should send the asker the card for the notice', async () => {
    const { handlers, calls, ticket, job } = await setup();
    await handlers['asker-message'](job('asker-message', { notice: 'answered', answer: 'So.', answeredBy: 'Lea' }));
    expect(calls).toHaveLength(1);
    expect(calls[0][1]).toEqual(ticket.askerConversationReference);
    expect(JSON.stringify(calls[0][2])).toContain(`Antwort der LaKI auf Ihre Frage ${ticket.number}`);
  });

  describe('after a crash while sending (send marker set)', () => {
    const marked = (j: Job): Job => ({ ...j, sendStartedAt: NOW });

    it('should mark the sending before posting, so a crash leaves the outcome unknown', async () => {
      const { handlers, ticket } = await setup();
      const [claimed] = await store.jobs.claimDue(NOW, 1, 60000);
      await handlers['channel-post'](claimed);
      expect((await store.jobs.get(claimed.id))!.sendStartedAt).toEqual(NOW); // cleared by the outbox's complete
      expect((await store.tickets.get(ticket.id))!.channelCards).toEqual([{ threadId: '19:laki;messageid=1', activityId: '1' }]);
    });

    it('should post the card again marked as a repeat and keep it among the ticket\'s cards', async () => {
      const { handlers, calls, ticket, job } = await setup();
      await handlers['channel-post'](marked(job('channel-post')));
      expect(JSON.stringify(calls[0][1])).toContain(M.cardRepeated);
      expect((await store.tickets.get(ticket.id))!.channelCards).toEqual([{ threadId: '19:laki;messageid=1', activityId: '1', repeat: true }]);
    });

    it('should update every card of the ticket, each as it was posted', async () => {
      const { handlers, calls, ticket, job } = await setup();
      const cards = [{ threadId: '19:laki;messageid=0', activityId: '0' }, { threadId: '19:laki;messageid=1', activityId: '1', repeat: true }];
      await store.tickets.update(ticket.id, (t) => ({ ticket: { ...t, channelThreadId: cards[1].threadId, channelCardActivityId: '1', channelCards: cards } }), NOW);
      await handlers['card-update'](job('card-update'));
      expect(calls.map(([kind, threadId, activityId]) => [kind, threadId, activityId])).toEqual([
        ['update', '19:laki;messageid=0', '0'],
        ['update', '19:laki;messageid=1', '1'],
      ]);
      expect(JSON.stringify(calls[0][3])).not.toContain(M.cardRepeated);
      expect(JSON.stringify(calls[1][3])).toContain(M.cardRepeated);
    });

    it('should never send an asker message again whose outcome is unknown', async () => {
      const { handlers, calls, job } = await setup();
      await expect(handlers['asker-message'](marked(job('asker-message', { notice: 'answered', answer: 'So.' })))).rejects.toThrow(
        new PermanentDeliveryError(HandlerMessage.askerOutcomeUnknown),
      );
      expect(calls).toEqual([]);
    });
  });
});

