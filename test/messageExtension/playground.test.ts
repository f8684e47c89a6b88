/**
 * The search message extension through the Microsoft 365 Agents Playground, which emulates
 * Teams' compose-box search: the test asks the Playground (as its user, in its group chat and
 * in a channel) to run `searchKnowledge`, the Playground sends the `composeExtension/query`
 * invoke to our real server and hands back the bot's `composeExtension` result.
 */
import { startPlayground, type Playground } from '../helpers/playground';
import { searchValue, startSearchServer, titlesOf, type ComposeExtensionResult, type SearchServer } from './harness';

/** Starting the Playground takes a few seconds on a busy 2-core machine. */
jest.setTimeout(120_000);

describe('search message extension in the Agents Playground', () => {
  let service: SearchServer;
  let playground: Playground;

  beforeAll(async () => {
    service = await startSearchServer();
    playground = await startPlayground({ botEndpoint: `${service.url}/api/messages` });
  });

  afterAll(async () => {
    await playground?.close();
    await service?.close();
  });

  /** Runs the search as the Playground's current user in `conversationId`. */
  async function searchIn(conversationId: string, value: unknown): Promise<ComposeExtensionResult> {
    const response = await fetch(`${playground.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'composeExtension/query',
        value,
        from: { id: playground.config.currentUser.id },
        conversation: { id: conversationId },
      }),
    });
    const body = (await response.json()) as { composeExtension: ComposeExtensionResult };
    expect(response.status).toBe(200);
    return body.composeExtension;
  }

  it('should list the main topics when the search opens in a group chat', async () => {
    const groupChat = playground.config.groupChats[0];
    expect(groupChat).toBeDefined();
    const result = await searchIn(groupChat.id, searchValue(undefined, { initialRun: true }));
    expect(result.type).toBe('result');
    expect(titlesOf(result)).toContain('Handlungsfelder der Kommunalen Integrationszentren');
  });

  it('should find the phone number in a channel and offer the answer card to insert', async () => {
    const channel = playground.config.teams[0].channels[0];
    const result = await searchIn(channel.id, searchValue('Telefon LaKI'));
    expect(titlesOf(result)[0]).toBe('Telefonnummer der LaKI');
    const card = result.attachments![0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card.content)).toContain('02931 82 5215');
  });

  it('should answer with the "Keine Treffer" message in the personal chat', async () => {
    const result = await searchIn(playground.personalChatId, searchValue('Wetter morgen in Paris'));
    expect(result.type).toBe('message');
    expect(result.text).toMatch(/^Keine Treffer/);
  });
});
