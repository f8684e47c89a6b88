/**
 * Everything the escalation back end says to people, in German (formal "Sie"): the ticket card
 * in the LaKI channel, the e-mail to the LaKI inbox and the messages to the asker. One module,
 * so wording is reviewed in one place and another language could sit beside it.
 */
import type { AskerNotice } from './job';
import type { TicketStatus } from './ticket';

export const EscalationMessages = Object.freeze({
  /** Status labels (card, "Meine Fragen", mail). */
  status: Object.freeze<Record<TicketStatus, string>>({
    open: 'Offen',
    assigned: 'In Bearbeitung',
    answered: 'Beantwortet',
    closed: 'Geschlossen',
  }),

  /** Ticket card in the LaKI channel. */
  /** "Neue Frage …" only while nobody has taken it; afterwards the title says where it stands. */
  cardTitle: (number: string, status: TicketStatus) =>
    status === 'open' ? `Neue Frage ${number}` : `Frage ${number} · ${EscalationMessagesStatus[status]}`,
  cardQuestionLabel: 'Frage',
  cardAskerLabel: 'Von',
  cardKommuneLabel: 'Kommune / Kontext',
  cardTimeLabel: 'Eingegangen',
  cardStatusLabel: 'Status',
  cardAssigneeLabel: 'Bearbeitet von',
  cardBestGuessesHeading: 'Mögliche Einträge aus der Wissensbasis',
  cardNoBestGuesses: 'Keine passenden Einträge gefunden.',
  cardAnswerHeading: 'Antwort',
  cardAnsweredBy: (name: string, when: string) => `Beantwortet von ${name} am ${when}`,
  cardClosed: 'Diese Frage ist geschlossen.',
  actionTake: 'Übernehmen',
  actionAnswer: 'Antworten',
  actionSendAnswer: 'Antwort senden',
  actionClose: 'Schließen',
  actionReopen: 'Wieder öffnen',
  answerInputPlaceholder: 'Ihre Antwort an die fragende Person',
  /** On a card posted again because a restart left unclear whether the first one arrived. */
  cardRepeated:
    'Erneut gesendet nach einem Neustart oder einer Störung des LaKI-Assistenten: Diese Frage steht vielleicht schon weiter oben im Kanal. ' +
    'Beide Karten zeigen denselben Stand; Sie können auf jeder antworten.',
  /** Posted into the LaKI channel when the bot is added to its team (instead of the askers' welcome). */
  lakiChannelNote:
    'In diesem Kanal erscheinen Fragen, die der LaKI-Assistent nicht beantworten konnte. ' +
    'Übernehmen und beantworten Sie sie direkt auf der Karte; die Antwort geht automatisch an die fragende Person.',

  /** E-mail to the LaKI inbox. */
  mailSubject: (number: string, questionStart: string) => `[${number}] Neue Frage: ${questionStart}`,
  /** Subject of a ticket mail sent again because a restart left unclear whether the first one arrived. */
  mailSubjectRepeated: (number: string, questionStart: string) =>
    `[${number}] Erneut gesendet nach einem Neustart: ${questionStart}`,
  mailRepeatedNote:
    'Diese E-Mail wurde nach einem Neustart oder einer Störung des LaKI-Assistenten erneut gesendet; vielleicht haben Sie sie schon einmal erhalten.',
  mailIntro: 'über den LaKI-Assistenten ist eine Frage eingegangen, die die Wissensbasis nicht beantwortet.',
  mailGreeting: 'Guten Tag,',
  mailTicketLabel: 'Ticket',
  mailHowToAnswerChannel: 'Bitte beantworten Sie die Frage über die Ticketkarte im LaKI-Kanal in Microsoft Teams. Die Antwort wird der fragenden Person dann automatisch zugestellt.',
  mailHowToAnswerNoChannel: 'Eine Antwort auf diese E-Mail erreicht die fragende Person nicht. Bitte wenden Sie sich direkt an sie.',
  mailFooter: 'Diese Nachricht wurde automatisch vom LaKI-Assistenten erstellt.',

  /** Messages to the asker. */
  askerTitle: Object.freeze<Record<AskerNotice, (number: string) => string>>({
    taken: (number) => `Ihre Frage ${number} wird bearbeitet`,
    answered: (number) => `Antwort der LaKI auf Ihre Frage ${number}`,
    closed: (number) => `Ihre Frage ${number} wurde geschlossen`,
  }),
  /** `name` is the LaKI member who took the ticket; without it, the LaKI itself. */
  askerTakenText: (name?: string) =>
    `${name ? `${name} von der LaKI` : 'Die LaKI'} kümmert sich um Ihre Frage. Sie erhalten die Antwort hier im Chat.`,
  askerClosedText: 'Die LaKI hat Ihre Frage geschlossen. Haben Sie noch ein Anliegen, stellen Sie es gern erneut.',
  askerYourQuestion: 'Ihre Frage:',
  askerAnswerFrom: (name?: string) => (name ? `Antwort von ${name}:` : 'Antwort der LaKI:'),
  askerHelpfulQuestion: 'Hilfreich?',
  askerHelpfulYes: 'Ja',
  askerHelpfulNo: 'Nein',

  /** Forwarding offer and draft card (asker's side). */
  forwardAction: 'An die LaKI weiterleiten',
  draftTitle: 'Frage an die LaKI weiterleiten',
  draftIntro: 'Diese Angaben gehen an die Landesweite Koordinierungsstelle (LaKI). Sie können Ihre Frage noch anpassen.',
  draftQuestionLabel: 'Ihre Frage',
  draftKommuneLabel: 'Kommune / Kontext (optional)',
  draftKommunePlaceholder: 'z. B. Kommunales Integrationszentrum Kreis Soest',
  draftSenderLabel: 'Absender',
  draftSubmit: 'Absenden',
  draftCancel: 'Abbrechen',
  draftCancelled: 'In Ordnung, ich habe nichts weitergeleitet.',
  draftSentTitle: (number: string) => `An die LaKI weitergeleitet: ${number}`,
  /** The sent card is the confirmation: it says what happens next. */
  draftSentHint: 'Sie erhalten die Antwort hier im Chat. Den Stand sehen Sie jederzeit mit „Meine Fragen“.',

  /** Replies about the escalation itself (confirmation, limits, refusals). */
  confirmation: (number: string) =>
    `Vielen Dank! Ihre Frage wurde als ${number} an die LaKI weitergeleitet. Sie erhalten die Antwort hier im Chat.`,
  alreadySent: (number: string) => `Diese Frage wurde bereits als ${number} an die LaKI weitergeleitet.`,
  rateLimited: (limit: number) =>
    `Sie haben in der letzten Stunde bereits ${limit} Fragen an die LaKI weitergeleitet. Bitte versuchen Sie es später noch einmal.`,
  questionMissing: 'Bitte geben Sie Ihre Frage ein.',
  fieldTooLong: (label: string, max: number) => `${label} ist zu lang (höchstens ${max} Zeichen).`,
  /** Subjects of {@link fieldTooLong}, by draft field. */
  fieldLabels: Object.freeze({
    question: 'Ihre Frage',
    kommune: 'Die Angabe zu Kommune / Kontext',
    askerName: 'Ihr Name',
  }),
  ticketNotFound: (number: string) => `Das Ticket ${number} gibt es nicht (mehr).`,
  transitionRefused: (number: string, status: TicketStatus) =>
    `Das geht bei Ticket ${number} nicht mehr: Es ist bereits „${EscalationMessagesStatus[status]}“.`,
  answerEmpty: 'Bitte geben Sie eine Antwort ein.',
  answerTooLong: (max: number) => `Die Antwort ist zu lang (höchstens ${max} Zeichen).`,
  notFromLakiChannel: 'Diese Aktion ist nur im LaKI-Kanal möglich.',
  draftNotYours: 'Diese Weiterleitung kann nur die Person absenden oder abbrechen, der sie angezeigt wurde.',
  draftExpired:
    'Diese Weiterleitung ist nicht mehr offen. Bitte prüfen Sie die Angaben unten und senden Sie sie erneut ab.',
  invalidAction: 'Diese Schaltfläche konnte ich nicht verarbeiten. Bitte versuchen Sie es erneut.',
  feedbackThanks: 'Danke für Ihre Rückmeldung!',
  /** Shown as the sender when Teams sends no name (rare; e.g. some test clients). */
  unknownAskerName: 'Name nicht übermittelt',
  myTicketsEmpty: 'Sie haben noch keine Fragen an die LaKI weitergeleitet.',
  /** "Meine Fragen" outside the personal chat: the list would show one person's questions to everyone. */
  myTicketsPersonalOnly:
    'Ihre weitergeleiteten Fragen zeige ich nur im persönlichen Chat mit dem LaKI-Assistenten. Schreiben Sie dort „Meine Fragen“.',
  myTicketsTitle: 'Ihre Fragen an die LaKI',
});

const EscalationMessagesStatus: Record<TicketStatus, string> = EscalationMessages.status;

/** "10.03.2026, 10:00" in German time, for cards, mails and messages. */
export function formatGermanDateTime(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
