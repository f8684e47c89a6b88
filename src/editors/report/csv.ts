/**
 * CSV files of the report for Excel as German offices use it: semicolon separated, UTF-8 with
 * byte order mark, CRLF. Cells that a spreadsheet would run as a formula are defused.
 */
import { REASON_LABELS } from './messages';
import type { ReportModel } from './model';

/** One CSV cell: quoted, quotes doubled, leading = + - @ prefixed with an apostrophe. */
export function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** File name → content of every CSV file of the report. */
export function renderCsvFiles(model: ReportModel): Record<string, string> {
  return {
    'fragen-pro-tag.csv': toCsv(
      ['Tag', 'Beantwortet', 'Vorschläge', 'Ohne Antwort'],
      model.days.map((day) => [day.day, day.answered, day.suggested, day.declined]),
    ),
    'unbeantwortete-fragen.csv': toCsv(
      ['Gruppe', 'Anzahl Gruppe', 'Frage', 'Nächster Eintrag', 'Inzwischen beantwortet durch', 'Grund'],
      model.unanswered.flatMap((group, index) =>
        group.questions.map((question) => [
          index + 1,
          group.count,
          question,
          group.closestEntry?.id,
          group.nowAnsweredBy,
          group.reasons.map((reason) => REASON_LABELS[reason]).join(', '),
        ]),
      ),
    ),
    'negatives-feedback.csv': toCsv(
      ['Eintrag', 'Titel', 'Hilfreich Nein', 'Hilfreich Ja', 'Beispielfragen'],
      model.negativeFeedback.map((item) => [item.entryId, item.title, item.notHelpful, item.helpful, item.questions.join(' | ')]),
    ),
    'neue-fragevarianten.csv': toCsv(
      ['Eintrag', 'Titel', 'Frage', 'Anzahl', 'Anlass', 'Sicherheit'],
      model.variantSuggestions.map((item) => [
        item.entryId,
        item.title,
        item.question,
        item.count,
        item.reason === 'chosen' ? 'Meinten Sie gewählt' : item.reason === 'nearby' ? 'Ähnliche Themen geöffnet' : 'geringe Sicherheit',
        item.score?.toFixed(2),
      ]),
    ),
    'beantwortete-tickets.csv': toCsv(
      ['Ticket', 'Beantwortet am', 'Frage', 'Antwort der LaKI', 'Hilfreich: ja', 'Hilfreich: nein', 'Entwurf vorhanden', 'Inzwischen beantwortet durch'],
      model.tickets.map((ticket) => [
        ticket.number,
        ticket.answeredAt?.toISOString().slice(0, 10),
        ticket.question,
        ticket.answer,
        ticket.askerFeedback.helpful,
        ticket.askerFeedback.notHelpful,
        ticket.draftExists ? 'ja' : 'nein',
        ticket.nowAnsweredBy,
      ]),
    ),
  };
}
