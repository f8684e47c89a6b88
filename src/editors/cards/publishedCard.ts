/**
 * What replaces the draft card once it is published ("veröffentlicht von … am …" with
 * "Rückgängig"), undone, or discarded. Pure functions.
 */
import type { Attachment } from 'botbuilder';
import { adaptiveCardAttachment, heading, paragraph, submitAction } from '../../cards';
import { escapeMarkdown } from '../../cards';
import type { KnowledgeRevision } from '../../storage';
import { EditorMessages as M, germanDateTime } from '../../chat';
import { EditorVerb, editEntryAction } from '../../chat';

/** The published entry with who and when, and "Rückgängig". */
export function publishedCard(revision: KnowledgeRevision, notice?: string): Attachment {
  const body = [
    heading(escapeMarkdown(M.published(revision.title))),
    paragraph(escapeMarkdown(M.publishedBy(revision.actor.name, germanDateTime(revision.at))), { isSubtle: true }),
    ...(notice ? [paragraph(escapeMarkdown(notice), { color: 'Attention' })] : []),
  ];
  return adaptiveCardAttachment(body, [submitAction(M.actionUndo, { verb: EditorVerb.Undo, seq: revision.seq })], M.published(revision.title));
}

/** After "Rückgängig": what the entry is now; an entry that still exists can be edited again. */
export function undoneCard(revision: KnowledgeRevision): Attachment {
  const when = germanDateTime(revision.at);
  const text = revision.after ? M.undone(revision.title, revision.actor.name, when) : M.undoneRemoved(revision.title, revision.actor.name, when);
  return adaptiveCardAttachment([paragraph(escapeMarkdown(text))], revision.after ? [editEntryAction(revision.entryId)] : [], text);
}

/** A discarded draft. */
export function discardedCard(): Attachment {
  return adaptiveCardAttachment([paragraph(M.discarded, { isSubtle: true })], [], M.discarded);
}
