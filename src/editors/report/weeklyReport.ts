/**
 * The weekly report as the running service makes it: the report model over the store (question
 * log, tickets) and today's knowledge, for the seven calendar days before a given end, rendered
 * as the weekly card. Used by the outbox job that posts it to the LaKI channel and by the
 * "Bericht" command.
 */
import type { Attachment } from 'botbuilder';
import { PermanentDeliveryError, type JobHandler, type ReportPostPayload, type TeamsDelivery } from '../../escalation';
import type { IndexedKnowledgeBase } from '../../knowledge';
import { berlinDay, shiftDay, startOfBerlinDay } from './figures';
import { buildReport, type ReportModel } from './model';
import type { StoreReaders } from '../../storage';
import { weeklyReportCard, type ReportEntryActions } from './weeklyReportCard';

/** Calendar days a weekly report covers. */
export const REPORT_DAYS = 7;

export interface WeeklyReportDeps {
  readonly readers: StoreReaders;
  /** Asked on every report, so a hot reload counts ("inzwischen beantwortet"). */
  readonly knowledge: { current(): IndexedKnowledgeBase };
  /** Open entry drafts from the editors' store; absent: the figure is left out of the card. */
  readonly openDrafts?: () => Promise<number>;
  /** "Eintrag anlegen" / "Eintrag bearbeiten"; absent: the card shows figures only. */
  readonly actions?: ReportEntryActions;
  readonly clock?: () => Date;
}

export interface WeeklyReport {
  /** The report model for the period ending at `until` (exclusive); see {@link periodStart}. */
  model(until: Date): Promise<ReportModel>;
  /** The card for the period ending at `until`. */
  card(until: Date): Promise<Attachment>;
}

/**
 * The first instant of the period that ends at `until`: midnight (Berlin) of the day
 * {@link REPORT_DAYS} − 1 days before the last day the period touches. For a Monday-midnight
 * `until` that is the Monday before (Monday to Sunday); for "now" the last seven days including
 * today.
 */
export function periodStart(until: Date): Date {
  const lastDay = berlinDay(new Date(until.getTime() - 1));
  return startOfBerlinDay(new Date(`${shiftDay(lastDay, -(REPORT_DAYS - 1))}T12:00:00Z`));
}

/** Creates the report maker on the service's stores and knowledge. */
export function createWeeklyReport(deps: WeeklyReportDeps): WeeklyReport {
  const clock = deps.clock ?? (() => new Date());
  async function model(until: Date): Promise<ReportModel> {
    const since = periodStart(until);
    const [events, tickets, openTickets, openDrafts] = await Promise.all([
      deps.readers.questionLog.listSince(since),
      deps.readers.answeredTickets.listAnswered(),
      deps.readers.openTickets.countOpen(),
      deps.openDrafts?.(),
    ]);
    return buildReport({
      events,
      tickets,
      openTickets,
      ...(openDrafts === undefined ? {} : { openDrafts }),
      knowledge: deps.knowledge.current(),
      draftedTickets: new Set(),
      since,
      until,
      now: clock(),
    });
  }
  return {
    model,
    card: async (until) => weeklyReportCard(await model(until), { actions: deps.actions }),
  };
}

/** Developer-facing reason a report job gives up. */
export const REPORT_JOB_BAD_PAYLOAD = 'Report post job with an invalid payload';

/**
 * The outbox handler of `report-post` jobs: renders the report for the job's period and starts a
 * new thread with it in the LaKI channel. Failures are retried by the outbox like ticket posts.
 */
export function reportPostHandler(report: WeeklyReport, teams: Pick<TeamsDelivery, 'postToChannel'>): JobHandler {
  return async (job) => {
    const until = new Date((job.payload as Partial<ReportPostPayload>).until ?? Number.NaN);
    if (Number.isNaN(until.getTime())) throw new PermanentDeliveryError(REPORT_JOB_BAD_PAYLOAD);
    await teams.postToChannel(await report.card(until));
  };
}
