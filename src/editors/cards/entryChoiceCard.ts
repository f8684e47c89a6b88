/** "Eintrag bearbeiten …" matched several entries: one row per entry opens its draft card. */
import type { Attachment } from 'botbuilder';
import { adaptiveCardAttachment, choiceList, heading } from '../../cards';
import { EditorMessages as M } from '../../chat';
import { EditorVerb } from '../../chat';

export function entryChoiceCard(entries: ReadonlyArray<{ readonly id: string; readonly title: string }>): Attachment {
  return adaptiveCardAttachment(
    [heading(M.editChoose), choiceList(entries.map((entry) => ({ title: entry.title, data: { verb: EditorVerb.EditEntry, entryId: entry.id } })))],
    [],
    M.editChoose,
  );
}
