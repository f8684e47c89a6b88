/**
 * The operators' delivery-job tool behind `npm run jobs`: list jobs, retry one or every failed
 * job, discard a failed job. A pure command over the {@link JobStore} and {@link TicketStore}
 * interfaces, so it works the same on SQLite and PostgreSQL and tests run it in process.
 *
 * Retrying while the service runs is safe: the job becomes pending and due now, and the
 * service's outbox (any instance) claims it at its next poll, as it claims every job.
 */
import { JOB_STATES, type Job, type JobState } from '../../src/escalation/job';
import type { JobStore, TicketStore } from '../../src/storage/types';

/** Thrown for wrong arguments; the message is the usage text (exit code 2). */
export class JobsUsageError extends Error {
  override readonly name = 'JobsUsageError';
}

/** Shortest job-id prefix accepted in place of the whole id. */
export const MIN_ID_PREFIX = 8;

export const JOBS_USAGE = [
  'Usage: npm run jobs -- <command>',
  '  list [--state pending|running|done|failed|all] [--limit N]   jobs, newest change first (default: all but done, 50)',
  '  retry <job-id>            a failed job becomes pending and is delivered at the next poll (attempts reset)',
  '  retry --all               every failed job',
  '  discard <job-id>          delete a failed job (its ticket stays); for deliveries that must not be made any more',
  `Job ids may be shortened to a unique prefix of at least ${MIN_ID_PREFIX} characters.`,
  'The store is the one the service uses: DATABASE_URL when set, else DATA_DIR/laki-assistent.sqlite.',
].join('\n');

export interface JobsCommandDeps {
  readonly jobs: JobStore;
  readonly tickets: Pick<TicketStore, 'get'>;
  readonly now?: () => Date;
  /** Where lines go (default: console.log). */
  readonly print?: (line: string) => void;
}

/** Runs one command; resolves to the process exit code (0 done, 1 nothing matched). */
export async function runJobsCommand(args: readonly string[], deps: JobsCommandDeps): Promise<number> {
  const print = deps.print ?? ((line: string) => console.log(line));
  const now = deps.now ?? (() => new Date());
  const [command = 'list', ...rest] = args;
  switch (command) {
    case 'list':
      return list(rest, deps, print);
    case 'retry': {
      if (rest.length !== 1) throw new JobsUsageError(JOBS_USAGE);
      if (rest[0] === '--all') {
        const count = await deps.jobs.retryAllFailed(now());
        print(`${count} failed job(s) requeued; the service delivers them at its next poll.`);
        return 0;
      }
      const job = await failedJob(rest[0], deps.jobs, print);
      if (!job) return 1;
      if (!(await deps.jobs.retryFailed(job.id, now()))) {
        print(`Job ${job.id} is no longer failed; nothing changed.`);
        return 1;
      }
      print(`Job ${job.id} (${job.kind}) requeued; the service delivers it at its next poll.`);
      return 0;
    }
    case 'discard': {
      if (rest.length !== 1 || rest[0].startsWith('--')) throw new JobsUsageError(JOBS_USAGE);
      const job = await failedJob(rest[0], deps.jobs, print);
      if (!job) return 1;
      if (!(await deps.jobs.discardFailed(job.id))) {
        print(`Job ${job.id} is no longer failed; nothing changed.`);
        return 1;
      }
      print(`Job ${job.id} (${job.kind}) discarded; it will not be delivered.`);
      return 0;
    }
    default:
      throw new JobsUsageError(JOBS_USAGE);
  }
}

async function list(args: readonly string[], deps: JobsCommandDeps, print: (line: string) => void): Promise<number> {
  let states: readonly JobState[] | undefined = ['pending', 'running', 'failed'];
  let limit = 50;
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--state' && value === 'all') states = undefined;
    else if (flag === '--state' && JOB_STATES.includes(value as JobState)) states = [value as JobState];
    else if (flag === '--limit' && /^[1-9]\d{0,5}$/.test(value ?? '')) limit = Number(value);
    else throw new JobsUsageError(JOBS_USAGE);
    i += 1;
  }
  const counts = await deps.jobs.countByState();
  print(`Jobs: ${JOB_STATES.map((state) => `${counts[state]} ${state}`).join(', ')}`);
  const jobs = await deps.jobs.list({ states, limit });
  if (jobs.length === 0) {
    print(`No ${states ? states.join('/') : ''} jobs.`.replace('No  jobs', 'No jobs'));
    return 0;
  }
  for (const job of jobs) {
    // Jobs about no ticket (the weekly report post) have no ticket id.
    const ticket = job.ticketId ? await deps.tickets.get(job.ticketId) : undefined;
    print(describeJob(job, job.ticketId ? (ticket?.number ?? '(ticket deleted)') : '(no ticket)'));
  }
  return 0;
}

/** One job on one line: what an operator needs to decide whether to retry or discard it. */
export function describeJob(job: Job, ticketNumber: string): string {
  const parts = [
    job.id,
    job.state.padEnd(7),
    job.kind.padEnd(13),
    ticketNumber,
    `attempts ${job.attempts}`,
    `changed ${job.updatedAt.toISOString()}`,
    ...(job.state === 'pending' ? [`next ${job.nextAttemptAt.toISOString()}`] : []),
    ...(job.sendStartedAt ? [`send started ${job.sendStartedAt.toISOString()}`] : []),
    ...(job.lastError ? [`error: ${job.lastError.replace(/\s+/g, ' ').slice(0, 200)}`] : []),
  ];
  return parts.join('  ');
}

/** The failed job `idOrPrefix` names, or undefined (with a line saying why). */
async function failedJob(idOrPrefix: string, jobs: JobStore, print: (line: string) => void): Promise<Job | undefined> {
  const exact = await jobs.get(idOrPrefix);
  const candidates = exact
    ? [exact]
    : idOrPrefix.length >= MIN_ID_PREFIX
      ? (await jobs.list({ limit: 100_000 })).filter((job) => job.id.startsWith(idOrPrefix))
      : [];
  if (candidates.length === 0) {
    print(`No job ${idOrPrefix}.`);
    return undefined;
  }
  if (candidates.length > 1) {
    print(`${idOrPrefix} matches ${candidates.length} jobs; give more of the id.`);
    return undefined;
  }
  const [job] = candidates;
  if (job.state !== 'failed') {
    print(`Job ${job.id} is ${job.state}, not failed; only failed jobs are retried or discarded.`);
    return undefined;
  }
  return job;
}
