import { PermanentDeliveryError, RetryableError } from '../../src/escalation/errors';
import type { Job, JobKind } from '../../src/escalation/job';
import { backoffDelay, createOutboxWorker, DEFAULT_OUTBOX_OPTIONS, handlerTimeoutMessage, type JobHandler } from '../../src/escalation/outbox';
import { openSqliteStore } from '../../src/storage/sqlite';
import { newTicket, tmpStore } from '../storage/tmpStore';
import { recordingLogger } from './recordingLogger';
import { waitFor } from './waitFor';

const START = new Date('2026-03-10T09:00:00Z');

describe('backoffDelay', () => {
  const backoff = { baseMs: 1000, factor: 2, maxMs: 10000, jitter: 0.5 };
  it.each([
    [1, 0.5, 1000],
    [2, 0.5, 2000],
    [4, 0.5, 8000],
    [5, 0.5, 10000],
    [9, 0.5, 10000],
    [1, 0, 500],
    [3, 0.75, 5000],
  ])('should wait after attempt %i (random %f) %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, backoff, () => random)).toBe(expected);
  });
});

describe('createOutboxWorker', () => {
  let store: ReturnType<typeof tmpStore>;
  let now: Date;
  let ticketId: string;
  const clock = () => now;
  const calls: Job[] = [];

  function handlers(run: JobHandler) {
    const recordAndRun: JobHandler = async (job) => {
      calls.push(job);
      await run(job);
    };
    return Object.fromEntries((['channel-post', 'card-update', 'email', 'asker-message'] as JobKind[]).map((kind) => [kind, recordAndRun])) as Record<JobKind, JobHandler>;
  }

  async function enqueue(dedupeKey = 'k', kind: JobKind = 'email') {
    await store.jobs.enqueue([{ kind, ticketId, dedupeKey }], now);
    return (await store.jobs.listByTicket(ticketId)).find((job) => job.dedupeKey === dedupeKey)!;
  }

  beforeEach(async () => {
    calls.length = 0;
    now = START;
    store = tmpStore();
    ticketId = (await store.tickets.create(newTicket(), () => [], now)).ticket.id;
  });
  afterEach(() => store.cleanup());

  it('should run a due job once and mark it done', async () => {
    const logger = recordingLogger();
    const worker = createOutboxWorker({ jobs: store.jobs, handlers: handlers(async () => {}), logger, clock });
    const job = await enqueue();
    expect(await worker.runDue()).toBe(1);
    expect(await worker.runDue()).toBe(0);
    expect(calls.map((call) => call.id)).toEqual([job.id]);
    expect((await store.jobs.get(job.id))!.state).toBe('done');
  });

  it('should retry a failed job with exponential backoff', async () => {
    const logger = recordingLogger();
    const worker = createOutboxWorker({
      jobs: store.jobs,
      handlers: handlers(async () => {
        throw new Error('ECONNREFUSED');
      }),
      logger,
      clock,
      random: () => 0.5,
      options: { backoff: { baseMs: 1000, factor: 3 } },
    });
    const job = await enqueue();
    await worker.runDue();
    expect(await store.jobs.get(job.id)).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: new Date(START.getTime() + 1000), lastError: 'Error: ECONNREFUSED' });
    now = new Date(START.getTime() + 999);
    expect(await worker.runDue()).toBe(0);
    now = new Date(START.getTime() + 1000);
    await worker.runDue();
    expect(await store.jobs.get(job.id)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(now.getTime() + 3000) });
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2);
  });

  it('should honour Retry-After of a retryable error', async () => {
    const worker = createOutboxWorker({
      jobs: store.jobs,
      handlers: handlers(async () => {
        throw new RetryableError('429 Too Many Requests', 7000);
      }),
      logger: recordingLogger(),
      clock,
    });
    const job = await enqueue();
    await worker.runDue();
    expect((await store.jobs.get(job.id))!.nextAttemptAt).toEqual(new Date(START.getTime() + 7000));
  });

  it('should mark a job failed after the last attempt, log an error and count it', async () => {
    const logger = recordingLogger();
    const worker = createOutboxWorker({
      jobs: store.jobs,
      handlers: handlers(async () => {
        throw new Error('still down');
      }),
      logger,
      clock,
      options: { maxAttempts: 3 },
    });
    const job = await enqueue();
    for (let i = 0; i < 3; i += 1) {
      await worker.runDue();
      now = new Date(now.getTime() + 3600000);
    }
    expect(calls).toHaveLength(3);
    expect(await store.jobs.get(job.id)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(logger.lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual(['delivery job failed for good']);
    expect(await worker.health()).toEqual({ jobs: { pending: 0, running: 0, done: 0, failed: 1 }, failedSinceStart: 1, running: false });
  });

  it('should fail a job at once on a permanent error', async () => {
    const worker = createOutboxWorker({
      jobs: store.jobs,
      handlers: handlers(async () => {
        throw new PermanentDeliveryError('403 Forbidden');
      }),
      logger: recordingLogger(),
      clock,
    });
    const job = await enqueue();
    await worker.runDue();
    expect(await store.jobs.get(job.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'PermanentDeliveryError: 403 Forbidden' });
  });

  it('should resume a job left running by a killed process, exactly once', async () => {
    const job = await enqueue();
    // The "killed" process claimed the job and died before finishing it.
    await store.jobs.claimDue(now, 10, DEFAULT_OUTBOX_OPTIONS.leaseMs);
    await store.close();

    const reopened = openSqliteStore({ file: store.file });
    const logger = recordingLogger();
    const worker = createOutboxWorker({ jobs: reopened.jobs, handlers: handlers(async () => {}), logger, clock });
    await worker.start();
    await waitFor(async () => (await reopened.jobs.get(job.id))!.state === 'done');
    await worker.stop();
    expect(calls.map((call) => call.id)).toEqual([job.id]);
    expect(logger.lines.some((line) => line.message.startsWith('outbox: resumed jobs'))).toBe(true);
    await reopened.close();
  });

  it('should poll on its own after start and run newly enqueued jobs when woken', async () => {
    const worker = createOutboxWorker({
      jobs: store.jobs,
      handlers: handlers(async () => {}),
      logger: recordingLogger(),
      options: { pollIntervalMs: 60000 },
    });
    now = new Date();
    await worker.start();
    await enqueue('a');
    worker.wake();
    await waitFor(async () => calls.length === 1);
    await worker.stop();
    expect((await worker.health()).jobs.done).toBe(1);
  });
});

describe('createOutboxWorker with a hung handler', () => {
  it('should give up on the attempt after the handler timeout and retry later', async () => {
    const store = tmpStore();
    const now = new Date('2026-03-10T09:00:00Z');
    const ticketId = (await store.tickets.create(newTicket(), () => [], now)).ticket.id;
    await store.jobs.enqueue([{ kind: 'email', ticketId, dedupeKey: 'k' }], now);
    const hung: JobHandler = async (job) => {
      await store.jobs.markSending(job.id, now);
      await new Promise<void>(() => undefined);
    };
    const worker = createOutboxWorker({
      jobs: store.jobs,
      handlers: { 'channel-post': hung, 'card-update': hung, email: hung, 'asker-message': hung },
      logger: recordingLogger(),
      clock: () => now,
      options: { handlerTimeoutMs: 50 },
    });
    await worker.runDue();
    const [job] = await store.jobs.listByTicket(ticketId);
    expect(job).toMatchObject({ state: 'pending', attempts: 1, lastError: `RetryableError: ${handlerTimeoutMessage(50)}` });
    // The message may have left before the timeout: the next attempt knows its outcome is unknown.
    expect(job.sendStartedAt).toEqual(now);
    await store.cleanup();
  });
});
