/**
 * What the composition root runs around the escalation besides the bot routes: the `/healthz`
 * section of the outbox and the daily ticket retention.
 */
import type { Escalation } from './index';
import type { Logger } from '../logger';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A `/healthz` section (the shape `createServer({ health })` takes). */
export type EscalationHealthReport = { readonly status: 'ok' | 'degraded' } & Record<string, unknown>;

/**
 * The outbox on `/healthz`: job counts by state, failures since start and the configured
 * targets. Failed deliveries make it `degraded` (they need an operator; the bot itself works).
 */
export function escalationHealth(
  escalation: Pick<Escalation, 'worker'>,
  targets: { readonly channel: boolean; readonly email: boolean },
): () => Promise<EscalationHealthReport> {
  return async () => {
    const health = await escalation.worker.health();
    return {
      status: health.jobs.failed > 0 || !health.running ? 'degraded' : 'ok',
      targets,
      worker: health.running ? 'running' : 'stopped',
      jobs: health.jobs,
      failedSinceStart: health.failedSinceStart,
    };
  };
}

export interface TicketRetentionSchedule {
  runNow(): Promise<void>;
  stop(): void;
}

/**
 * Applies `TICKET_RETENTION_DAYS` now and then daily (closed tickets and their jobs; delivered
 * jobs after two weeks). Errors are logged; the timer does not keep Node alive.
 */
export function scheduleTicketRetention(
  escalation: Pick<Escalation, 'applyRetention'>,
  logger: Logger,
  intervalMs = DAY_MS,
): TicketRetentionSchedule {
  const runNow = async () => {
    try {
      const deleted = await escalation.applyRetention();
      logger.info(deleted, 'ticket retention applied');
    } catch (error) {
      logger.error({ err: error }, 'ticket retention failed');
    }
  };
  void runNow();
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
