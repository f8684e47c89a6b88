/**
 * End to end through the Microsoft 365 Agents Playground: the real server (knowledge base,
 * teams-ai Application, SQLite store) listens on a free port in this process, the Playground
 * runs as a child process against it, and the test types as the Playground's user over the
 * Playground's HTTP API and reads the bot's messages from its WebSocket — the same path a person
 * chatting at http://localhost:56150 takes.
 */
import {
  adaptiveCardIn,
  GENERAL_CHANNEL_ID,
  readableText,
  startPlayground,
  type Playground,
  type PlaygroundMessage,
} from '../helpers/playground';
import { startTestServer, type TestServer } from '../helpers/server';
import { Verb } from '../../src/chat/verbs';

/** Starting the Playground takes a few seconds on a busy 2-core machine. */
jest.setTimeout(120_000);

const LAKI_PHONE = '02931 82 5215';
const LAKI_FAX = '02931 82 5230';

describe('chat through the Agents Playground', () => {
  let service: TestServer;
  let playground: Playground;

  beforeAll(async () => {
    service = await startTestServer();
    playground = await startPlayground({ botEndpoint: `${service.url}/api/messages` });
  });

  afterAll(async () => {
    await playground?.close();
    await service?.close();
  });

  const after = (seq: number) => (message: PlaygroundMessage) => message.seq > seq;

  it('should send the welcome card when the bot is installed in the personal chat', async () => {
    const before = playground.messages().length;
    await playground.install();
    const welcome = await playground.waitForBotMessage(
      (message) => after(before)(message) && adaptiveCardIn(message) !== undefined,
      30_000,
    );
    expect(welcome.conversationId).toBe(playground.personalChatId);
    expect(readableText(welcome)).toMatch(/LaKI/);
  });

  it('should answer a German phone question typed by the user with an answer card holding the number', async () => {
    const sent = await playground.sendAsUser('Unter welcher Nummer kann ich die Koordinierungsstelle anrufen?');
    const answer = await playground.waitForBotMessage(
      (message) => after(sent.seq)(message) && adaptiveCardIn(message) !== undefined,
      30_000,
    );

    expect(answer.action).toBe('createMessage');
    expect(answer.conversationId).toBe(playground.personalChatId);
    const card = adaptiveCardIn(answer);
    expect(card.type).toBe('AdaptiveCard');
    expect(readableText(answer)).toContain(LAKI_PHONE);
    expect(JSON.stringify(card)).toContain('tel:');
  });

  it('should open a related entry\'s answer card when the user clicks its button on the card', async () => {
    const sent = await playground.sendAsUser('Wie erreiche ich die LaKI per Telefon?');
    const answer = await playground.waitForBotMessage(
      (message) => after(sent.seq)(message) && adaptiveCardIn(message) !== undefined,
      30_000,
    );
    const button = findSubmit(adaptiveCardIn(answer), (data) => data.verb === Verb.ShowEntry);
    expect(button).toBeDefined();
    const related = service.knowledge.current().getEntry(String(button!.data.entryId));
    expect(related).toBeDefined();

    const before = playground.messages().length;
    await playground.submitCard(answer, button!.data);
    const opened = await playground.waitForBotMessage(
      (message) => after(before)(message) && adaptiveCardIn(message) !== undefined,
      30_000,
    );
    expect(opened.conversationId).toBe(playground.personalChatId);
    expect(readableText(opened)).toContain(related!.title);
  });

  it('should answer in the General channel thread when @mentioned and ignore posts that do not mention it', async () => {
    await playground.install(GENERAL_CHANNEL_ID);
    const unmentioned = await playground.sendAsUser('Wie lautet die Faxnummer der LaKI?', { conversationId: GENERAL_CHANNEL_ID });
    const mentioned = await playground.sendAsUser('Wie lautet die Faxnummer der LaKI?', {
      conversationId: GENERAL_CHANNEL_ID,
      mentionBot: true,
    });
    expect(mentioned.postConversationId).toMatch(/^team-id;messageid=/);

    const reply = await playground.waitForBotMessage((message) => message.conversationId === mentioned.postConversationId, 30_000);
    expect(readableText(reply)).toContain(LAKI_FAX);
    // The unmentioned post was sent first; the Playground never forwarded it, so nothing answers it.
    expect(playground.messages().filter((message) => message.conversationId === unmentioned.postConversationId)).toEqual([]);
  });
});

/** The first Action.Submit anywhere in a card (body or actions) whose data matches. */
function findSubmit(
  card: unknown,
  accepts: (data: Record<string, unknown>) => boolean,
): { title: string; data: Record<string, unknown> } | undefined {
  let found: { title: string; data: Record<string, unknown> } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Submit' && record.data && typeof record.data === 'object' && accepts(record.data as Record<string, unknown>)) {
      found = { title: String(record.title ?? ''), data: record.data as Record<string, unknown> };
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}
