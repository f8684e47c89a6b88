/**
 * Everything the bot and its cards say to users, in German (formal "Sie").
 *
 * One module so wording can be reviewed in one place and an English table could sit beside
 * it later. Tests assert against these constants rather than repeating the strings.
 */
export const Messages = {
  /** Welcome card. */
  welcomeTitle: 'Willkommen beim LaKI-Assistenten',
  welcomeIntro:
    'Ich beantworte Fragen rund um die Kommunalen Integrationszentren (KI) in Nordrhein-Westfalen ' +
    'und die Landesweite Koordinierungsstelle (LaKI).',
  welcomeTopics:
    '- Aufgaben und Kontakt der LaKI\n' +
    '- Rechtsgrundlage und Aufbau eines Kommunalen Integrationszentrums\n' +
    '- Die Handlungsfelder mit ihren Angeboten, z. B. Griffbereit und Rucksack-Kita',
  welcomeExamplesHeading: 'Probieren Sie zum Beispiel:',
  welcomeOutro: 'Stellen Sie Ihre Frage einfach in eigenen Worten. Mit „Hilfe“ sehen Sie diese Hinweise erneut.',
  /**
   * Posted instead of the welcome card when the bot is added to a team: the channel is read by
   * the whole team, and in a channel the bot only hears messages that mention it.
   */
  channelInstallHint:
    'Ich bin der LaKI-Assistent: Erwähnen Sie mich mit @LaKI-Assistent und Ihrer Frage, dann antworte ich hier im Kanal.',

  /** Help card. */
  helpTitle: 'So funktioniert der LaKI-Assistent',
  helpHowTo:
    '- Schreiben Sie Ihre Frage in ganzen Sätzen oder mit Stichworten.\n' +
    '- Passt eine Antwort nicht genau, schlage ich ähnliche Themen vor („Meinten Sie …“).\n' +
    '- Bewerten Sie Antworten mit „Hilfreich? Ja / Nein“, damit wir die Antworten verbessern können.',
  helpLimits:
    'Ich antworte nur aus den geprüften Informationen der LaKI. ' +
    'Was dort nicht steht, z. B. Förderbeträge oder Fristen, beantworte ich nicht.',

  /** Answer card. */
  answerSourcePrefix: 'Quelle:',
  answerSectionPrefix: 'Abschnitt',
  answerReviewedPrefix: 'Geprüft am:',
  answerContactHeading: 'Kontakt',
  answerRelatedHeading: 'Verwandte Themen',
  answerHelpfulQuestion: 'Hilfreich?',
  answerHelpfulYes: 'Ja',
  answerHelpfulNo: 'Nein',
  contactCall: 'Anrufen',
  contactMail: 'E-Mail schreiben',
  contactWebsite: 'Webseite öffnen',

  /** "Meinten Sie …" card. */
  suggestTitle: 'Meinten Sie …',
  suggestIntro: 'Ich bin mir nicht sicher, welches Thema Sie meinen. Ihre Frage:',
  suggestNoneFits: 'Nichts davon passt',

  /** No-answer card. */
  noAnswerTitle: 'Dazu habe ich keine Antwort',
  noAnswerYourQuestion: 'Ihre Frage:',
  noAnswerExplanation:
    'Die geprüften Informationen des LaKI-Assistenten decken diese Frage nicht ab. ' +
    'Ich möchte Ihnen nichts Falsches sagen.',
  noAnswerHint: 'Versuchen Sie es mit anderen Worten oder schreiben Sie „Hilfe“.',
  noAnswerNearbyHeading: 'Ähnliche Themen',
  noAnswerNearbyIntro: 'Diese geprüften Themen hängen mit Ihrer Frage zusammen, beantworten sie aber möglicherweise nicht:',

  /** Feedback. */
  feedbackThanks: 'Danke für Ihre Rückmeldung!',
  feedbackNotHelpfulTitle: 'Danke für Ihre Rückmeldung.',
  feedbackNotHelpfulText:
    'Schade, dass die Antwort nicht geholfen hat. Versuchen Sie es gern mit anderen Worten.',

  /**
   * Before the cards for a message with several questions: each question gets its own card, in
   * the order asked, so it is clear that more than one answer follows.
   */
  multiPartIntro: (count: number) => `Ihre Nachricht enthält ${count} Fragen. Ich antworte auf jede einzeln:`,

  /**
   * A question without a topic of its own ("Was heißt das genau?") when the last answer it
   * could refer to is too old to continue: ask for the topic instead of guessing.
   */
  followUpExpired:
    'Worauf bezieht sich Ihre Frage? Meine letzte Antwort liegt schon eine Weile zurück. ' +
    'Bitte nennen Sie das Thema noch einmal, z. B. „Was heißt Rucksack-Kita genau?“',

  /** Reply to greetings, thanks and other messages without a question in them. */
  smallTalk:
    'Hallo! Ich beantworte Fragen zu den Kommunalen Integrationszentren und zur LaKI. ' +
    'Stellen Sie Ihre Frage gern in eigenen Worten oder schreiben Sie „Hilfe“.',

  /** Input problems. */
  textOnly: 'Bitte schreiben Sie Ihre Frage als Text.',
  questionTooLong: (max: number) =>
    `Ihre Frage ist zu lang. Bitte fassen Sie sie in höchstens ${max} Zeichen zusammen.`,
  invalidCardAction:
    'Diese Schaltfläche konnte ich nicht verarbeiten. Bitte stellen Sie Ihre Frage erneut als Text.',
  unknownEntry:
    'Diesen Eintrag gibt es nicht mehr. Bitte stellen Sie Ihre Frage erneut.',

  /** Error handler. */
  turnError:
    'Entschuldigung, dabei ist ein Fehler aufgetreten. Bitte versuchen Sie es in einem Moment noch einmal. ' +
    'Bleibt der Fehler bestehen, wenden Sie sich bitte direkt an die LaKI.',
} as const;

/**
 * Example questions offered as buttons on the welcome and help cards. Each must be answered
 * by the real knowledge base (test/bot checks that), so a newcomer's first click works.
 */
export const EXAMPLE_QUESTIONS: readonly string[] = Object.freeze([
  'Wie erreiche ich die LaKI telefonisch?',
  'Wie gründet man ein Kommunales Integrationszentrum?',
  'Was ist Rucksack-Kita?',
  'Welche Handlungsfelder hat ein Kommunales Integrationszentrum?',
]);
