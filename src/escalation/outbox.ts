/**
 * The outbox worker: runs persisted delivery jobs until each succeeds or is marked failed.
 * Delivery is at least once; handlers are written to be safe to repeat, and dedupe keys keep a
 * second job for the same message from being stored at all.
 */
import { AsyncResource } from 'node:async_hooks';
import type { JobCounts, JobStore } from './store';
import { EscalationErrorMessage, PermanentDeliveryError, RetryableError } from './errors';
import type { Job, JobKind } from './job';
import type { Logger } from '../logger';

/** Delivers one job. Throw {@link RetryableError} (with Retry-After) or {@link PermanentDeliveryError}. */
export type JobHandler = (job: Job) => Promise<void>;
/** One handler per job kind; a job of a kind without a handler fails for good (and shows on /healthz). */
export type JobHandlers = Readonly<Partial<Record<JobKind, JobHandler>>>;

/** Exponential backoff: `baseMs * factor^(attempt-1)`, capped at `maxMs`, ± `jitter` (0 … 1). */
export interface Backoff {
  readonly baseMs: number;
  readonly factor: number;
  readonly maxMs: number;
  readonly jitter: number;
}

export interface OutboxOptions {
  readonly pollIntervalMs: number;
  /** Jobs claimed per poll; they run one after another, in due order. */
  readonly batchSize: number;
  /** How long a claimed job stays reserved; a killed process's jobs are due again after it. */
  readonly leaseMs: number;
  /**
   * A handler still busy after this long is treated as a retryable failure, so one hung
   * connection cannot stall the worker. Keep it well below `leaseMs`.
   */
  readonly handlerTimeoutMs: number;
  /** After this many attempts a job is marked failed. */
  readonly maxAttempts: number;
  /** Longest wait a Retry-After header may impose. */
  readonly maxRetryAfterMs: number;
  readonly backoff: Backoff;
}

/** Defaults: eight attempts spread over roughly eight minutes, then the job is failed. */
export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = Object.freeze({
  pollIntervalMs: 1000,
  batchSize: 10,
  leaseMs: 5 * 60 * 1000,
  handlerTimeoutMs: 90 * 1000,
  maxAttempts: 8,
  maxRetryAfterMs: 60 * 60 * 1000,
  backoff: Object.freeze({ baseMs: 2000, factor: 2, maxMs: 5 * 60 * 1000, jitter: 0.2 }),
});

/** What /healthz shows about deliveries. */
export interface OutboxHealth {
  readonly jobs: JobCounts;
  /** Jobs this process marked failed since it started. */
  readonly failedSinceStart: number;
  readonly running: boolean;
}

export interface OutboxWorker {
  /** Requeues jobs a killed process left running (single-instance store), then polls. */
  start(): Promise<void>;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
  /** Asks for a poll soon (after enqueuing), without waiting for the interval. */
  wake(): void;
  /** Claims and runs one batch of due jobs now; resolves to the number run. For tests and tools. */
  runDue(): Promise<number>;
  health(): Promise<OutboxHealth>;
}

export interface OutboxWorkerDeps {
  readonly jobs: JobStore;
  readonly handlers: JobHandlers;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Random source for jitter, 0 ≤ x < 1; tests pass a constant. */
  readonly random?: () => number;
  readonly options?: Partial<Omit<OutboxOptions, 'backoff'>> & { backoff?: Partial<Backoff> };
  /** When false, `start()` leaves running jobs to lease expiry (several instances on one store). */
  readonly requeueOnStart?: boolean;
}

/** The delay before attempt `attempt + 1`, after `attempt` failed attempts (1-based). */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * backoff.factor ** Math.max(0, attempt - 1));
  const spread = exponential * backoff.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(exponential + spread));
}

/** Developer-facing message of a handler that took longer than `handlerTimeoutMs`. */
export const handlerTimeoutMessage = (ms: number) => `Delivery handler did not finish within ${ms} ms`;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RetryableError(handlerTimeoutMessage(ms), undefined, { outcomeUnknown: true })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Creates the worker; nothing runs until `start()` or `runDue()`. */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const clock = deps.clock ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const options: OutboxOptions = {
    ...DEFAULT_OUTBOX_OPTIONS,
    ...deps.options,
    backoff: { ...DEFAULT_OUTBOX_OPTIONS.backoff, ...deps.options?.backoff },
  };
  const log = deps.logger;
  let failedSinceStart = 0;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<unknown> = Promise.resolve();
  let again = false;
  let inFlight = false;
  // Polls run in the context the worker was created in, not in that of the bot turn whose
  // `wake()` scheduled them, so delivery log lines never carry a stranger's request or turn id.
  const scope = new AsyncResource('OutboxWorker');

  async function runJob(job: Job): Promise<void> {
    const handler = deps.handlers[job.kind];
    const context = { jobId: job.id, kind: job.kind, ticketId: job.ticketId, attempt: job.attempts };
    try {
      if (!handler) throw new PermanentDeliveryError(EscalationErrorMessage.noHandler(job.kind));
      await withTimeout(handler(job), options.handlerTimeoutMs);
      await deps.jobs.complete(job.id, clock());
      log.info(context, 'delivery job done');
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const permanent = error instanceof PermanentDeliveryError;
      if (permanent || job.attempts >= options.maxAttempts) {
        await deps.jobs.fail(job.id, message, clock());
        failedSinceStart += 1;
        log.error({ ...context, err: message, permanent }, 'delivery job failed for good');
        return;
      }
      const retryAfter = error instanceof RetryableError ? error.retryAfterMs : undefined;
      const delay =
        retryAfter !== undefined
          ? Math.min(retryAfter, options.maxRetryAfterMs)
          : backoffDelay(job.attempts, options.backoff, random);
      const next = new Date(clock().getTime() + delay);
      // A send that may have arrived keeps its marker: the next attempt knows it is a repeat.
      const outcomeUnknown = error instanceof RetryableError && error.outcomeUnknown;
      await deps.jobs.reschedule(job.id, next, message, clock(), outcomeUnknown);
      log.warn({ ...context, err: message, retryInMs: delay }, 'delivery job will be retried');
    }
  }

  async function runDue(): Promise<number> {
    const batch = await deps.jobs.claimDue(clock(), options.batchSize, options.leaseMs);
    for (const job of batch) await runJob(job);
    return batch.length;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(() => scope.runInAsyncScope(poll), delayMs);
    timer.unref?.();
  }

  function poll(): void {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    again = false;
    current = runDue()
      .catch((error: unknown) => log.error({ err: String(error) }, 'outbox poll failed'))
      .then((count) => {
        inFlight = false;
        schedule(again || count === options.batchSize ? 0 : options.pollIntervalMs);
      });
  }

  return {
    async start() {
      if (running) return;
      if (deps.requeueOnStart !== false) {
        const requeued = await deps.jobs.requeueRunning(clock());
        if (requeued > 0) log.warn({ requeued }, 'outbox: resumed jobs left running by a previous process');
      }
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
    wake() {
      if (inFlight) again = true;
      else scope.runInAsyncScope(() => schedule(0));
    },
    runDue,
    async health() {
      return { jobs: await deps.jobs.countByState(), failedSinceStart, running };
    },
  };
}
