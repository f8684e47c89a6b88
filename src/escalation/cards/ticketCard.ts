/**
 * The ticket card in the LaKI channel: question, asker, Kommune, time, best guesses, status and
 * the actions the current status allows. A pure function; the card is rendered anew from the
 * ticket on every change and replaces the old one in place.
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
import { fromTicketAction } from '../../chat';
import type { BestGuess } from '../mail/ticketMail';
import { EscalationMessages as M, formatGermanDateTime } from '../messages';
import { MAX_ANSWER_LENGTH, TICKET_TRANSITIONS, type Ticket, type TicketAction, type TicketStatus } from '../ticket';
import { ANSWER_INPUT_ID, TicketVerb } from '../verbs';

/** How one card of the ticket is shown. */
export interface TicketCardOptions {
  /** The card was posted again after a restart: it says so, so nobody wonders about two cards. */
  readonly repeated?: boolean;
}

/** Renders the card for the ticket's current state. */
export function ticketCard(ticket: Ticket, bestGuesses: readonly BestGuess[], options: TicketCardOptions = {}): Attachment {
  const facts = [
    { title: M.cardAskerLabel, value: escapeMarkdown(oneLine(ticket.askerName)) },
    ...(ticket.kommune ? [{ title: M.cardKommuneLabel, value: escapeMarkdown(oneLine(ticket.kommune)) }] : []),
    { title: M.cardTimeLabel, value: formatGermanDateTime(ticket.createdAt) },
    { title: M.cardStatusLabel, value: M.status[ticket.status] },
    ...(ticket.assignee && ticket.status !== 'open'
      ? [{ title: M.cardAssigneeLabel, value: escapeMarkdown(oneLine(ticket.assignee.name)) }]
      : []),
  ];
  const body: CardElement[] = [
    heading(M.cardTitle(ticket.number, ticket.status)),
    ...(options.repeated ? [paragraph(M.cardRepeated, { isSubtle: true })] : []),
    { type: 'FactSet', facts },
    paragraph(`**${M.cardQuestionLabel}**`, { spacing: 'Medium' }),
    plainTextBlock(ticket.question),
    paragraph(`**${M.cardBestGuessesHeading}**`, { spacing: 'Medium' }),
    ...(bestGuesses.length > 0
      ? bestGuesses.map((guess) => plainTextBlock(`• ${guess.title}`))
      : [paragraph(M.cardNoBestGuesses, { isSubtle: true })]),
    ...answerSection(ticket),
    ...(ticket.status === 'closed' ? [paragraph(M.cardClosed, { isSubtle: true, spacing: 'Medium' })] : []),
  ];
  return adaptiveCardAttachment(body, actionsFor(ticket), M.cardTitle(ticket.number, ticket.status));
}

function answerSection(ticket: Ticket): CardElement[] {
  if (!ticket.answer) return [];
  const by = ticket.answeredBy?.name ?? '';
  const when = ticket.answeredAt ? formatGermanDateTime(ticket.answeredAt) : '';
  return [
    paragraph(`**${M.cardAnswerHeading}**`, { spacing: 'Medium' }),
    plainTextBlock(ticket.answer),
    paragraph(escapeMarkdown(M.cardAnsweredBy(oneLine(by), when)), { isSubtle: true }),
  ];
}

/**
 * The buttons each status offers. Narrower than {@link TICKET_TRANSITIONS}: the machine still
 * accepts "Übernehmen" on an assigned ticket (a late click from an old card is harmless), but the
 * card does not invite taking over a colleague's ticket; anyone may still answer or close it.
 */
const CARD_ACTIONS: Readonly<Record<TicketStatus, readonly TicketAction[]>> = Object.freeze({
  open: ['take', 'answer', 'close'],
  assigned: ['answer', 'close'],
  answered: ['close', 'reopen'],
  closed: ['reopen'],
});

function actionsFor(ticket: Ticket): CardAction[] {
  const data = { ticketNumber: ticket.number };
  const allowed = (action: TicketAction) =>
    CARD_ACTIONS[ticket.status].includes(action) && TICKET_TRANSITIONS[action].includes(ticket.status);
  const actions: CardAction[] = [];
  if (allowed('take')) actions.push(submitAction(M.actionTake, { verb: TicketVerb.Take, ...data }));
  if (allowed('answer')) {
    actions.push({
      type: 'Action.ShowCard',
      title: M.actionAnswer,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: ANSWER_INPUT_ID,
            isMultiline: true,
            isRequired: true,
            maxLength: MAX_ANSWER_LENGTH,
            placeholder: M.answerInputPlaceholder,
            errorMessage: M.answerEmpty,
          },
        ],
        actions: [submitAction(M.actionSendAnswer, { verb: TicketVerb.Answer, ...data })],
      },
    });
  }
  if (allowed('close')) actions.push(submitAction(M.actionClose, { verb: TicketVerb.Close, ...data }));
  if (allowed('reopen')) actions.push(submitAction(M.actionReopen, { verb: TicketVerb.Reopen, ...data }));
  // The LaKI's answer can become a knowledge entry (editors' draft card, in this thread).
  if (ticket.answer && (ticket.status === 'answered' || ticket.status === 'closed')) actions.push(fromTicketAction(ticket.number));
  return actions;
}

/** Names and Kommune sit in facts: keep them on one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
