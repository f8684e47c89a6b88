/**
 * The weekly report card in the LaKI channel, wired: the report maker, its outbox job handler,
 * the schedule and the "Bericht" command. The composition root creates them when the LaKI
 * channel is configured.
 */
export { createWeeklyReport, reportPostHandler, periodStart, REPORT_DAYS, type WeeklyReport, type WeeklyReportDeps } from './weeklyReport';
export { createWeeklyReportSchedule, weeklyReportJob, latestOccurrence, DEFAULT_REPORT_SCHEDULE, type WeeklyReportSchedule } from './schedule';
export { createWeeklyReportExtension, REPORT_COMMAND_PATTERN } from './extension';
export { weeklyReportCard, type ReportEntryActions, type WeeklyReportCardOptions } from './weeklyReportCard';
export { REPORT_ENTRY_ACTIONS, entryActionsFrom, type EditorActionBuilders } from './entryActions';
export { WeeklyReportText } from './weeklyMessages';
