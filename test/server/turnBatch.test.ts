import { AsyncLocalStorage } from 'node:async_hooks';
import { MAX_TURN_BATCH, turnBatches } from '../../src/server/turnBatch';

describe('turnBatches', () => {
  it('should do the work of one turn in one batch, in arrival order, before any promise settles', async () => {
    const events: string[] = [];
    const run = turnBatches((item: number) => {
      events.push(`work ${item}`);
      return item * 10;
    });
    const results = [1, 2, 3].map((item) => run(item).then((result) => events.push(`settled ${result}`)));
    expect(events).toEqual([]);
    await Promise.all(results);
    expect(events).toEqual(['work 1', 'work 2', 'work 3', 'settled 10', 'settled 20', 'settled 30']);
  });

  it('should split more than MAX_TURN_BATCH items of a turn over the following turns', async () => {
    const events: string[] = [];
    const run = turnBatches((item: number) => {
      events.push('work');
      return item;
    });
    const items = [...Array(MAX_TURN_BATCH + 6).keys()];
    const results = await Promise.all(items.map((item) => run(item).then((result) => (events.push('settled'), result))));
    expect(results).toEqual(items);
    // Run lengths: a batch's work, then its answers, then the next batch.
    const runs = events.reduce<Array<[string, number]>>((all, event) => {
      const last = all[all.length - 1];
      if (last?.[0] === event) last[1] += 1;
      else all.push([event, 1]);
      return all;
    }, []);
    expect(runs).toEqual([['work', MAX_TURN_BATCH], ['settled', MAX_TURN_BATCH], ['work', 6], ['settled', 6]]);
  });

  it('should reject only the item whose work throws', async () => {
    const run = turnBatches((item: string) => {
      if (item === 'bad') throw new Error('bug');
      return item.toUpperCase();
    });
    const outcomes = await Promise.allSettled([run('a'), run('bad'), run('b')]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('bug') },
      { status: 'fulfilled', value: 'B' },
    ]);
  });

  it('should do each item\'s work in the async context of its own request', async () => {
    const context = new AsyncLocalStorage<string>();
    const run = turnBatches((item: string) => `${item} in ${context.getStore() ?? 'no context'}`);
    const results = await Promise.all(['a', 'b', 'c'].map((item) => context.run(`request ${item}`, () => run(item))));
    expect(results).toEqual(['a in request a', 'b in request b', 'c in request c']);
  });
});
