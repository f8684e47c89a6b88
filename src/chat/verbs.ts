/**
 * Card verbs: the `verb` field of every `Action.Submit` payload the bot's cards send back.
 *
 * Cards put these into their button data and the bot routes on them with
 * `app.adaptiveCards.actionSubmit(Verb.X)`, so a verb is spelled in exactly one place.
 * Later features (e.g. forwarding to the LaKI) add their own verbs next to these.
 */
export const Verb = {
  /** Ask a question from a button (welcome/help example questions). */
  Ask: 'ask',
  /** Open one entry's answer card (a "Meinten Sie …" choice or a related entry). */
  ShowEntry: 'showEntry',
  /** "Hilfreich? Ja / Nein" on an answer card. */
  Feedback: 'feedback',
  /** "Nichts davon passt" under "Meinten Sie …". */
  NoneFits: 'noneFits',
} as const;

/** One of the verbs in {@link Verb}. */
export type VerbName = (typeof Verb)[keyof typeof Verb];
