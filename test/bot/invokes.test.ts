/**
 * Invokes the bot has no route for, over the real Bot Framework HTTP protocol (the real server,
 * the real teams-ai Application with the search extension, local mode). Before, botbuilder
 * answered them with HTTP 501 and no body.
 */
import { CardActionMessages, InvokeErrorCode } from '../../src/chat';
import { startSearchServer, type SearchServer } from '../messageExtension/harness';

let service: SearchServer;

beforeAll(async () => {
  service = await startSearchServer();
});

afterAll(() => service.close());

async function invoke(name: string, value: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name,
      id: `invoke-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: 'user-1', name: 'Erika Mustermann', aadObjectId: 'aad-1' },
      recipient: { id: 'bot-1', name: 'LaKI-Assistent' },
      conversation: { id: 'personal-1', conversationType: 'personal' },
      value,
    }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('adaptiveCard/action the bot cannot handle', () => {
  it.each([
    ['a junk value', 'junk'],
    ['no value', null],
    ['an empty object', {}],
    ['an unknown verb', { action: { type: 'Action.Execute', verb: 'nonsense', data: {} } }],
    ['a verb that is not a string', { action: { type: 'Action.Execute', verb: 42 } }],
    ['a huge verb', { action: { type: 'Action.Execute', verb: 'x'.repeat(10_000) } }],
  ])('should answer %s with the Universal Actions error Teams shows', async (_case, value) => {
    const { status, body } = await invoke('adaptiveCard/action', value);
    expect(status).toBe(200);
    expect(body).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: CardActionMessages.invalidExecute },
    });
  });
});

describe('other invokes the bot does not declare', () => {
  it.each(['composeExtension/selectItem', 'composeExtension/queryLink', 'composeExtension/fetchTask', 'task/fetch', 'made/up'])(
    'should answer %s with 400 and a reason',
    async (name) => {
      const { status, body } = await invoke(name, { anything: true });
      expect(status).toBe(400);
      expect(body.error.code).toBe(InvokeErrorCode.UnsupportedInvoke);
      expect(body.error.message).toContain(name);
    },
  );

  it.each([
    ['parameters that are not a list', { commandId: 'searchKnowledge', parameters: 'x' }],
    ['a junk value', 'junk'],
    ['an unknown command', { commandId: 'other', parameters: [] }],
    ['negative paging', { commandId: 'searchKnowledge', parameters: [], queryOptions: { skip: -1 } }],
  ])('should answer a composeExtension/query with %s with 400, never 5xx', async (_case, value) => {
    const { status, body } = await invoke('composeExtension/query', value);
    expect(status).toBe(400);
    expect(body.error.message).toEqual(expect.any(String));
  });
});
