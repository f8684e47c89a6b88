/**
 * Applies the question log's retention (`QUESTION_LOG_RETENTION_DAYS`) at start and then once a
 * day, so questions are not kept longer than the editors need them (privacy).
 */
import type { QuestionLogRetention } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuestionLogRetentionDeps {
  readonly questionLog: QuestionLogRetention;
  readonly retentionDays: number;
  readonly logger: { info(details: object, message: string): void; error(details: object, message: string): void };
  readonly clock?: () => Date;
  /** Time between runs; default one day. */
  readonly intervalMs?: number;
}

export interface RetentionSchedule {
  /** Deletes what is past retention now; resolves to the number of events deleted (0 on error). */
  runNow(): Promise<number>;
  stop(): void;
}

/** Runs the retention once right away, then every `intervalMs`. The timer does not keep Node alive. */
export function scheduleQuestionLogRetention(deps: QuestionLogRetentionDeps): RetentionSchedule {
  const clock = deps.clock ?? (() => new Date());
  const runNow = async (): Promise<number> => {
    const before = new Date(clock().getTime() - deps.retentionDays * DAY_MS);
    try {
      const deleted = await deps.questionLog.deleteOlderThan(before);
      deps.logger.info({ deleted, before: before.toISOString(), retentionDays: deps.retentionDays }, 'question log retention applied');
      return deleted;
    } catch (error) {
      deps.logger.error({ err: error }, 'question log retention failed');
      return 0;
    }
  };
  void runNow();
  const timer = setInterval(() => void runNow(), deps.intervalMs ?? DAY_MS);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
