/**
 * Card verbs of the escalation cards: the `verb` field of their `Action.Submit` data. The bot
 * routes on them with `app.adaptiveCards.actionSubmit(TicketVerb.X)`; spelled only here.
 */
export const TicketVerb = Object.freeze({
  /** "Übernehmen" on the ticket card in the LaKI channel. */
  Take: 'ticketTake',
  /** "Antwort senden" under "Antworten"; carries the `answer` input. */
  Answer: 'ticketAnswer',
  /** "Schließen" on the ticket card. */
  Close: 'ticketClose',
  /** "Wieder öffnen" on the ticket card. */
  Reopen: 'ticketReopen',
  /** "Hilfreich? Ja / Nein" under LaKI's answer in the asker's chat. */
  Feedback: 'ticketFeedback',
} as const);

/** Verbs of the asker's side: offering, confirming and cancelling a forward to LaKI. */
export const EscalationVerb = Object.freeze({
  /** "An die LaKI weiterleiten": shows the draft card for the question. */
  Start: 'escalationStart',
  /** "Absenden" on the draft card; carries the edited question and Kommune. */
  Submit: 'escalationSubmit',
  /** "Abbrechen" on the draft card. */
  Cancel: 'escalationCancel',
} as const);

/** Ids of the draft card's inputs; their values arrive in the submit data. */
export const DraftInput = Object.freeze({ Question: 'question', Kommune: 'kommune' } as const);

export type TicketVerbName = (typeof TicketVerb)[keyof typeof TicketVerb];

/** Id of the answer text field on the ticket card; its value arrives in the submit data. */
export const ANSWER_INPUT_ID = 'answer';
