/**
 * German text of the editors' report and of `kb:report` / `kb:draft`. Each section says what
 * to do next; tests assert these constants rather than copies.
 */
import type { DeclineReason } from '../../knowledge';

export const REASON_LABELS: Readonly<Record<DeclineReason, string>> = {
  empty: 'nur Füllwörter',
  'low-score': 'kein passender Eintrag',
  'uncovered-terms': 'unbekannte Begriffe',
  'forward-term': 'Weiterleitungsbegriff',
};

export const ReportText = {
  title: 'Bericht für die Redaktion der Wissensbasis',
  intro: (created: string, since: string, days: number, events: number, tickets: number) =>
    `Erstellt am ${created}. Zeitraum: seit ${since} (${days} Tage). Grundlage: ${events} protokollierte Ereignisse ` +
    `und ${tickets} ${tickets === 1 ? 'beantwortetes Ticket' : 'beantwortete Tickets'}. Das Protokoll enthält keine Namen oder Kennungen von Nutzenden.`,
  overviewHeading: 'Überblick',
  overviewRows: {
    unanswered: 'Gruppen von Fragen ohne Antwort',
    feedback: 'Einträge mit „Hilfreich? Nein“',
    variants: 'Vorschläge für neue Fragevarianten',
    tickets: 'Beantwortete Tickets (mögliche neue Einträge)',
  },
  countHeader: 'Anzahl',
  ticketRows: {
    open: 'Offene Tickets (warten auf die LaKI)',
    answered: 'Im Zeitraum beantwortete Tickets',
    median: 'Zeit bis zur Antwort (Median)',
    drafts: 'Offene Entwürfe',
  },
  daysHeading: 'Fragen pro Tag',
  daysColumns: ['Tag', 'Beantwortet', 'Vorschläge („Meinten Sie …“)', 'Ohne Antwort'],
  csvNote: 'Die Tabellen liegen zusätzlich als CSV-Dateien (Semikolon, UTF-8) neben diesem Bericht, z. B. für Excel.',
  unansweredHeading: '1. Häufige Fragen ohne Antwort',
  unansweredTodo:
    '**Was ist zu tun:** Prüfen Sie jede Gruppe. Passt sie zu einem bestehenden Eintrag, nehmen Sie die Fragen dort unter ' +
    '`questions` auf. Ist es ein neues Thema mit gesicherter Antwort (z. B. aus einem Ticket), legen Sie einen neuen Eintrag an ' +
    '(siehe knowledge/README.md). Fragen nach Beträgen, Fristen oder Einzelfällen beantwortet der Bot bewusst nicht; dafür ist nichts zu tun.',
  unansweredColumns: ['Anzahl', 'Fragen (häufigste zuerst)', 'Nächster Eintrag heute', 'Grund'],
  nowAnswered: (id: string) => `inzwischen beantwortet: ${id}`,
  feedbackHeading: '2. Antworten mit „Hilfreich? Nein“',
  feedbackTodo:
    '**Was ist zu tun:** Lesen Sie die Antwort des Eintrags zusammen mit den Beispielfragen. Ist die Antwort unklar oder veraltet, ' +
    'überarbeiten Sie sie und setzen Sie `reviewed` auf das heutige Datum. Passt die Frage gar nicht zum Eintrag, entfernen oder ' +
    'schärfen Sie die Fragevarianten, die zu ihm geführt haben.',
  feedbackColumns: ['Eintrag', 'Titel', 'Nein', 'Ja', 'Beispielfragen'],
  entryMissing: '(Eintrag gibt es nicht mehr)',
  variantsHeading: '3. Vorschläge für neue Fragevarianten',
  variantsTodo:
    '**Was ist zu tun:** Diese Fragen haben ihren Eintrag nur über „Meinten Sie …“, über „Ähnliche Themen“ nach einer Ablehnung oder mit geringer Sicherheit erreicht. ' +
    'Passt die Frage zum Eintrag, fügen Sie sie dort unter `questions` ein; dann bekommt die nächste Person die Antwort direkt. ' +
    'Bei „geringe Sicherheit“ und „Ähnliche Themen“ prüfen Sie zuerst, ob der Eintrag die Frage wirklich beantwortet.',
  variantsColumns: ['Eintrag', 'Titel', 'Frage', 'Anzahl', 'Anlass'],
  reasonChosen: 'unter „Meinten Sie …“ gewählt',
  reasonNearby: 'ohne Antwort, dann unter „Ähnliche Themen“ geöffnet',
  reasonLowScore: (score: number) => `geringe Sicherheit (${score.toFixed(2)})`,
  ticketsHeading: '4. Beantwortete Tickets, die Einträge werden könnten',
  ticketsTodo:
    '**Was ist zu tun:** Kommt die Frage wahrscheinlich wieder, erzeugen Sie einen Entwurf mit ' +
    '`npm run kb:draft -- NUMMER` (oder `npm run kb:draft -- --all`). Der Entwurf liegt dann in `knowledge/drafts/` und wird erst ' +
    'ausgespielt, wenn Sie ihn ergänzt und in den Ordner `knowledge/` verschoben haben (siehe knowledge/README.md).',
  ticketsColumns: ['Ticket', 'Beantwortet am', 'Frage', 'Antwort der LaKI (Anfang)', 'Hilfreich? (Ja / Nein)', 'Stand'],
  /** The asker's ratings of the relayed answer, e.g. "1 / 0"; "–" when nobody rated it. */
  ticketFeedback: (helpful: number, notHelpful: number) => (helpful + notHelpful === 0 ? '–' : `${helpful} / ${notHelpful}`),
  ticketDraftExists: 'Entwurf vorhanden',
  ticketNoDraft: 'noch kein Entwurf',
  none: 'In diesem Zeitraum nichts gefunden.',
  written: (dir: string) => `Bericht geschrieben nach ${dir}`,
  storeMissing: (file: string) =>
    `Keine Datenbank gefunden (${file}). Der Bericht braucht die Daten des laufenden Bots; setzen Sie DATA_DIR auf dessen Datenordner.`,
  usageReport: 'Aufruf: npm run kb:report [-- --out ORDNER] [--days TAGE]',
} as const;

/** "4 Std. 5 Min.", "2 Tage 3 Std.": how long the LaKI took, rounded to what matters. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} Min.`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} Std.` : `${hours} Std. ${minutes % 60} Min.`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} Tage` : `${days} Tage ${hours % 24} Std.`;
}

/** German weekday of a report day (`YYYY-MM-DD`): "Mo". */
export function weekdayLabel(day: string): string {
  return ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'][new Date(`${day}T12:00:00Z`).getUTCDay()]!;
}

/** German weekday and date of a report day (`YYYY-MM-DD`): "Mo 30.11.". */
export function shortDayLabel(day: string): string {
  return `${weekdayLabel(day)} ${day.slice(8, 10)}.${day.slice(5, 7)}.`;
}

export const DraftText = {
  usage: 'Aufruf: npm run kb:draft -- LAKI-2026-0042 [weitere Nummern] | --all   [--force überschreibt vorhandene Entwürfe]',
  notFound: (number: string) => `Ticket ${number} gibt es nicht. Prüfen Sie die Nummer (Format LAKI-JJJJ-NNNN).`,
  notAnswered: (number: string) => `Ticket ${number} hat noch keine Antwort der LaKI; ein Entwurf ist erst danach möglich.`,
  exists: (file: string) => `Entwurf ${file} gibt es schon, er bleibt unverändert (mit --force überschreiben).`,
  written: (file: string, id: string) => `Entwurf geschrieben: ${file} (id: ${id})`,
  noneAnswered: 'Es gibt keine beantworteten Tickets.',
  nextSteps:
    'So geht es weiter: Öffnen Sie den Entwurf, ergänzen Sie mindestens 6 Fragevarianten, prüfen Sie Titel, Kategorie und Antwort, ' +
    'führen Sie npm run kb:check aus und verschieben Sie den Eintrag dann in eine Datei im Ordner knowledge/.',
  sourceDocument: 'Antwort der LaKI',
  sourceSection: (number: string) => `Ticket ${number}`,
  fileHeader: (number: string) =>
    [
      `ENTWURF aus Ticket ${number}. Wird NICHT ausgespielt, solange er im Ordner drafts/ liegt.`,
      'Vor dem Verschieben nach knowledge/:',
      '  1. Titel kurz und treffend formulieren, Kategorie wählen (wie in den anderen Dateien).',
      '  2. Antwort prüfen: allgemein gültig, ohne Namen der fragenden Person, Anrede "Sie".',
      '  3. Mindestens 6 Fragevarianten ergänzen (ganze Sätze, umgangssprachlich, Stichwörter).',
      '  4. npm run kb:check ausführen und alle FEHLER beheben.',
      '  5. Den Eintrag (ab "- id:") in die passende Datei in knowledge/ verschieben und diese Datei löschen.',
    ].join('\n'),
} as const;
