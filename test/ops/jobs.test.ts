/**
 * `npm run jobs`: the operators' tool for failed deliveries. The command runs against both
 * stores (contract), recovers a degraded /healthz section in a running escalation back end, and
 * works as the real CLI process on the service's SQLite file.
 */
import { join } from 'node:path';
import { escalationHealth } from '../../src/escalation';
import type { NewJob } from '../../src/escalation/job';
import { SQLITE_FILE_NAME } from '../../src/storage/sqlite';
import { JobsUsageError, runJobsCommand } from '../../scripts/ops/jobsCommand';
import { startConnector, type Connector } from '../helpers/connector';
import { ROOT } from '../helpers/service';
import { askerDraft, startHarness, type Harness } from '../escalation/escalationHarness';
import { waitFor } from '../escalation/waitFor';
import { describeEachStore, type TestStore } from '../storage/storeFactories';
import { newTicket, tmpDir } from '../storage/tmpStore';
import { runScript } from './runScript';

const cli = (args: string[], env: Record<string, string>, cwd: string) => runScript('scripts/jobs.ts', args, env, cwd);

jest.setTimeout(120_000);

const NOW = new Date('2026-03-10T09:00:00Z');

describeEachStore('npm run jobs (command)', (factory) => {
  let store: TestStore;
  let output: string[];
  let ticketNumber: string;
  let ticketId: string;
  const run = (...args: string[]) => runJobsCommand(args, { jobs: store.jobs, tickets: store.tickets, now: () => NOW, print: (line) => output.push(line) });

  async function failedJob(key: string, error = 'PermanentDeliveryError: Teams: HTTP 403 BotNotInConversationRoster'): Promise<string> {
    const job: NewJob = { kind: 'channel-post', ticketId, dedupeKey: key };
    await store.jobs.enqueue([job], NOW);
    const [claimed] = await store.jobs.claimDue(NOW, 1, 1000);
    await store.jobs.fail(claimed.id, error, NOW);
    return claimed.id;
  }

  beforeEach(async () => {
    store = await factory.open();
    output = [];
    const { ticket } = await store.tickets.create(newTicket(), () => [], NOW);
    [ticketNumber, ticketId] = [ticket.number, ticket.id];
  });
  afterEach(() => store.cleanup());

  it('should list failed jobs with their ticket number and error, and the counts', async () => {
    const id = await failedJob('a');
    await store.jobs.enqueue([{ kind: 'email', ticketId, dedupeKey: 'b' }], NOW);
    expect(await run('list', '--state', 'failed')).toBe(0);
    expect(output[0]).toBe('Jobs: 1 pending, 0 running, 0 done, 1 failed');
    expect(output).toHaveLength(2);
    expect(output[1]).toContain(id);
    expect(output[1]).toContain(ticketNumber);
    expect(output[1]).toContain('HTTP 403 BotNotInConversationRoster');
    output = [];
    expect(await run()).toBe(0);
    expect(output).toHaveLength(3);
  });

  it('should retry one failed job by a unique id prefix and leave others failed', async () => {
    const first = await failedJob('a');
    await failedJob('b');
    expect(await run('retry', first.slice(0, 13))).toBe(0);
    expect(output.at(-1)).toContain(`Job ${first} (channel-post) requeued`);
    expect(await store.jobs.countByState()).toMatchObject({ pending: 1, failed: 1 });
    expect(await store.jobs.get(first)).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: NOW });
  });

  it('should retry every failed job with --all', async () => {
    await failedJob('a');
    await failedJob('b');
    expect(await run('retry', '--all')).toBe(0);
    expect(output.at(-1)).toBe('2 failed job(s) requeued; the service delivers them at its next poll.');
    expect(await store.jobs.countByState()).toMatchObject({ pending: 2, failed: 0 });
  });

  it('should discard a failed job and keep its ticket', async () => {
    const id = await failedJob('a');
    expect(await run('discard', id)).toBe(0);
    expect(await store.jobs.get(id)).toBeUndefined();
    expect(await store.tickets.get(ticketId)).toBeDefined();
  });

  it('should refuse to touch a job that is not failed, an unknown id and a short prefix', async () => {
    await store.jobs.enqueue([{ kind: 'email', ticketId, dedupeKey: 'p' }], NOW);
    const [pending] = await store.jobs.list({ limit: 1 });
    expect(await run('retry', pending.id)).toBe(1);
    expect(output.at(-1)).toContain('is pending, not failed');
    expect(await run('discard', pending.id)).toBe(1);
    expect(await run('retry', 'no-such-job-id')).toBe(1);
    expect(output.at(-1)).toBe('No job no-such-job-id.');
    expect(await run('discard', pending.id.slice(0, 4))).toBe(1);
    expect(await store.jobs.countByState()).toMatchObject({ pending: 1 });
  });

  it.each([[['frobnicate']], [['retry']], [['list', '--state', 'lost']], [['list', '--limit', '0']], [['discard', '--all']]])(
    'should answer %j with the usage text',
    async (args) => {
      await expect(run(...args)).rejects.toThrow(JobsUsageError);
    },
  );
});

describe('failed deliveries and /healthz', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let harness: Harness;
  let dataDir: string;

  beforeEach(async () => {
    dir = tmpDir();
    dataDir = join(dir.dir, 'data');
    connector = await startConnector();
    harness = startHarness({ file: join(dataDir, SQLITE_FILE_NAME), connector });
  });
  afterEach(async () => {
    await harness.close();
    await connector.close();
    dir.cleanup();
  });

  /** A ticket whose channel post Teams refuses with 403 (the app is not installed in the LaKI team). */
  async function failedChannelPost(): Promise<string> {
    connector.failNext('create', { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'not installed' } } });
    const result = await harness.escalation.service.escalate(askerDraft(connector, { idempotencyKey: `draft-${Math.random()}` }));
    if (result.outcome === 'rate-limited') throw new Error('rate limited');
    await harness.escalation.worker.start();
    await waitFor(async () => (await harness.store.jobs.countByState()).failed === 1, 20_000);
    return result.ticket.id;
  }

  const health = () => escalationHealth(harness.escalation, { channel: true, email: false })();
  const run = (...args: string[]) => runJobsCommand(args, { jobs: harness.store.jobs, tickets: harness.store.tickets, print: () => undefined });

  it('should recover from degraded once the failed job is retried and delivered', async () => {
    const ticketId = await failedChannelPost();
    expect(await health()).toMatchObject({ status: 'degraded', jobs: { failed: 1 } });
    // The operator installs the app in the team, then retries: Teams now accepts the post.
    expect(await run('retry', '--all')).toBe(0);
    await waitFor(async () => (await harness.store.tickets.get(ticketId))?.channelCardActivityId !== undefined, 20_000);
    await waitFor(async () => (await health()).status === 'ok', 20_000);
    expect(await health()).toMatchObject({ status: 'ok', jobs: { failed: 0, done: 1 } });
    expect(connector.requests.filter((r) => r.operation === 'create').map((r) => r.status)).toEqual([403, 200]);
  });

  it('should recover from degraded once the failed job is discarded', async () => {
    await failedChannelPost();
    const [failed] = await harness.store.jobs.list({ states: ['failed'], limit: 1 });
    expect(await run('discard', failed.id)).toBe(0);
    expect(await health()).toMatchObject({ status: 'ok', jobs: { failed: 0 } });
  });

  it('should work as the real CLI process on the service\'s SQLite file while the service runs', async () => {
    const ticketId = await failedChannelPost();
    const [failed] = await harness.store.jobs.list({ states: ['failed'], limit: 1 });
    const env = { DATA_DIR: dataDir, KNOWLEDGE_DIR: join(ROOT, 'knowledge') };
    const listed = await cli(['list'], env, dir.dir);
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stdout).toContain(failed.id);
    expect(listed.stdout).toContain('HTTP 403 not installed');
    const retried = await cli(['retry', failed.id.slice(0, 8)], env, dir.dir);
    expect(retried).toMatchObject({ code: 0 });
    // The retry only queues the job again (health is "ok" from then on): the running service's
    // worker delivers it a moment later.
    await waitFor(async () => (await harness.store.tickets.get(ticketId))?.channelCardActivityId !== undefined, 20_000);
    await waitFor(async () => (await health()).status === 'ok', 20_000);
    expect(await health()).toMatchObject({ status: 'ok', jobs: { failed: 0 } });
    expect(await cli(['retry'], env, dir.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run jobs') });
  });
});
