/**
 * When the weekly report goes out: a cron schedule (croner) in German time that enqueues one
 * `report-post` outbox job per ISO week. The job's dedupe key is the week, so two instances on
 * one PostgreSQL database, a restart, or the catch-up at start never post the same week twice;
 * the outbox retries the post until Teams accepts it.
 */
import { Cron } from 'croner';
import { DedupeKey, type JobStore, type NewJob, type ReportPostPayload } from '../../escalation';
import { berlinDay, isoWeek, REPORT_TIME_ZONE, startOfBerlinDay } from './figures';

/** Default schedule: Mondays at 08:00 German time. */
export const DEFAULT_REPORT_SCHEDULE = '0 8 * * 1';

/**
 * The job for the report due at `occurrence`: it covers the seven days before that day's midnight
 * and is keyed by the occurrence's ISO week.
 */
export function weeklyReportJob(occurrence: Date): NewJob {
  const payload: ReportPostPayload = { until: startOfBerlinDay(occurrence).toISOString() };
  return { kind: 'report-post', dedupeKey: DedupeKey.weeklyReport(isoWeek(berlinDay(occurrence))), payload: { ...payload } };
}

/**
 * The latest time at or before `now` the schedule fired (or would have), looking back one week;
 * `undefined` when it has not fired in that time.
 */
export function latestOccurrence(pattern: string, now: Date): Date | undefined {
  const cron = new Cron(pattern, { paused: true, timezone: REPORT_TIME_ZONE });
  let latest: Date | undefined;
  let next = cron.nextRun(new Date(now.getTime() - 7 * 86_400_000));
  while (next && next <= now) {
    latest = next;
    next = cron.nextRun(next);
  }
  return latest;
}

/** The logging the schedule needs (pino-compatible). */
export interface ScheduleLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WeeklyReportScheduleDeps {
  readonly pattern: string;
  readonly jobs: Pick<JobStore, 'enqueue'>;
  /** Asks the outbox worker to look for due jobs now (`worker.wake`). */
  readonly wake: () => void;
  readonly logger: ScheduleLogger;
  readonly clock?: () => Date;
}

export interface WeeklyReportSchedule {
  /**
   * Enqueues the report due at `occurrence` (default: now); resolves to true when this call
   * stored the job, false when the week's report was already enqueued (by anyone).
   */
  enqueue(occurrence?: Date): Promise<boolean>;
  /**
   * Catches up a report the schedule missed this week while no instance ran (e.g. a deploy at
   * Monday 08:00), then keeps firing. Resolves once the catch-up is stored.
   */
  start(): Promise<void>;
  stop(): void;
}

/** Creates the schedule; nothing fires until `start()`. */
export function createWeeklyReportSchedule(deps: WeeklyReportScheduleDeps): WeeklyReportSchedule {
  const clock = deps.clock ?? (() => new Date());
  let cron: Cron | undefined;

  async function enqueue(occurrence: Date = clock()): Promise<boolean> {
    const job = weeklyReportJob(occurrence);
    const inserted = await deps.jobs.enqueue([job], clock());
    deps.logger.info({ dedupeKey: job.dedupeKey, enqueued: inserted > 0 }, inserted > 0 ? 'weekly report enqueued' : 'weekly report already enqueued');
    if (inserted > 0) deps.wake();
    return inserted > 0;
  }

  async function safely(occurrence?: Date): Promise<void> {
    try {
      await enqueue(occurrence);
    } catch (error) {
      deps.logger.error({ err: error }, 'weekly report could not be enqueued');
    }
  }

  return {
    enqueue,
    async start() {
      if (cron) return;
      const now = clock();
      const missed = latestOccurrence(deps.pattern, now);
      // Only this week's report: last week's was due before the current week began.
      if (missed && isoWeek(berlinDay(missed)) === isoWeek(berlinDay(now))) await safely(missed);
      cron = new Cron(deps.pattern, { timezone: REPORT_TIME_ZONE, unref: true, protect: true }, () => safely());
    },
    stop() {
      cron?.stop();
      cron = undefined;
    },
  };
}
