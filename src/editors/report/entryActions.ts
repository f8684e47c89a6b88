/**
 * The one place that connects the weekly report card to the editors' entry draft card: the
 * buttons "Eintrag anlegen" (under a group of unanswered questions, pre-filled with its questions)
 * and "Eintrag bearbeiten" (under an entry with negative feedback). Their verbs and payloads
 * belong to the editors' feature (contract: `newEntryAction(questions)` and
 * `editEntryAction(entryId)` from the chat vocabulary, see EDITORS_API.md); the editors' bot
 * extension answers them in the LaKI channel.
 */
import type { CardAction } from '../../cards';
import { editEntryAction, newEntryAction } from '../../chat';
import type { ReportEntryActions } from './weeklyReportCard';

/** The editors' button builders, as their contract defines them. */
export interface EditorActionBuilders {
  newEntryAction(questions: readonly string[], title?: string): CardAction;
  editEntryAction(entryId: string, title?: string): CardAction;
}

/** The report card's buttons from the editors' builders. */
export function entryActionsFrom(builders: EditorActionBuilders): ReportEntryActions {
  return {
    createEntry: (group) => builders.newEntryAction(group.questions),
    editEntry: (item) => builders.editEntryAction(item.entryId),
  };
}

/** The report card's "Eintrag anlegen" / "Eintrag bearbeiten" buttons. */
export const REPORT_ENTRY_ACTIONS: ReportEntryActions | undefined = entryActionsFrom({ newEntryAction, editEntryAction });
