/**
 * The report's figures over time: questions per day by outcome and the tickets' turnaround.
 * Pure functions shared by `kb:report` and the weekly report card, so both show the same
 * numbers. Days are calendar days in Germany (Europe/Berlin), as the LaKI reads them.
 */
import type { Ticket } from '../../escalation';
import type { StoredQuestionEvent } from '../../questionLog';

/** The time zone the report's days and the weekly schedule are counted in. */
export const REPORT_TIME_ZONE = 'Europe/Berlin';

/** What the bot did with the questions of one day. */
export interface DayOutcomes {
  /** Calendar day in Germany, `YYYY-MM-DD`. */
  readonly day: string;
  /** Answered directly. */
  readonly answered: number;
  /** Offered under "Meinten Sie …". */
  readonly suggested: number;
  /** No answer (declined). */
  readonly declined: number;
}

/** The tickets' side of the report. */
export interface TicketFigures {
  /** Tickets waiting for the LaKI now (open or taken). */
  readonly open: number;
  /** Tickets the LaKI answered in the period. */
  readonly answered: number;
  /** Median time from forwarding to the LaKI's answer, over the tickets answered in the period. */
  readonly medianMsToAnswer?: number;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: REPORT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Germany of a point in time, `YYYY-MM-DD`. */
export function berlinDay(date: Date): string {
  return DAY_FORMAT.format(date);
}

/** The day after `day` (`YYYY-MM-DD`), by the calendar (not 24 hours: DST days are 23 or 25). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The day `days` calendar days after `day` (negative: before). */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The ISO 8601 week of a calendar day (`YYYY-MM-DD`), e.g. `2026-W49`; weeks start on Monday. */
export function isoWeek(day: string): string {
  const thursdayOf = (date: Date) => {
    const result = new Date(date);
    result.setUTCDate(result.getUTCDate() - ((result.getUTCDay() + 6) % 7) + 3);
    return result;
  };
  // The Thursday of a week decides its year; week 1 holds 4 January.
  const thursday = thursdayOf(new Date(`${day}T00:00:00Z`));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.round((thursday.getTime() - thursdayOf(new Date(Date.UTC(year, 0, 4))).getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The start of the calendar day in Germany that contains `date`, as a point in time. Used to cut
 * the weekly report at midnight, so it covers whole days whenever it is made.
 */
export function startOfBerlinDay(date: Date): Date {
  const day = berlinDay(date);
  // Midnight in Berlin is 22:00 (summer time) or 23:00 UTC the day before: the earlier of the two
  // that already lies in `day` is its start.
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const summer = new Date(utcMidnight - 2 * 3_600_000);
  return berlinDay(summer) === day ? summer : new Date(utcMidnight - 3_600_000);
}

/**
 * Questions per day by outcome, one row for every day from `since` up to (not including)
 * `until`, days without questions included (a chart needs the gaps). Only the events that say
 * what the bot did with a question count; choices and feedback are not questions.
 */
export function dailyOutcomes(events: readonly StoredQuestionEvent[], since: Date, until: Date): DayOutcomes[] {
  const rows = new Map<string, { answered: number; suggested: number; declined: number }>();
  const last = berlinDay(new Date(until.getTime() - 1));
  for (let day = berlinDay(since); day <= last; day = nextDay(day)) rows.set(day, { answered: 0, suggested: 0, declined: 0 });
  for (const event of events) {
    if (event.recordedAt < since || event.recordedAt >= until) continue;
    if (event.kind !== 'answered' && event.kind !== 'suggested' && event.kind !== 'declined') continue;
    const row = rows.get(berlinDay(event.recordedAt));
    if (row) row[event.kind]++;
  }
  return [...rows].map(([day, counts]) => ({ day, ...counts }));
}

/** The median of `values` (mean of the two middle ones for an even count); `undefined` when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Ticket figures: `openNow` as counted by the store, and the tickets answered in
 * `[since, until)` with the median time from forwarding to answer.
 */
export function ticketFigures(answeredTickets: readonly Ticket[], openNow: number, since: Date, until: Date): TicketFigures {
  const inPeriod = answeredTickets.filter((ticket) => ticket.answeredAt && ticket.answeredAt >= since && ticket.answeredAt < until);
  const medianMs = median(inPeriod.map((ticket) => ticket.answeredAt!.getTime() - ticket.createdAt.getTime()));
  return { open: openNow, answered: inPeriod.length, ...(medianMs === undefined ? {} : { medianMsToAnswer: medianMs }) };
}
