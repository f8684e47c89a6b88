/**
 * The one place that connects the weekly report card to the editors' draft card: the buttons
 * "Eintrag anlegen" (under a group of unanswered questions) and "Eintrag bearbeiten" (under an
 * entry with negative feedback). Their verbs and payloads belong to the editors' feature.
 *
 * PLACEHOLDER: the editors' contract (verbs, payloads) is not available yet, so the card shows no
 * such buttons rather than buttons that lead nowhere. Replace `undefined` with the editors'
 * actions once their API exists.
 */
import type { ReportEntryActions } from './weeklyReportCard';

export const REPORT_ENTRY_ACTIONS: ReportEntryActions | undefined = undefined;
