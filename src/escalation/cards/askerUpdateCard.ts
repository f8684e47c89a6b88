/**
 * What the asker receives in their chat when LaKI takes, answers or closes their ticket. A pure
 * function; the answer carries "Hilfreich? Ja / Nein" buttons like the bot's own answers.
 */
import type { Attachment } from 'botbuilder';
import {
  adaptiveCardAttachment,
  heading,
  paragraph,
  submitAction,
  type CardAction,
  type CardElement,
  escapeMarkdown,
  plainTextBlock,
} from '../../cards';
import type { AskerMessagePayload } from '../job';
import { EscalationMessages as M } from '../messages';
import type { Ticket } from '../ticket';
import { TicketVerb } from '../verbs';

/** Renders the notice `payload` describes for `ticket`. */
export function askerUpdateCard(ticket: Ticket, payload: AskerMessagePayload): Attachment {
  const title = M.askerTitle[payload.notice](ticket.number);
  const question: CardElement[] = [paragraph(M.askerYourQuestion, { isSubtle: true, spacing: 'Medium' }), plainTextBlock(ticket.question, { italic: true })];
  let body: CardElement[];
  let actions: CardAction[] = [];
  switch (payload.notice) {
    case 'taken':
      body = [heading(title), paragraph(escapeMarkdown(M.askerTakenText(ticket.assignee?.name))), ...question];
      break;
    case 'answered':
      body = [
        heading(title),
        ...question,
        paragraph(escapeMarkdown(M.askerAnswerFrom(payload.answeredBy)), { weight: 'Bolder', spacing: 'Medium' }),
        plainTextBlock(payload.answer ?? ''),
        paragraph(M.askerHelpfulQuestion, { spacing: 'Medium' }),
      ];
      actions = [
        submitAction(M.askerHelpfulYes, { verb: TicketVerb.Feedback, ticketNumber: ticket.number, helpful: true }),
        submitAction(M.askerHelpfulNo, { verb: TicketVerb.Feedback, ticketNumber: ticket.number, helpful: false }),
      ];
      break;
    case 'closed':
      body = [heading(title), paragraph(M.askerClosedText), ...question];
      break;
  }
  return adaptiveCardAttachment(body, actions, title);
}
