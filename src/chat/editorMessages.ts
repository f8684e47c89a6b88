/**
 * Everything the editors' workflow says in Teams and in `npm run kb:history`: German, formal
 * "Sie", plain and short. Tests assert these constants and factories.
 */

export const EditorMessages = {
  // Pre-filled source of a draft from a ticket.
  sourceDocument: (ticketNumber: string, answeredBy: string, isoDate: string) =>
    `Antwort der LaKI auf ${ticketNumber}${answeredBy ? `, ${answeredBy}` : ''}, ${germanDay(isoDate)}`,
  sourceSection: (ticketNumber: string) => `Ticket ${ticketNumber}`,

  // Card labels.
  fieldLabels: {
    id: 'Kennung',
    title: 'Titel',
    answer: 'Antwort',
    questions: 'Fragevarianten',
    keywords: 'Suchbegriffe',
    category: 'Bereich',
    related: 'Verwandte Einträge',
    source: 'Quelle',
    reviewed: 'Geprüft am',
    contact: 'Kontakt',
  },
  fieldMissing: (label: string) => `${label}: Bitte ausfüllen.`,
  sourceDocumentLabel: 'Quelle (Dokument)',
  sourceSectionLabel: 'Quelle (Abschnitt)',
  questionsHint: 'Eine Frage pro Zeile; empfohlen sind mindestens 6 verschiedene Formulierungen.',
  keywordsHint: 'Durch Komma getrennt (optional).',
  newCategoryLabel: 'Neuer Bereich (optional, statt der Auswahl)',
  cardTitleNew: 'Neuer Eintrag (Entwurf)',
  cardTitleEdit: (title: string) => `Eintrag bearbeiten (Entwurf): ${title}`,
  cardFromTicket: (ticketNumber: string) => `Aus der Antwort auf ${ticketNumber}.`,
  cardIdLine: (id: string) => `Kennung: ${id || '(wird aus dem Titel gebildet)'}`,
  cardDraftBy: (name: string, when: string) => `Entwurf zuletzt geändert von ${name} am ${when}.`,
  actionCheck: 'Prüfen',
  actionPublish: 'Veröffentlichen',
  actionDiscard: 'Verwerfen',
  actionUndo: 'Rückgängig',
  actionNewEntry: 'Eintrag anlegen',
  actionEditEntry: 'Eintrag bearbeiten',
  actionFromTicket: 'In die Wissensbasis übernehmen',

  // Check results.
  checkHeading: 'Prüfung',
  checkClean: 'Keine Fehler, keine Warnungen.',
  checkErrors: (count: number) => `${count} ${count === 1 ? 'Fehler verhindert' : 'Fehler verhindern'} das Veröffentlichen:`,
  checkWarnings: (count: number) => `${count} ${count === 1 ? 'Warnung' : 'Warnungen'} (Veröffentlichen ist möglich):`,
  previewHeading: 'So würde der Assistent antworten',
  previewAnswer: (title: string, isDraft: boolean) => (isDraft ? `mit diesem Eintrag ✓` : `mit „${title}“ (anderer Eintrag)`),
  previewSuggest: (titles: readonly string[]) => `nur „Meinten Sie …“: ${titles.map((t) => `„${t}“`).join(', ')}`,
  previewNone: 'keine Antwort (Weiterleitung an die LaKI)',
  previewBefore: (text: string) => `bisher: ${text}`,
  idTaken: (id: string) => `Einen Eintrag mit der Kennung „${id}“ gibt es schon. Ändern Sie den Titel.`,
  entryGone: 'Diesen Eintrag gibt es nicht mehr; er wurde inzwischen entfernt.',
  changedSince: (name: string, when: string) =>
    `Der Eintrag wurde inzwischen geändert (von ${name} am ${when}). Ihr Entwurf beruht auf der älteren Fassung. ` +
    'Öffnen Sie den Eintrag neu mit „Eintrag bearbeiten“ und übernehmen Sie Ihre Änderungen dort.',
  changedOutside:
    'Der Eintrag wurde inzwischen in den YAML-Dateien geändert. Ihr Entwurf beruht auf der älteren Fassung. ' +
    'Öffnen Sie den Eintrag neu mit „Eintrag bearbeiten“.',

  // Outcomes.
  published: (title: string) => `„${title}“ ist veröffentlicht. Der Assistent antwortet ab sofort damit.`,
  publishedBy: (name: string, when: string) => `Veröffentlicht von ${name} am ${when}.`,
  publishBlocked: 'Nicht veröffentlicht: Bitte beheben Sie zuerst die Fehler.',
  undone: (title: string, name: string, when: string) => `Rückgängig gemacht von ${name} am ${when}: „${title}“ ist wieder in der vorherigen Fassung.`,
  undoneRemoved: (title: string, name: string, when: string) =>
    `Rückgängig gemacht von ${name} am ${when}: „${title}“ ist nicht mehr in der Wissensbasis.`,
  undoNotLatest: 'Rückgängig ist nicht mehr möglich: Der Eintrag wurde seitdem erneut geändert.',
  undoAlready: 'Diese Veröffentlichung wurde bereits rückgängig gemacht.',
  undoBlocked: 'Rückgängig ist nicht möglich, weil die Wissensbasis sonst Fehler hätte:',
  revisionNotFound: 'Diese Veröffentlichung gibt es nicht (mehr).',
  discarded: 'Der Entwurf wurde verworfen.',
  draftNotFound: 'Diesen Entwurf gibt es nicht (mehr). Legen Sie bei Bedarf einen neuen an.',
  draftClosed: 'Dieser Entwurf ist bereits veröffentlicht oder verworfen.',
  draftStale: (name: string) =>
    `${name} hat diesen Entwurf inzwischen geändert. Ihre Eingaben wurden nicht gespeichert; die aktuelle Fassung steht unten.`,
  ticketNotAnswered: (ticketNumber: string) => `Ticket ${ticketNumber} hat noch keine Antwort; übernehmen können Sie erst eine Antwort.`,
  ticketNotFound: (ticketNumber: string) => `Ticket ${ticketNumber} gibt es nicht (mehr).`,
  entryNotFound: (id: string) => `Den Eintrag „${id}“ gibt es nicht (mehr).`,

  // Commands.
  editUsage: 'Schreiben Sie „Eintrag bearbeiten“ und dahinter den Titel oder eine Frage des Eintrags.',
  editNoMatch: (query: string) => `Zu „${query}“ habe ich keinen Eintrag gefunden. Versuchen Sie den genauen Titel.`,
  editChoose: 'Welchen Eintrag möchten Sie bearbeiten?',

  // Refusals.
  notInLakiChannel: 'Einträge der Wissensbasis können nur im LaKI-Kanal bearbeitet werden.',
  notAnEditor:
    'Sie sind nicht als Redakteurin oder Redakteur der Wissensbasis eingetragen. Bitte wenden Sie sich an die Redaktion der LaKI.',
  invalidAction: 'Diese Schaltfläche konnte ich nicht verarbeiten. Bitte öffnen Sie den Entwurf erneut.',

  // kb:history.
  historyEmpty: 'Noch keine Veröffentlichungen.',
  historyAction: { publish: 'Veröffentlicht', undo: 'Rückgängig gemacht' } as Readonly<Record<'publish' | 'undo', string>>,
  historyBefore: 'Vorher:',
  historyAfter: 'Nachher:',
  historyAbsent: '(nicht vorhanden)',
  historyUsage: 'Aufruf: npm run kb:history [-- --entry KENNUNG] [--limit ANZAHL] [--full]',
} as const;

/** "2026-03-10" → "10.03.2026". */
export function germanDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** "10.03.2026, 10:02" in German time. */
export function germanDateTime(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
