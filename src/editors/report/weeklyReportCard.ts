/**
 * The weekly report card in the LaKI channel: questions per day by outcome, the most frequent
 * unanswered questions, answers with negative feedback, open drafts and the tickets' figures.
 * A pure function of the report model (the same model `npm run kb:report` prints).
 *
 * Charts are Teams' native chart elements (`Chart.VerticalBar.Grouped`, `Chart.Donut`). Each
 * carries a `fallback` with the same numbers as a `Table` or `FactSet`, which hosts that do not
 * know the chart type render instead, so no client loses a figure.
 */
import type { Attachment } from 'botbuilder';
import { actionSet, adaptiveCardAttachment, escapeMarkdown, heading, paragraph, plainTextBlock, type CardAction, type CardElement } from '../../cards';
import { germanDate } from './markdown';
import { formatDuration, shortDayLabel, weekdayLabel } from './messages';
import type { NegativeFeedback, ReportModel, UnansweredGroup } from './model';
import { WeeklyReportText as T } from './weeklyMessages';

/**
 * The buttons under an unanswered group ("Eintrag anlegen") and under an entry with negative
 * feedback ("Eintrag bearbeiten"). They open the editors' draft card; the editors' feature owns
 * their verbs and payloads. Without them the card shows the figures only.
 */
export interface ReportEntryActions {
  createEntry(group: UnansweredGroup): CardAction | undefined;
  editEntry(item: NegativeFeedback): CardAction | undefined;
}

export interface WeeklyReportCardOptions {
  readonly actions?: ReportEntryActions;
  /** Groups and entries listed; the rest is counted ("… und 3 weitere"). */
  readonly maxItems?: number;
}

/** Items listed per section by default: the card stays readable and well below Teams' size limit. */
export const DEFAULT_MAX_ITEMS = 5;

/** Chart colours per outcome, from Teams' chart palette (good / warning / attention). */
const OUTCOME_COLORS = Object.freeze({ answered: 'good', suggested: 'warning', declined: 'attention' } as const);

type Outcome = keyof typeof OUTCOME_COLORS;
const OUTCOMES: readonly Outcome[] = ['answered', 'suggested', 'declined'];
const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = { answered: T.answered, suggested: T.suggestedShort, declined: T.declined };

/** Renders the weekly report card. */
export function weeklyReportCard(model: ReportModel, options: WeeklyReportCardOptions = {}): Attachment {
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const from = germanDate(model.since);
  const to = germanDate(new Date(model.until.getTime() - 1));
  const body: CardElement[] = [
    heading(T.title),
    paragraph(T.period(from, to, germanDate(model.createdAt)), { isSubtle: true, spacing: 'None' }),
    ...questionsSection(model),
    ...unansweredSection(model.unanswered, maxItems, options.actions),
    ...feedbackSection(model.negativeFeedback, maxItems, options.actions),
    ...ticketsSection(model),
  ];
  return adaptiveCardAttachment(body, [], T.fallbackText(from, to));
}

function totals(model: ReportModel): Record<Outcome, number> {
  const sum = (outcome: Outcome) => model.days.reduce((total, day) => total + day[outcome], 0);
  return { answered: sum('answered'), suggested: sum('suggested'), declined: sum('declined') };
}

function sectionHeading(text: string): CardElement {
  return { ...heading(text), spacing: 'Large', separator: true };
}

function questionsSection(model: ReportModel): CardElement[] {
  const sums = totals(model);
  const total = sums.answered + sums.suggested + sums.declined;
  if (total === 0) return [sectionHeading(T.questionsHeading), paragraph(T.noQuestions, { isSubtle: true })];
  return [sectionHeading(T.questionsHeading), dailyChart(model), shareChart(sums, total)];
}

/** Stacked bars per day (the day's total and its parts), with the numbers as a table for other hosts. */
export function dailyChart(model: ReportModel): CardElement {
  return {
    type: 'Chart.VerticalBar.Grouped',
    title: T.questionsHeading,
    xAxisTitle: T.xAxis,
    yAxisTitle: T.yAxis,
    stacked: true,
    data: OUTCOMES.map((outcome) => ({
      legend: OUTCOME_LABELS[outcome],
      color: OUTCOME_COLORS[outcome],
      // The weekday alone: Teams cuts longer axis labels of seven bars ("Mo 3…"); the table has the dates.
      values: model.days.map((day) => ({ x: weekdayLabel(day.day), y: day[outcome] })),
    })),
    fallback: dailyTable(model),
  };
}

/** The per-day numbers as a Table: the chart's fallback. */
export function dailyTable(model: ReportModel): CardElement {
  const cell = (text: string, bold = false): CardElement => ({
    type: 'TableCell',
    items: [{ type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }],
  });
  return {
    type: 'Table',
    firstRowAsHeader: true,
    showGridLines: false,
    columns: [{ width: 2 }, { width: 1 }, { width: 1 }, { width: 1 }],
    rows: [
      { type: 'TableRow', cells: [T.dayColumn, ...OUTCOMES.map((outcome) => OUTCOME_LABELS[outcome])].map((text) => cell(text, true)) },
      ...model.days.map((day) => ({
        type: 'TableRow',
        cells: [cell(shortDayLabel(day.day)), ...OUTCOMES.map((outcome) => cell(String(day[outcome])))],
      })),
    ],
  };
}

/** The week's outcome shares as a donut, with a FactSet (counts and per cent) for other hosts. */
export function shareChart(sums: Record<Outcome, number>, total: number): CardElement {
  return {
    type: 'Chart.Donut',
    title: T.shareChartTitle,
    data: OUTCOMES.map((outcome) => ({ legend: OUTCOME_LABELS[outcome], value: sums[outcome], color: OUTCOME_COLORS[outcome] })),
    fallback: {
      type: 'FactSet',
      facts: [
        { title: T.totalLabel, value: String(total) },
        ...OUTCOMES.map((outcome) => ({ title: OUTCOME_LABELS[outcome], value: T.share(sums[outcome], total) })),
      ],
    },
  };
}

/** Users' questions, shown literally (a `TextRun` is not Markdown) and quiet, right under their heading. */
function subtlePlainText(text: string): CardElement {
  return { type: 'RichTextBlock', spacing: 'None', inlines: [{ type: 'TextRun', text, isSubtle: true }] };
}

const quote = (text: string) => `„${text.replace(/\s+/g, ' ').trim()}“`;

function unansweredSection(groups: readonly UnansweredGroup[], maxItems: number, actions?: ReportEntryActions): CardElement[] {
  const open = groups.filter((group) => !group.nowAnsweredBy);
  if (open.length === 0) return [sectionHeading(T.unansweredHeading), paragraph(T.noUnanswered, { isSubtle: true })];
  return [
    sectionHeading(T.unansweredHeading),
    paragraph(T.unansweredHint, { isSubtle: true, spacing: 'None' }),
    ...open.slice(0, maxItems).map((group) => {
      const [main, ...others] = group.questions;
      const action = actions?.createEntry(group);
      return {
        type: 'Container',
        spacing: 'Medium',
        items: [
          plainTextBlock(`${T.groupCount(group.count)} ${quote(main ?? '')}`),
          ...(others.length > 0
            ? [subtlePlainText(T.alsoAsked(others.slice(0, 2).map(quote).join(', ')))]
            : []),
          ...(action ? [actionSet([action])] : []),
        ],
      };
    }),
    ...(open.length > maxItems ? [paragraph(T.more(open.length - maxItems), { isSubtle: true })] : []),
  ];
}

function feedbackSection(items: readonly NegativeFeedback[], maxItems: number, actions?: ReportEntryActions): CardElement[] {
  if (items.length === 0) return [sectionHeading(T.feedbackHeading), paragraph(T.noFeedback, { isSubtle: true })];
  return [
    sectionHeading(T.feedbackHeading),
    paragraph(T.feedbackHint, { isSubtle: true, spacing: 'None' }),
    ...items.slice(0, maxItems).map((item) => {
      const action = item.title ? actions?.editEntry(item) : undefined;
      return {
        type: 'Container',
        spacing: 'Medium',
        items: [
          paragraph(`**${escapeMarkdown(item.title ?? T.entryMissing(item.entryId))}** · ${T.feedbackCounts(item.notHelpful, item.helpful)}`),
          ...(item.questions.length > 0
            ? [subtlePlainText(item.questions.slice(0, 2).map(quote).join(', '))]
            : []),
          ...(action ? [actionSet([action])] : []),
        ],
      };
    }),
    ...(items.length > maxItems ? [paragraph(T.more(items.length - maxItems), { isSubtle: true })] : []),
  ];
}

function ticketsSection(model: ReportModel): CardElement[] {
  const figures = model.ticketFigures;
  return [
    sectionHeading(T.ticketsHeading),
    {
      type: 'FactSet',
      facts: [
        { title: T.ticketsOpen, value: String(figures.open) },
        { title: T.ticketsAnswered, value: String(figures.answered) },
        { title: T.ticketsMedian, value: figures.medianMsToAnswer === undefined ? T.noMedian : formatDuration(figures.medianMsToAnswer) },
        ...(model.openDrafts === undefined ? [] : [{ title: T.draftsLabel, value: String(model.openDrafts) }]),
      ],
    },
  ];
}
