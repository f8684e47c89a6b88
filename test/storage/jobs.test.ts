import type { NewJob } from '../../src/escalation/job';
import { describeEachStore, type TestStore } from './storeFactories';
import { newTicket } from './tmpStore';

const NOW = new Date('2026-03-10T09:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describeEachStore('job store', (factory) => {
  let store: TestStore;
  let ticketId: string;
  const job = (dedupeKey: string, extra: Partial<NewJob> = {}): NewJob => ({ kind: 'email', ticketId, dedupeKey, payload: { n: 1 }, ...extra });

  beforeEach(async () => {
    store = await factory.open();
    ticketId = (await store.tickets.create(newTicket(), () => [], NOW)).ticket.id;
  });
  afterEach(() => store.cleanup());

  it('should store a dedupe key once', async () => {
    expect(await store.jobs.enqueue([job('k1'), job('k1'), job('k2')], NOW)).toBe(2);
    expect(await store.jobs.enqueue([job('k1')], NOW)).toBe(0);
    expect((await store.jobs.listByTicket(ticketId)).map((j) => j.dedupeKey)).toEqual(['k1', 'k2']);
  });

  it('should hand a due job to one claimer only, with a lease and a counted attempt', async () => {
    await store.jobs.enqueue([job('now'), job('later', { nextAttemptAt: at(60000) })], NOW);
    const claimed = await store.jobs.claimDue(NOW, 10, 120000);
    expect(claimed.map((j) => [j.dedupeKey, j.state, j.attempts, j.payload])).toEqual([['now', 'running', 1, { n: 1 }]]);
    expect(await store.jobs.claimDue(NOW, 10, 120000)).toEqual([]);
    expect((await store.jobs.claimDue(at(60000), 10, 30000)).map((j) => j.dedupeKey)).toEqual(['later']);
  });

  it('should make a running job due again when its lease runs out', async () => {
    await store.jobs.enqueue([job('k')], NOW);
    await store.jobs.claimDue(NOW, 1, 30000);
    expect(await store.jobs.claimDue(at(29999), 1, 30000)).toEqual([]);
    const again = await store.jobs.claimDue(at(30000), 1, 30000);
    expect(again.map((j) => j.attempts)).toEqual([2]);
  });

  it('should complete, reschedule and fail jobs and count them by state', async () => {
    await store.jobs.enqueue([job('a'), job('b'), job('c'), job('d')], NOW);
    const [a, b, c] = await store.jobs.claimDue(NOW, 3, 30000);
    await store.jobs.complete(a.id, NOW);
    await store.jobs.reschedule(b.id, at(5000), '503 Service Unavailable', NOW);
    await store.jobs.fail(c.id, 'x'.repeat(5000), NOW);
    expect(await store.jobs.countByState()).toEqual({ pending: 2, running: 0, done: 1, failed: 1 });
    expect(await store.jobs.get(b.id)).toMatchObject({ state: 'pending', nextAttemptAt: at(5000), lastError: '503 Service Unavailable' });
    expect((await store.jobs.get(c.id))!.lastError!.length).toBeLessThanOrEqual(2001);
  });

  if (factory.kind === 'sqlite') {
    it('should put running jobs back to pending on start-up', async () => {
      await store.jobs.enqueue([job('a'), job('b', { nextAttemptAt: at(1000) })], NOW);
      await store.jobs.claimDue(at(1000), 2, 600000);
      expect(await store.jobs.requeueRunning(at(2000))).toBe(2);
      expect((await store.jobs.claimDue(at(2000), 10, 1000)).map((j) => j.dedupeKey).sort()).toEqual(['a', 'b']);
    });
  } else {
    it('should leave jobs another instance is running to their lease, also when an instance starts', async () => {
      await store.jobs.enqueue([job('a')], NOW);
      await store.jobs.claimDue(NOW, 1, 600000);
      const starting = await store.reopen();
      expect(await starting.jobs.requeueRunning(at(2000))).toBe(0);
      expect(await starting.jobs.claimDue(at(2000), 10, 1000)).toEqual([]);
      expect((await starting.jobs.claimDue(at(600000), 10, 1000)).map((j) => [j.dedupeKey, j.attempts])).toEqual([['a', 2]]);
      await starting.close();
    });
  }

  it('should claim due jobs in due order', async () => {
    await store.jobs.enqueue([job('third', { nextAttemptAt: at(30) }), job('first', { nextAttemptAt: at(10) }), job('second', { nextAttemptAt: at(20) })], NOW);
    expect((await store.jobs.claimDue(at(30), 10, 1000)).map((j) => j.dedupeKey)).toEqual(['first', 'second', 'third']);
  });

  it('should delete done jobs older than the cut-off only', async () => {
    await store.jobs.enqueue([job('a'), job('b')], NOW);
    const [a] = await store.jobs.claimDue(NOW, 1, 1000);
    await store.jobs.complete(a.id, NOW);
    expect(await store.jobs.deleteDoneBefore(at(1))).toBe(1);
    expect((await store.jobs.listByTicket(ticketId)).map((j) => j.dedupeKey)).toEqual(['b']);
  });

  it('should keep the send marker of an attempt whose process died, and clear it once the outcome is known', async () => {
    await store.jobs.enqueue([job('sent'), job('refused'), job('timed-out'), job('crashed')], NOW);
    const [sent, refused, timedOut, crashed] = await store.jobs.claimDue(NOW, 4, 1000);
    for (const claimed of [sent, refused, timedOut, crashed]) await store.jobs.markSending(claimed.id, at(1));
    await store.jobs.complete(sent.id, at(2));
    await store.jobs.reschedule(refused.id, at(5000), 'HTTP 503', at(2));
    await store.jobs.reschedule(timedOut.id, at(5000), 'timeout', at(2), true);
    expect((await store.jobs.get(sent.id))!.sendStartedAt).toBeUndefined();
    expect((await store.jobs.get(refused.id))!.sendStartedAt).toBeUndefined();
    expect((await store.jobs.get(timedOut.id))!.sendStartedAt).toEqual(at(1));
    // The crashed attempt's lease runs out: claimed again, it still says a send was started.
    const again = await store.jobs.claimDue(at(1000), 10, 1000);
    expect(again.map((j) => [j.dedupeKey, j.sendStartedAt])).toEqual([['crashed', at(1)]]);
  });

  describe('operators\' tools', () => {
    async function failed(key: string): Promise<string> {
      await store.jobs.enqueue([job(key)], NOW);
      const [claimed] = await store.jobs.claimDue(NOW, 1, 1000);
      await store.jobs.markSending(claimed.id, NOW);
      await store.jobs.fail(claimed.id, `HTTP 403 for ${key}`, at(1));
      return claimed.id;
    }

    it('should list jobs by state, newest change first', async () => {
      const first = await failed('f1');
      await store.jobs.enqueue([job('p1')], at(2));
      const second = await failed('f2');
      expect((await store.jobs.list({ states: ['failed'], limit: 10 })).map((j) => j.id)).toEqual(
        expect.arrayContaining([first, second]),
      );
      expect((await store.jobs.list({ states: ['failed'], limit: 10 })).every((j) => j.state === 'failed')).toBe(true);
      expect((await store.jobs.list({ states: ['pending', 'failed'], limit: 10 })).map((j) => j.dedupeKey).sort()).toEqual(['f1', 'f2', 'p1']);
      expect(await store.jobs.list({ limit: 1 })).toHaveLength(1);
      expect((await store.jobs.list({ states: ['failed'], limit: 10 }))[0]).toMatchObject({ lastError: expect.stringMatching(/HTTP 403/) });
    });

    it('should retry one failed job: pending, due now, attempts and marker reset', async () => {
      const id = await failed('f');
      expect(await store.jobs.retryFailed(id, at(100))).toBe(true);
      expect(await store.jobs.get(id)).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: at(100) });
      expect((await store.jobs.get(id))!.sendStartedAt).toBeUndefined();
      expect(await store.jobs.countByState()).toMatchObject({ failed: 0, pending: 1 });
      expect((await store.jobs.claimDue(at(100), 10, 1000)).map((j) => [j.id, j.attempts])).toEqual([[id, 1]]);
    });

    it('should retry only failed jobs, and all of them at once', async () => {
      await failed('a');
      await failed('b');
      await store.jobs.enqueue([job('pending')], NOW);
      const [running] = await store.jobs.claimDue(NOW, 1, 60000);
      expect(await store.jobs.retryFailed(running.id, at(5))).toBe(false);
      expect(await store.jobs.retryFailed('no-such-job', at(5))).toBe(false);
      expect(await store.jobs.retryAllFailed(at(5))).toBe(2);
      expect(await store.jobs.retryAllFailed(at(6))).toBe(0);
      expect(await store.jobs.countByState()).toEqual({ pending: 2, running: 1, done: 0, failed: 0 });
    });

    it('should discard a failed job only', async () => {
      const id = await failed('f');
      await store.jobs.enqueue([job('p')], NOW);
      const pending = (await store.jobs.list({ states: ['pending'], limit: 1 }))[0];
      expect(await store.jobs.discardFailed(pending.id)).toBe(false);
      expect(await store.jobs.discardFailed(id)).toBe(true);
      expect(await store.jobs.discardFailed(id)).toBe(false);
      expect(await store.jobs.get(id)).toBeUndefined();
      expect(await store.tickets.get(ticketId)).toBeDefined();
      expect(await store.jobs.countByState()).toEqual({ pending: 1, running: 0, done: 0, failed: 0 });
    });
  });
});
