/**
 * What the bot says in English, beside the German {@link Messages}: only the short line that
 * tells someone who asked in English why the answer is German. The answers themselves stay
 * German because the LaKI's verified information exists only in German.
 */
export const EnglishMessages = {
  /** Before an answer or "Meinten Sie …" to an English message. */
  answerInGerman: 'The answer is in German: the LaKI’s verified information is only available in German.',
  /** Before the no-answer card for an English message. */
  noAnswer: 'There is no verified answer to this question. You can forward it to the LaKI with the button below.',
} as const;
