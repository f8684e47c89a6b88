/**
 * "Meine Fragen": the asker's tickets with number, status and date; an answered ticket opens its
 * answer in place with one click (Action.ToggleVisibility, no round trip to the bot). A pure function.
 */
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
    if (ticket.answer) body.push(...answerToggle(ticket, ticket.answer));
  }
  return adaptiveCardAttachment(body, [], M.myTicketsTitle);
}

/** A button "Antwort zu … anzeigen" and the hidden answer it shows (LaKI's text, not Markdown). */
function answerToggle(ticket: Ticket, answer: string): CardElement[] {
  const id = `answer-${ticket.id}`;
  return [
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.ToggleVisibility', title: M.myTicketsShowAnswer(ticket.number), targetElements: [id] }],
    },
    {
      type: 'Container',
      id,
      isVisible: false,
      items: [
        paragraph(M.myTicketsAnswerHeading(ticket.answeredAt ? formatGermanDateTime(ticket.answeredAt) : undefined), { weight: 'Bolder' }),
        plainTextBlock(answer),
      ],
    },
  ];
}
