/**
 * The bot over the real Bot Framework HTTP protocol: createAdapter() in local mode behind a
 * minimal restify endpoint, replies delivered to a local connector. Checks what the TestAdapter
 * cannot: that createApp installs its error handler on the real adapter.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { createAdapter } from '../../src/bot/adapter';
import { createApp } from '../../src/bot/app';
import { Messages } from '../../src/chat/messages';
import { createKnowledgeHolder, loadKnowledgeBase } from '../../src/knowledge';
import type { KnowledgeBase } from '../../src/knowledge/types';
import { singlePartMessage } from '../../src/knowledge/message';
import { startConnector, type Connector } from '../helpers/connector';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';

interface Bot {
  url: string;
  logger: RecordingLogger;
  close(): Promise<void>;
}

async function startBot(knowledge: { current(): KnowledgeBase }): Promise<Bot> {
  const logger = new RecordingLogger();
  const adapter = createAdapter({});
  const app = createApp({ knowledge, questionLog: new MemoryQuestionLog(), logger, adapter });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    logger,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function activity(connector: Connector, text: string) {
  return {
    type: 'message',
    id: `incoming-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: 'user-1', name: 'Erika Mustermann' },
    recipient: { id: 'bot-1', name: 'LaKI-Assistent' },
    conversation: { id: 'personal-chat-1', conversationType: 'personal' },
    text,
  };
}

async function post(bot: Bot, body: unknown): Promise<number> {
  const response = await fetch(bot.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

describe('createApp over HTTP with a local connector', () => {
  let connector: Connector;
  const bots: Bot[] = [];

  beforeEach(async () => {
    connector = await startConnector();
  });

  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.close()));
    await connector.close();
  });

  it('should reply to the incoming activity with typing and then the answer card', async () => {
    // The editors' real knowledge on purpose: the reply is a real answer card.
    const bot = await startBot(createKnowledgeHolder(await loadKnowledgeBase('knowledge')));
    bots.push(bot);
    const incoming = activity(connector, 'Wie ist die Telefonnummer der LaKI?');
    expect(await post(bot, incoming)).toBe(200);
    const replies = connector.requests.filter((request) => request.operation === 'reply');
    expect(replies.map((request) => request.body.type)).toEqual(['typing', 'message']);
    expect(replies.every((request) => request.activityId === incoming.id && request.conversationId === 'personal-chat-1')).toBe(true);
    const card = replies[1].body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.fallbackText).toContain('02931 82 5215');
  });

  it('should update the rated answer card in place through the connector', async () => {
    const bot = await startBot(createKnowledgeHolder(await loadKnowledgeBase('knowledge')));
    bots.push(bot);
    const click = {
      ...activity(connector, ''),
      text: undefined,
      replyToId: 'card-activity-7',
      value: { verb: 'feedback', entryId: 'laki-telefon', helpful: true, question: 'Telefonnummer?' },
    };
    expect(await post(bot, click)).toBe(200);
    const update = await connector.waitFor((request) => request.operation === 'update');
    expect(update.activityId).toBe('card-activity-7');
    expect(JSON.stringify(update.body.attachments[0].content)).toContain(Messages.feedbackThanks);
    expect(connector.requests.filter((request) => request.operation === 'reply')).toEqual([]);
  });

  it('should send the German error text through the connector when a route throws', async () => {
    const broken: KnowledgeBase = {
      entries: [],
      loadedAt: new Date(0),
      getEntry: () => undefined,
      match: () => {
        throw new Error('index corrupted');
      },
      matchMessage(text: string) {
        return singlePartMessage(text, this.match(text));
      },
    };
    const bot = await startBot({ current: () => broken });
    bots.push(bot);
    await post(bot, activity(connector, 'Telefonnummer'));
    const messages = connector.activities().filter((body) => body.type === 'message');
    expect(messages.map((body) => body.text)).toEqual([Messages.turnError]);
    expect(bot.logger.records).toContainEqual(expect.objectContaining({ level: 'error', msg: 'bot turn failed' }));
  });
});
