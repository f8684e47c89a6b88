import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Attachment } from 'botbuilder';
import { PermanentDeliveryError, RetryableError } from '../../src/escalation/errors';
import { createTeamsDelivery, NO_CHANNEL_CONFIGURED } from '../../src/escalation/teamsChannel';
import { startConnector, type Connector } from '../helpers/connector';

const CHANNEL = { channelId: '19:laki@thread.tacv2', tenantId: 'tenant-nrw' };
const CARD: Attachment = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [] } };

describe('createTeamsDelivery against a local connector', () => {
  let connector: Connector;
  let adapter: CloudAdapter;
  beforeEach(async () => {
    connector = await startConnector();
    adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  });
  afterEach(() => connector.close());

  const delivery = () => createTeamsDelivery({ adapter, botAppId: '', channel: { ...CHANNEL, serviceUrl: connector.url } });

  it('should post a new thread to the channel with channel and tenant, and return its ids', async () => {
    const posted = await delivery().postToChannel(CARD);
    const [request] = connector.requests;
    expect(request.operation).toBe('create');
    expect(request.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: CHANNEL.channelId }, tenant: { id: CHANNEL.tenantId } },
      activity: { type: 'message', attachments: [CARD] },
    });
    expect(posted).toEqual({ threadId: `${CHANNEL.channelId};messageid=activity-1`, activityId: 'activity-1' });
  });

  it('should update the card in place', async () => {
    await delivery().updateCard(`${CHANNEL.channelId};messageid=77`, '77', CARD);
    const [request] = connector.requests;
    expect([request.operation, request.method, request.conversationId, request.activityId]).toEqual(['update', 'PUT', `${CHANNEL.channelId};messageid=77`, '77']);
    expect(request.body).toMatchObject({ id: '77', attachments: [CARD] });
  });

  it('should send a proactive message to the asker\'s conversation', async () => {
    const reference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: 'a:erika', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: '28:bot', name: 'Bot' }, user: { id: '29:erika', name: 'Erika' } };
    const id = await delivery().sendToAsker(reference, CARD);
    expect(id).toBe('activity-1');
    // botbuilder posts a proactive message as a reply to the continuation activity: either route is a delivery.
    expect(connector.requests.map((r) => r.conversationId)).toEqual(['a:erika']);
    expect(connector.activities()).toEqual([expect.objectContaining({ type: 'message', attachments: [CARD] })]);
  });

  it.each([
    [429, 7, RetryableError, 7000],
    [503, undefined, RetryableError, undefined],
    [500, 2, RetryableError, 2000],
    [400, undefined, PermanentDeliveryError, undefined],
    [403, undefined, PermanentDeliveryError, undefined],
  ])('should map HTTP %i (Retry-After %s) to %p without retrying inside the SDK', async (status, retryAfter, type, retryAfterMs) => {
    connector.failNext('create', { status, retryAfter });
    const error = await delivery().postToChannel(CARD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    if (error instanceof RetryableError) expect(error.retryAfterMs).toBe(retryAfterMs);
    if (error instanceof RetryableError) expect(error.outcomeUnknown).toBe(false);
    expect(connector.requests).toHaveLength(1);
  });

  it('should call the outcome unknown when the connection breaks after the request was sent, or a gateway times out', async () => {
    // A server that reads the whole request and then drops the connection: the post may exist.
    const dropping = createServer((request) => {
      request.resume();
      request.on('end', () => request.socket.destroy());
    });
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = dropping.address() as AddressInfo;
      const broken = createTeamsDelivery({ adapter, botAppId: '', channel: { ...CHANNEL, serviceUrl: `http://127.0.0.1:${port}/` } });
      const error = await broken.postToChannel(CARD).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryableError);
      expect((error as RetryableError).outcomeUnknown).toBe(true);
    } finally {
      dropping.close();
    }

    connector.failNext('create', { status: 504 });
    const timedOut = await delivery().postToChannel(CARD).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(RetryableError);
    expect((timedOut as RetryableError).outcomeUnknown).toBe(true);
  });

  it('should report an unreachable connector as retryable, and as not delivered', async () => {
    await connector.close();
    const error = await delivery().updateCard('c', '1', CARD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).outcomeUnknown).toBe(false);
    connector = await startConnector();
  });

  it('should not let an adapter error handler swallow a failed delivery', async () => {
    const swallowed: unknown[] = [];
    adapter.onTurnError = async (_context, error) => void swallowed.push(error);
    connector.failNext('update', { status: 503 });
    await expect(delivery().updateCard('c', '1', CARD)).rejects.toThrow(RetryableError);
    expect(swallowed).toEqual([]);
  });

  it('should refuse channel delivery when no channel is configured', async () => {
    const noChannel = createTeamsDelivery({ adapter, botAppId: '' });
    await expect(noChannel.postToChannel(CARD)).rejects.toThrow(new PermanentDeliveryError(NO_CHANNEL_CONFIGURED));
  });
});
