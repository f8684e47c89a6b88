/**
 * The privacy notice (DSGVO information) the bot shows from the welcome and help cards and on
 * "Datenschutz". The default states the facts of this software; the operator adds who runs it
 * (`PRIVACY_OPERATOR`), may replace the text (`PRIVACY_NOTICE`) and link their full statement
 * (`PRIVACY_URL`).
 */

/** What the notice needs to know about this installation. */
export interface PrivacyFacts {
  /** Who runs the bot and whom to ask (operator's text); absent: the notice says it is not configured. */
  readonly operator?: string;
  /** The operator's own notice (Markdown); replaces the default body. */
  readonly text?: string;
  /** The operator's full privacy statement. */
  readonly url?: string;
  /** QUESTION_LOG_RETENTION_DAYS. */
  readonly questionLogRetentionDays: number;
  /** TICKET_RETENTION_DAYS; absent when forwarding to the LaKI is off. */
  readonly ticketRetentionDays?: number;
}

export const PrivacyMessages = Object.freeze({
  /** Button on the welcome and help cards. */
  button: 'Datenschutz',
  title: 'Datenschutz beim LaKI-Assistenten',
  operatorHeading: 'Wer betreibt den LaKI-Assistenten?',
  operatorMissing: 'Der Betreiber hat hier noch keine Angaben hinterlegt. Bitte wenden Sie sich an Ihre IT oder die LaKI.',
  storedHeading: 'Was wird gespeichert und wie lange?',
  questionLog: (days: number) =>
    `- **Ihre Fragen** speichert der LaKI-Assistent mit dem Ergebnis und Ihren Bewertungen („Hilfreich?“) **ohne Namen und ohne Kennung** für ${days} Tage, damit die Redaktion die Antworten verbessern kann.`,
  tickets: (days: number) =>
    `- **Weiterleitungen an die LaKI**: Wenn Sie eine Frage weiterleiten, speichert er die Frage, Ihren Namen, Ihre Angaben zur Kommune, die Antwort und die Angaben, die er braucht, um Ihnen in Teams zu antworten. Die LaKI erhält die Frage mit Ihrem Namen im Teams-Kanal der LaKI und/oder per E-Mail. Abgeschlossene Weiterleitungen werden ${days} Tage nach der letzten Änderung gelöscht.`,
  noTickets: '- **Weiterleitungen an die LaKI** sind in dieser Installation ausgeschaltet; dafür wird nichts gespeichert.',
  drafts: '- **Begonnene Eingaben** (z. B. eine noch nicht abgesendete Weiterleitung) und Ihre Bewertungen einer Antwort werden nur für diesen Chat gespeichert.',
  logs: '- **Betriebsprotokolle** enthalten Kennungen und Zeiten, aber keine Fragetexte und keine Namen.',
  rightsHeading: 'Auskunft und Löschung',
  rights: 'Sie können Auskunft über die zu Ihrer Person gespeicherten Daten und deren Löschung verlangen. Wenden Sie sich dazu an den Betreiber.',
  fullStatement: 'Vollständige Datenschutzerklärung',
});
