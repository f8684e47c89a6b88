/** "Meine Fragen": the asker's tickets with number, status and date. A pure function. */
import type { Attachment } from 'botbuilder';
import { adaptiveCardAttachment, heading, paragraph, type CardElement, plainTextBlock } from '../../cards';
import { EscalationMessages as M, formatGermanDateTime } from '../messages';
import { singleLine } from '../text';
import type { Ticket } from '../ticket';

/** How much of each question the list shows. */
export const MY_TICKETS_QUESTION_LENGTH = 120;

/** Renders the list (newest first, as given). */
export function myTicketsCard(tickets: readonly Ticket[]): Attachment {
  const body: CardElement[] = [heading(M.myTicketsTitle)];
  if (tickets.length === 0) body.push(paragraph(M.myTicketsEmpty));
  for (const ticket of tickets) {
    body.push(
      paragraph(`**${ticket.number}** · ${M.status[ticket.status]} · ${formatGermanDateTime(ticket.createdAt)}`, { spacing: 'Medium', separator: true }),
      plainTextBlock(singleLine(ticket.question, MY_TICKETS_QUESTION_LENGTH)),
    );
  }
  return adaptiveCardAttachment(body, [], M.myTicketsTitle);
}
