import type { Attachment } from 'botbuilder';
import { RetryableError } from '../../src/escalation/errors';
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
});
