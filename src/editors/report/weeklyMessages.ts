/**
 * German text of the weekly report card and of the "Bericht" command in the LaKI channel. Tests
 * assert these constants rather than copies.
 */

export const WeeklyReportText = {
  title: 'Wochenbericht der Wissensbasis',
  period: (from: string, to: string, created: string) => `Zeitraum: ${from} bis ${to} · erstellt am ${created}`,
  fallbackText: (from: string, to: string) => `Wochenbericht der Wissensbasis (${from} bis ${to})`,
  questionsHeading: 'Fragen pro Tag',
  totalLabel: 'Fragen insgesamt',
  answered: 'Beantwortet',
  suggested: 'Vorschläge („Meinten Sie …“)',
  suggestedShort: 'Vorschläge',
  declined: 'Ohne Antwort',
  dayColumn: 'Tag',
  xAxis: 'Tag',
  yAxis: 'Fragen',
  shareChartTitle: 'Anteile der Woche',
  share: (count: number, total: number) => (total === 0 ? '0' : `${count} (${Math.round((count / total) * 100)} %)`),
  noQuestions: 'In diesem Zeitraum wurden keine Fragen gestellt.',
  unansweredHeading: 'Häufige Fragen ohne Antwort',
  unansweredHint: 'Gruppiert nach Thema, häufigste zuerst. Legen Sie für wiederkehrende Themen einen Eintrag an.',
  groupCount: (count: number) => `${count}×`,
  alsoAsked: (questions: string) => `Auch gefragt: ${questions}`,
  nowAnswered: 'Inzwischen beantwortet die Wissensbasis diese Frage.',
  noUnanswered: 'Keine – alle Fragen hatten eine Antwort oder einen Vorschlag.',
  feedbackHeading: 'Antworten mit „Hilfreich? Nein“',
  feedbackHint: 'Prüfen Sie, ob die Antwort unklar, veraltet oder für diese Fragen der falsche Eintrag ist.',
  feedbackCounts: (notHelpful: number, helpful: number) => `${notHelpful}× Nein, ${helpful}× Ja`,
  entryMissing: (id: string) => `${id} (Eintrag gibt es nicht mehr)`,
  noFeedback: 'Keine negativen Rückmeldungen.',
  ticketsHeading: 'Tickets an die LaKI',
  ticketsOpen: 'Offen (warten auf Antwort)',
  ticketsAnswered: 'In diesem Zeitraum beantwortet',
  ticketsMedian: 'Zeit bis zur Antwort (Median)',
  noMedian: '–',
  draftsLabel: 'Offene Entwürfe',
  more: (count: number) => `… und ${count} weitere (vollständige Liste: npm run kb:report)`,
  onlyInLakiChannel:
    'Den Wochenbericht gibt es nur im LaKI-Kanal. Bitte schreiben Sie dort „Bericht“, wenn Sie ihn sehen möchten.',
  failed: 'Der Bericht konnte gerade nicht erstellt werden. Bitte versuchen Sie es in einigen Minuten noch einmal.',
} as const;
