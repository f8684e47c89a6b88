import { Application } from '@microsoft/teams-ai';
import { TestAdapter } from 'botbuilder';
import { eTagConflictMessage } from '../../src/storage/sqlite/botState';
import type { Storage } from 'botbuilder';
import { describeEachStore, type TestStore } from './storeFactories';

describeEachStore('bot state storage', (factory) => {
  let store: TestStore;
  beforeEach(async () => (store = await factory.open()));
  afterEach(() => store.cleanup());

  it('should read back what was written, with an eTag, and nothing for unknown keys', async () => {
    await store.botState.write({ 'conv/1': { draft: { question: 'Frage?' } } });
    const items = await store.botState.read(['conv/1', 'missing']);
    expect(Object.keys(items)).toEqual(['conv/1']);
    expect(items['conv/1']).toMatchObject({ draft: { question: 'Frage?' } });
    expect(typeof items['conv/1'].eTag).toBe('string');
  });

  it('should survive closing and reopening the database', async () => {
    await store.botState.write({ 'conv/1': { step: 'confirm' } });
    await store.close();
    const reopened = await store.reopen();
    expect((await reopened.botState.read(['conv/1']))['conv/1']).toMatchObject({ step: 'confirm' });
    await reopened.close();
  });

  it('should refuse a write with a stale eTag and accept the current one or "*"', async () => {
    await store.botState.write({ k: { n: 1 } });
    const first = (await store.botState.read(['k'])).k;
    await store.botState.write({ k: { ...first, n: 2 } });
    await expect(store.botState.write({ k: { ...first, n: 3 } })).rejects.toThrow(eTagConflictMessage('k'));
    const current = (await store.botState.read(['k'])).k;
    expect(current.n).toBe(2);
    await store.botState.write({ k: { ...current, n: 4 } });
    await store.botState.write({ k: { n: 5, eTag: '*' } });
    expect((await store.botState.read(['k'])).k.n).toBe(5);
  });

  it('should apply all changes of one write or none', async () => {
    await store.botState.write({ a: { n: 1 } });
    const a = (await store.botState.read(['a'])).a;
    await store.botState.write({ a: { n: 2 } });
    await expect(store.botState.write({ b: { n: 1 }, a: { ...a, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect(await store.botState.read(['b'])).toEqual({});
  });

  it('should let only one of two writers with the same eTag win', async () => {
    await store.botState.write({ k: { n: 1 } });
    const other = await store.reopen();
    const seen = (await store.botState.read(['k'])).k;
    const results = await Promise.allSettled([
      store.botState.write({ k: { ...seen, n: 2 } }),
      other.botState.write({ k: { ...seen, n: 3 } }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0].status === 'fulfilled' ? 2 : 3;
    expect((await other.botState.read(['k'])).k.n).toBe(winner);
    await other.close();
  });

  it('should delete items', async () => {
    await store.botState.write({ a: { n: 1 }, b: { n: 2 } });
    await store.botState.delete(['a', 'never-written']);
    expect(Object.keys(await store.botState.read(['a', 'b']))).toEqual(['b']);
  });
});

describeEachStore('bot state with a teams-ai Application', (factory) => {
  it('should keep conversation state across a restart', async () => {
    const store = await factory.open();
    const countingApp = (storage: Storage) => {
      const app = new Application({ storage });
      app.message(/.*/, async (context, state) => {
        const conversation = state.conversation as { count?: number };
        const count = (conversation.count ?? 0) + 1;
        conversation.count = count;
        await context.sendActivity(`count ${count}`);
      });
      return new TestAdapter((context) => app.run(context).then(() => undefined));
    };

    await countingApp(store.botState).send('eins').assertReply('count 1').send('zwei').assertReply('count 2');
    await store.close();
    const reopened = await store.reopen();
    await countingApp(reopened.botState).send('drei').assertReply('count 3');
    await reopened.close();
    await store.cleanup();
  });
});
