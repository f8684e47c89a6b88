/**
 * The editors' tools around the knowledge base, apart from the answering path: the check
 * (`npm run kb:check`), the JSON schemas for their editor, the leave-one-out robustness run,
 * and the report with drafts from answered tickets (`npm run kb:report`, `kb:draft`).
 */
export { checkKnowledge, DRAFTS_DIR } from './check';
export type { CheckOptions, CheckResult, Finding, Severity } from './check';
export { countFindings, formatCheckResult } from './checkFormat';
export { CheckMessages } from './checkMessages';
export { generateJsonSchemas, SCHEMA_DIR, serializeJsonSchema } from './jsonSchemas';
export { leaveOneOut } from './robustness';
export type { RobustnessOutcome } from './robustness';
export { renderCsvFiles } from './report/csv';
export { draftFileName, draftFromTicket, entryIdFor, isoDay } from './report/draft';
export { renderMarkdown } from './report/markdown';
export { DraftText, ReportText } from './report/messages';
export { buildReport } from './report/model';
export type { ReportModel } from './report/model';
export {
  createWeeklyReport,
  createWeeklyReportExtension,
  createWeeklyReportSchedule,
  entryActionsFrom,
  REPORT_ENTRY_ACTIONS,
  reportPostHandler,
  weeklyReportCard,
  WeeklyReportText,
} from './report/index';
export type { ReportEntryActions, WeeklyReport, WeeklyReportSchedule } from './report/index';

// The editors' workflow in Teams (issue 10): drafts, review, publish/undo, sync, the bot extension.
export { createEditors } from './runtime';
export type { Editors, EditorsDeps } from './runtime';
export { createEditorsExtension, EDIT_ENTRY_PATTERN, NEW_ENTRY_PATTERN } from './extension';
export type { EditorsExtensionDeps } from './extension';
export { createEditorService } from './service';
export type { EditorService, PublishOutcome, UndoOutcome } from './service';
export { createKnowledgeSync, DEFAULT_SYNC_INTERVAL_MS } from './sync';
export type { KnowledgeSync, SyncHealth, SyncResult } from './sync';
export { seedKnowledgeDir } from './seed';
export { formatHistory } from './history';
export { ExportText } from './exportText';
export { entryHash, printEntry } from './entryYaml';
// Buttons other features put on their cards to open the draft card (see EDITORS_API.md).
export { editEntryAction, EditorVerb, newEntryAction } from '../chat';
