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
