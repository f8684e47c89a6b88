/**
 * What the bot says about card actions beyond the answering messages: the error Teams shows for
 * a malformed `Action.Execute`, and how a rated answer card shows the choice in place.
 */
export const CardActionMessages = Object.freeze({
  /** Shown by Teams (Universal Actions error) for a junk value or an unknown verb. */
  invalidExecute: 'Diese Schaltfläche konnte nicht verarbeitet werden. Bitte stellen Sie Ihre Frage erneut als Text.',
  /** The rated answer card, in place of the "Hilfreich? Ja / Nein" buttons. */
  feedbackChosen: (helpful: boolean) =>
    helpful
      ? 'Ihre Bewertung: „Ja, hilfreich“. Danke für Ihre Rückmeldung!'
      : 'Ihre Bewertung: „Nein, nicht hilfreich“. Danke für Ihre Rückmeldung!',
  /** A second click on a card this person already rated. */
  feedbackAlreadyGiven: (helpful: boolean) =>
    `Sie haben diese Antwort bereits bewertet (${helpful ? '„Ja“' : '„Nein“'}).`,
});

/** Error codes of invoke responses the bot refuses (English, for logs and clients). */
export const InvokeErrorCode = Object.freeze({
  InvalidCardAction: 'invalid_card_action',
  UnsupportedInvoke: 'unsupported_invoke',
});
