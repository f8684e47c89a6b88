/**
 * The search message extension over the real Bot Framework HTTP protocol: the real server
 * (createServer) with the real teams-ai Application and the real knowledge base, in local mode.
 * Each test POSTs a `composeExtension/query` invoke to /api/messages and reads the invoke
 * response Teams would get in the HTTP response body.
 */
import { Messages } from '../../src/chat/messages';
import { SEARCH_COMMAND, SearchErrorCode, SearchMessages } from '../../src/messageExtension';
import { mainTopics } from '../../src/knowledge';
import { searchValue, startSearchServer, titlesOf, type ComposeExtensionResult, type SearchServer } from './harness';

interface QueryResponse {
  composeExtension: ComposeExtensionResult;
}

let service: SearchServer;
let url: string;

beforeAll(async () => {
  service = await startSearchServer();
  url = service.url;
});

afterAll(async () => {
  await service.close();
});

/** A composeExtension/query invoke as Teams sends it from the compose box of a group chat. */
function queryInvoke(value: unknown): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: `invoke-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    // Invoke responses travel in the HTTP response; nothing is sent to this address.
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'user-1', name: 'Erika Mustermann' },
    recipient: { id: 'bot-1', name: 'LaKI-Assistent' },
    conversation: { id: 'group-chat-1', conversationType: 'groupChat', isGroup: true },
    value,
  };
}

async function invoke(value: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(queryInvoke(value)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function search(query: string | undefined, options: { initialRun?: boolean } = {}) {
  const { status, body } = await invoke(searchValue(query, options));
  expect(status).toBe(200);
  return (body as QueryResponse).composeExtension;
}

describe('search message extension over /api/messages', () => {
  it('should list the phone entry first, with preview and the full answer card, for "Telefonnummer LaKI"', async () => {
    const result = await search('Telefonnummer LaKI');
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    const titles = titlesOf(result);
    expect(titles[0]).toBe('Telefonnummer der LaKI');
    // Several results: neighbours such as the fax number are listed too.
    expect(titles).toContain('Faxnummer der LaKI');
    expect(titles.length).toBeGreaterThan(1);

    const first = result.attachments![0];
    expect(first.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first.preview.content.text).toContain('02931 82 5215');
    expect(first.preview.content.text).not.toMatch(/\*\*/);
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(first.content);
    expect(card).toContain('tel:+49293182');
    expect(card).toContain('Telefonnummer der LaKI');
  });

  it('should insert the answer card without buttons that need the bot (feedback, related entries)', async () => {
    const result = await search('Telefonnummer LaKI');
    const card = result.attachments![0].content;
    const json = JSON.stringify(card);
    expect(json).not.toContain('Action.Submit');
    expect(json).not.toContain('Action.Execute');
    expect(json).not.toContain(`"${Messages.answerHelpfulQuestion}"`);
    // The contact buttons (call, mail, web) stay: they work in any chat.
    expect(json).toContain('Action.OpenUrl');
    expect(json).toContain(Messages.contactCall);
  });

  it('should find the entry despite a typo ("Rucksak")', async () => {
    const result = await search('Rucksak');
    expect(result.type).toBe('result');
    expect(titlesOf(result)[0]).toBe('Das Programm Rucksack-Kita');
  });

  it('should list several entries for a broad term ("Kita")', async () => {
    const titles = titlesOf(await search('Kita'));
    expect(titles.length).toBeGreaterThanOrEqual(3);
    expect(titles).toContain('Das Programm Rucksack-Kita');
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('should show the main topics, one per category, for the initial run', async () => {
    const result = await search(undefined, { initialRun: true });
    expect(result.type).toBe('result');
    const expected = mainTopics(service.kb).map((entry) => entry.title);
    expect(titlesOf(result)).toEqual(expected);
    expect(new Set(service.kb.entries.map((entry) => entry.category)).size).toBe(expected.length);
    expect(titlesOf(result)).toContain('Handlungsfelder der Kommunalen Integrationszentren');
    expect(result.attachments![0].preview.content.subtitle).toMatch(/^Thema: /);
  });

  it('should show the main topics for a blank query', async () => {
    const result = await search('   ');
    expect(titlesOf(result)).toEqual(mainTopics(service.kb).map((entry) => entry.title));
  });

  it('should answer "Keine Treffer" as a message for a query without hits', async () => {
    const result = await search('Wetter morgen in Paris');
    expect(result).toEqual({ type: 'message', text: SearchMessages.noHits });
  });

  it('should page the results with queryOptions skip and count', async () => {
    const all = titlesOf(await search(undefined, { initialRun: true }));
    const { body } = await invoke({ ...searchValue(undefined, { initialRun: true }), queryOptions: { skip: 2, count: 3 } });
    expect(titlesOf((body as QueryResponse).composeExtension)).toEqual(all.slice(2, 5));
  });

  it('should answer an over-long query with a German message', async () => {
    const result = await search('Kita '.repeat(300));
    expect(result).toEqual({ type: 'message', text: SearchMessages.queryTooLong });
  });

  it.each([
    ['no value', undefined, SearchErrorCode.InvalidQuery],
    ['a string value', 'Kita', SearchErrorCode.InvalidQuery],
    ['parameters that are not a list', { commandId: SEARCH_COMMAND, parameters: { query: 'Kita' } }, SearchErrorCode.InvalidQuery],
    ['a parameter without a name', { commandId: SEARCH_COMMAND, parameters: [{ value: 'Kita' }] }, SearchErrorCode.InvalidQuery],
    ['an object as query', { commandId: SEARCH_COMMAND, parameters: [{ name: 'query', value: { $gt: '' } }] }, SearchErrorCode.InvalidQuery],
    ['a negative skip', { ...searchValue('Kita'), queryOptions: { skip: -1, count: 5 } }, SearchErrorCode.InvalidQuery],
    ['an unknown command', { commandId: 'deleteEverything', parameters: [] }, SearchErrorCode.UnknownCommand],
  ])('should reject an invoke with %s with a 400 and a reason, and keep serving', async (_name, value, code) => {
    const { status, body } = await invoke(value);
    expect(status).toBe(400);
    expect((body as { error: { code: string; message: string } }).error.code).toBe(code);
    expect((body as { error: { message: string } }).error.message.length).toBeGreaterThan(10);

    const after = await search('Telefonnummer LaKI');
    expect(titlesOf(after)[0]).toBe('Telefonnummer der LaKI');
  });

  it('should not have logged a failed turn', () => {
    expect(service.logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });
});
