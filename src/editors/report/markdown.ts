/**
 * Renders the report as Markdown. Questions and answers come from users and LaKI staff, so
 * every cell is escaped: nothing they typed can become a link, HTML or break the table.
 */
import { formatDuration, REASON_LABELS, ReportText, shortDayLabel } from './messages';
import type { ReportModel } from './model';

/** Escapes text for one Markdown table cell (one line, no HTML, no Markdown syntax). */
export function markdownCell(text: string): string {
  return text
    .replace(/\r?\n+/g, ' ')
    .replace(/[\\`*_[\]()#~|!{}]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  if (rows.length === 0) return [ReportText.none];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** German date as editors write it: 28.11.2026. */
export function germanDate(date: Date): string {
  return date.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
}

const quoteList = (questions: readonly string[]) => questions.map((q) => `„${markdownCell(q)}“`).join('<br>');

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

/** The whole report (`bericht.md`). */
export function renderMarkdown(model: ReportModel): string {
  const days = Math.round((model.createdAt.getTime() - model.since.getTime()) / 86_400_000);
  const lines: string[] = [
    `# ${ReportText.title}`,
    '',
    ReportText.intro(germanDate(model.createdAt), germanDate(model.since), days, model.eventCount, model.tickets.length),
    '',
    `## ${ReportText.overviewHeading}`,
    '',
    ...table(
      ['', ReportText.countHeader],
      [
        [ReportText.overviewRows.unanswered, String(model.unanswered.length)],
        [ReportText.overviewRows.feedback, String(model.negativeFeedback.length)],
        [ReportText.overviewRows.variants, String(model.variantSuggestions.length)],
        [ReportText.overviewRows.tickets, String(model.tickets.length)],
        [ReportText.ticketRows.open, String(model.ticketFigures.open)],
        [ReportText.ticketRows.answered, String(model.ticketFigures.answered)],
        [
          ReportText.ticketRows.median,
          model.ticketFigures.medianMsToAnswer === undefined ? '–' : formatDuration(model.ticketFigures.medianMsToAnswer),
        ],
        ...(model.openDrafts === undefined ? [] : [[ReportText.ticketRows.drafts, String(model.openDrafts)]]),
      ],
    ),
    '',
    ReportText.csvNote,
    '',
    `## ${ReportText.daysHeading}`,
    '',
    ...table(
      ReportText.daysColumns,
      model.days.map((day) => [`${shortDayLabel(day.day)}${day.day.slice(0, 4)}`, String(day.answered), String(day.suggested), String(day.declined)]),
    ),
    '',
    `## ${ReportText.unansweredHeading}`,
    '',
    ReportText.unansweredTodo,
    '',
    ...table(
      ReportText.unansweredColumns,
      model.unanswered.map((group) => [
        String(group.count),
        quoteList(group.questions),
        group.nowAnsweredBy
          ? ReportText.nowAnswered(group.nowAnsweredBy)
          : group.closestEntry
            ? `${group.closestEntry.id} (${markdownCell(group.closestEntry.title)})`
            : '–',
        group.reasons.map((reason) => REASON_LABELS[reason]).join(', ') || '–',
      ]),
    ),
    '',
    `## ${ReportText.feedbackHeading}`,
    '',
    ReportText.feedbackTodo,
    '',
    ...table(
      ReportText.feedbackColumns,
      model.negativeFeedback.map((item) => [
        item.entryId,
        item.title ? markdownCell(item.title) : ReportText.entryMissing,
        String(item.notHelpful),
        String(item.helpful),
        quoteList(item.questions) || '–',
      ]),
    ),
    '',
    `## ${ReportText.variantsHeading}`,
    '',
    ReportText.variantsTodo,
    '',
    ...table(
      ReportText.variantsColumns,
      model.variantSuggestions.map((item) => [
        item.entryId,
        markdownCell(item.title),
        `„${markdownCell(item.question)}“`,
        String(item.count),
        item.reason === 'chosen' ? ReportText.reasonChosen : item.reason === 'nearby' ? ReportText.reasonNearby : ReportText.reasonLowScore(item.score ?? 0),
      ]),
    ),
    '',
    `## ${ReportText.ticketsHeading}`,
    '',
    ReportText.ticketsTodo,
    '',
    ...table(
      ReportText.ticketsColumns,
      model.tickets.map((ticket) => [
        ticket.number,
        ticket.answeredAt ? germanDate(ticket.answeredAt) : '–',
        `„${markdownCell(ticket.question)}“`,
        markdownCell(shorten(ticket.answer, 160)),
        ReportText.ticketFeedback(ticket.askerFeedback.helpful, ticket.askerFeedback.notHelpful),
        [
          ticket.draftExists ? ReportText.ticketDraftExists : ReportText.ticketNoDraft,
          ...(ticket.nowAnsweredBy ? [ReportText.nowAnswered(ticket.nowAnsweredBy)] : []),
        ].join(', '),
      ]),
    ),
    '',
  ];
  return lines.join('\n');
}
