/**
 * The e-mail LaKI's inbox receives for a new ticket, as a pure function: ticket in, subject,
 * plain text and HTML out. User text is flattened in the subject (no header injection) and
 * escaped in the HTML (no injected markup or links).
 */
import { EscalationMessages as M, formatGermanDateTime } from '../messages';
import { escapeHtml, htmlLines, singleLine } from '../text';
import type { Ticket } from '../ticket';

/** A knowledge entry the bot considered close, shown to LaKI as a starting point. */
export interface BestGuess {
  readonly id: string;
  readonly title: string;
}

export interface TicketMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** How many characters of the question the subject shows. */
export const SUBJECT_QUESTION_LENGTH = 60;

/** Builds the mail for `ticket`; `channelConfigured` decides how LaKI is told to answer. */
export function ticketMail(
  ticket: Ticket,
  bestGuesses: readonly BestGuess[],
  options: { channelConfigured: boolean; repeated?: boolean },
): TicketMail {
  const repeatNote = options.repeated ? [M.mailRepeatedNote, ''] : [];
  const facts: Array<[string, string]> = [
    [M.mailTicketLabel, ticket.number],
    [M.cardAskerLabel, ticket.askerName],
    ...(ticket.kommune ? ([[M.cardKommuneLabel, ticket.kommune]] as Array<[string, string]>) : []),
    [M.cardTimeLabel, formatGermanDateTime(ticket.createdAt)],
  ];
  const howTo = options.channelConfigured ? M.mailHowToAnswerChannel : M.mailHowToAnswerNoChannel;
  const guesses = bestGuesses.length > 0 ? bestGuesses.map((guess) => `${guess.title} (${guess.id})`) : [M.cardNoBestGuesses];

  const text = [
    ...repeatNote,
    M.mailGreeting,
    '',
    M.mailIntro,
    '',
    ...facts.map(([label, value]) => `${label}: ${singleLine(value, 500)}`),
    '',
    `${M.cardQuestionLabel}:`,
    ticket.question,
    '',
    `${M.cardBestGuessesHeading}:`,
    ...guesses.map((guess) => `- ${guess}`),
    '',
    howTo,
    '',
    '-- ',
    M.mailFooter,
  ].join('\n');

  const html = [
    '<!DOCTYPE html>',
    '<html lang="de"><head><meta charset="utf-8"></head><body>',
    ...(options.repeated ? [`<p><strong>${escapeHtml(M.mailRepeatedNote)}</strong></p>`] : []),
    `<p>${escapeHtml(M.mailGreeting)}</p>`,
    `<p>${escapeHtml(M.mailIntro)}</p>`,
    '<table>',
    ...facts.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(singleLine(value, 500))}</td></tr>`),
    '</table>',
    `<h3>${escapeHtml(M.cardQuestionLabel)}</h3>`,
    `<p>${htmlLines(ticket.question)}</p>`,
    `<h3>${escapeHtml(M.cardBestGuessesHeading)}</h3>`,
    `<ul>${guesses.map((guess) => `<li>${escapeHtml(guess)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(howTo)}</p>`,
    `<p><small>${escapeHtml(M.mailFooter)}</small></p>`,
    '</body></html>',
  ].join('\n');

  const subject = options.repeated ? M.mailSubjectRepeated : M.mailSubject;
  return { subject: subject(ticket.number, singleLine(ticket.question, SUBJECT_QUESTION_LENGTH)), text, html };
}
