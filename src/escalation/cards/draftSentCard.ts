/**
 * Replaces the draft card once its question went to LaKI: what was sent, the ticket number, what
 * happens next, and no buttons left to press again. It is the asker's confirmation (a text
 * confirmation follows only when the card cannot be replaced). A pure function.
 */
import type { Attachment } from 'botbuilder';
import { adaptiveCardAttachment, heading, paragraph, escapeMarkdown, plainTextBlock } from '../../cards';
import { EscalationMessages as M } from '../messages';
import type { Ticket } from '../ticket';

/** Renders the sent draft for `ticket`. */
export function draftSentCard(ticket: Pick<Ticket, 'number' | 'question' | 'kommune'>): Attachment {
  return adaptiveCardAttachment(
    [
      heading(M.draftSentTitle(ticket.number)),
      paragraph(M.draftQuestionLabel, { isSubtle: true, spacing: 'Medium' }),
      plainTextBlock(ticket.question, { italic: true }),
      // The value as LaKI sees it on the ticket card; the draft's "(optional)" label belongs to the form.
      ...(ticket.kommune ? [{ type: 'FactSet', facts: [{ title: M.cardKommuneLabel, value: escapeMarkdown(ticket.kommune) }] }] : []),
      paragraph(M.draftSentHint, { isSubtle: true, spacing: 'Medium' }),
    ],
    [],
    M.draftSentTitle(ticket.number),
  );
}
