import type { ReportModel } from '../../../src/editors/report/model';
import { weeklyReportCard, type ReportEntryActions } from '../../../src/editors/report/weeklyReportCard';
import { WeeklyReportText as T } from '../../../src/editors/report/weeklyMessages';
import { submitAction } from '../../../src/cards/elements';
import { entryActionsFrom } from '../../../src/editors/report/entryActions';

const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];

/** A week as the model computes it: Monday 30.11. to Sunday 6.12.2026, made on Monday 7.12. at 08:00. */
function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    createdAt: new Date('2026-12-07T07:00:00Z'),
    since: new Date('2026-11-29T23:00:00Z'),
    until: new Date('2026-12-06T23:00:00Z'),
    eventCount: 40,
    days: DAYS.map((day, i) => ({ day, answered: 3 + i, suggested: i % 3, declined: i === 6 ? 0 : 1 + (i % 2) })),
    ticketFigures: { open: 2, answered: 3, medianMsToAnswer: (4 * 60 + 5) * 60_000 },
    openDrafts: 1,
    unanswered: [
      {
        count: 5,
        questions: ['Welche Förderung gibt es für Dolmetscher?', 'Werden Dolmetscherkosten gefördert?', 'Zahlt das Land **Dolmetscher**?'],
        reasons: ['uncovered-terms'],
        closestEntry: { id: 'ki-foerderung', title: 'Förderung der KI' },
      },
      { count: 2, questions: ['Wann ist die Antragsfrist für 2027?'], reasons: ['forward-term'] },
      { count: 1, questions: ['Was ist Griffbereit?'], reasons: ['low-score'], nowAnsweredBy: 'griffbereit' },
    ],
    negativeFeedback: [
      { entryId: 'laki-bezirksregierung', title: 'LaKI bei der Bezirksregierung', notHelpful: 3, helpful: 1, questions: ['Wo kann ich parken?'] },
      { entryId: 'alter-eintrag', notHelpful: 1, helpful: 0, questions: [] },
    ],
    variantSuggestions: [],
    tickets: [],
    ...overrides,
  };
}

/** Buttons as the editors' feature would give them (test verbs: this test checks placement, not the editors' routes). */
const ACTIONS: ReportEntryActions = {
  createEntry: (group) => submitAction('Eintrag anlegen', { verb: 'test-create', question: group.questions[0]! }),
  editEntry: (item) => submitAction('Eintrag bearbeiten', { verb: 'test-edit', entryId: item.entryId }),
};

/** Element types a Teams-like host knows besides the charts (Adaptive Cards 1.5). */
const NON_CHART_TYPES = new Set(['TextBlock', 'RichTextBlock', 'TextRun', 'FactSet', 'Container', 'ActionSet', 'Table', 'TableRow', 'TableCell', 'ColumnSet', 'Column']);

/**
 * What a host without chart support renders: every element of an unknown type is replaced by its
 * `fallback` (Adaptive Cards' rule); an unknown element without one would be dropped silently,
 * so the test fails on it instead.
 */
function asHostWithoutCharts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asHostWithoutCharts);
  if (!node || typeof node !== 'object') return node;
  const element = node as Record<string, unknown>;
  if (typeof element.type === 'string' && element.type !== 'AdaptiveCard' && !element.type.startsWith('Action.') && !NON_CHART_TYPES.has(element.type)) {
    if (!element.fallback || typeof element.fallback !== 'object') throw new Error(`${element.type} has no fallback element`);
    return asHostWithoutCharts(element.fallback);
  }
  return Object.fromEntries(Object.entries(element).map(([key, value]) => [key, asHostWithoutCharts(value)]));
}

function elementsOf(node: unknown, type: string): any[] {
  if (Array.isArray(node)) return node.flatMap((item) => elementsOf(item, type));
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  return [...(element.type === type ? [element] : []), ...Object.entries(element).filter(([key]) => key !== 'fallback').flatMap(([, value]) => elementsOf(value, type))];
}

const cellText = (cell: any) => cell.items.map((item: any) => item.text).join('');

describe('weeklyReportCard', () => {
  it('should render the week as before (snapshot)', () => {
    expect(weeklyReportCard(model(), { actions: ACTIONS })).toMatchSnapshot();
  });

  it('should chart questions per day by outcome as stacked bars and the week as a donut', () => {
    const content = weeklyReportCard(model()).content;
    const [bars] = elementsOf(content, 'Chart.VerticalBar.Grouped');
    expect(bars.stacked).toBe(true);
    expect(bars.data.map((series: any) => series.legend)).toEqual([T.answered, T.suggestedShort, T.declined]);
    expect(bars.data[0].values).toEqual(DAYS.map((_day, i) => ({ x: expect.any(String), y: 3 + i })));
    expect(bars.data[0].values.map((value: any) => value.x)).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
    const [donut] = elementsOf(content, 'Chart.Donut');
    expect(donut.data.map((slice: any) => slice.value)).toEqual([42, 6, 9]);
  });

  it('should show every number of the charts as a table and facts where charts are not rendered', () => {
    const m = model();
    const fallbackCard = asHostWithoutCharts(weeklyReportCard(m).content);
    expect(JSON.stringify(fallbackCard)).not.toContain('"Chart.');
    const [table] = elementsOf(fallbackCard, 'Table');
    const rows = table.rows.map((row: any) => row.cells.map(cellText));
    expect(rows[0]).toEqual([T.dayColumn, T.answered, T.suggestedShort, T.declined]);
    expect(rows.slice(1)).toEqual(
      m.days.map((day, i) => [['Mo 30.11.', 'Di 01.12.', 'Mi 02.12.', 'Do 03.12.', 'Fr 04.12.', 'Sa 05.12.', 'So 06.12.'][i], String(day.answered), String(day.suggested), String(day.declined)]),
    );
    const facts = elementsOf(fallbackCard, 'FactSet').flatMap((set) => set.facts);
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: T.totalLabel, value: '57' },
        { title: T.answered, value: '42 (74 %)' },
        { title: T.suggestedShort, value: '6 (11 %)' },
        { title: T.declined, value: '9 (16 %)' },
      ]),
    );
  });

  it('should list the tickets, the median time to an answer and the open drafts', () => {
    const facts = elementsOf(weeklyReportCard(model()).content, 'FactSet').flatMap((set) => set.facts);
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: T.ticketsOpen, value: '2' },
        { title: T.ticketsAnswered, value: '3' },
        { title: T.ticketsMedian, value: '4 Std. 5 Min.' },
        { title: T.draftsLabel, value: '1' },
      ]),
    );
  });

  it('should leave the drafts figure out when no drafts store is connected, and show "–" without answered tickets', () => {
    const { openDrafts: _none, ...withoutDrafts } = model();
    const facts = elementsOf(weeklyReportCard({ ...withoutDrafts, ticketFigures: { open: 0, answered: 0 } }).content, 'FactSet').flatMap((set) => set.facts);
    expect(facts.map((fact: any) => fact.title)).not.toContain(T.draftsLabel);
    expect(facts).toContainEqual({ title: T.ticketsMedian, value: T.noMedian });
  });

  it('should put "Eintrag anlegen" under each open group and "Eintrag bearbeiten" under each existing entry', () => {
    const actions = elementsOf(weeklyReportCard(model(), { actions: ACTIONS }).content, 'ActionSet').flatMap((set) => set.actions);
    expect(actions.map((action: any) => action.data)).toEqual([
      { verb: 'test-create', question: 'Welche Förderung gibt es für Dolmetscher?' },
      { verb: 'test-create', question: 'Wann ist die Antragsfrist für 2027?' },
      // The deleted entry gets no edit button; the group answered meanwhile is not listed.
      { verb: 'test-edit', entryId: 'laki-bezirksregierung' },
    ]);
  });

  it('should show no entry buttons without the editors\' actions', () => {
    expect(elementsOf(weeklyReportCard(model()).content, 'ActionSet')).toEqual([]);
  });

  it('should show users\' questions literally, never as Markdown', () => {
    const text = JSON.stringify(weeklyReportCard(model()).content);
    expect(text).toContain('{"type":"TextRun","text":"Auch gefragt: „Werden Dolmetscherkosten gefördert?“, „Zahlt das Land **Dolmetscher**?“","isSubtle":true}');
    const textBlocks = elementsOf(weeklyReportCard(model()).content, 'TextBlock').map((block) => block.text);
    expect(textBlocks.join('\n')).not.toContain('**Dolmetscher**');
  });

  it('should count what does not fit and say when nothing happened', () => {
    const many = Array.from({ length: 8 }, (_v, i) => ({ count: 8 - i, questions: [`Frage ${i}?`], reasons: [] }));
    const busy = JSON.stringify(weeklyReportCard(model({ unanswered: many })).content);
    expect(busy).toContain(T.more(3));
    const quiet = weeklyReportCard(model({ days: DAYS.map((day) => ({ day, answered: 0, suggested: 0, declined: 0 })), unanswered: [], negativeFeedback: [] })).content;
    const text = JSON.stringify(quiet);
    expect(text).toContain(T.noQuestions);
    expect(text).toContain(T.noUnanswered);
    expect(text).toContain(T.noFeedback);
    expect(text).not.toContain('"Chart.');
  });
});

describe('entryActionsFrom', () => {
  it('should pre-fill "Eintrag anlegen" with the group\'s questions and open the rated entry for "Eintrag bearbeiten"', () => {
    // Stand-ins with the signatures of the editors' contract (EDITORS_API.md).
    const calls: unknown[] = [];
    const actions = entryActionsFrom({
      newEntryAction: (questions) => (calls.push(['new', questions]), submitAction('Eintrag anlegen', { verb: 'kbNewDraft', questions: [...questions] })),
      editEntryAction: (entryId) => (calls.push(['edit', entryId]), submitAction('Eintrag bearbeiten', { verb: 'kbEditEntry', entryId })),
    });
    const card = weeklyReportCard(model(), { actions });
    expect(calls).toEqual([
      ['new', ['Welche Förderung gibt es für Dolmetscher?', 'Werden Dolmetscherkosten gefördert?', 'Zahlt das Land **Dolmetscher**?']],
      ['new', ['Wann ist die Antragsfrist für 2027?']],
      ['edit', 'laki-bezirksregierung'],
    ]);
    expect(elementsOf(card.content, 'ActionSet').flatMap((set) => set.actions).map((action: any) => action.title)).toEqual([
      'Eintrag anlegen',
      'Eintrag anlegen',
      'Eintrag bearbeiten',
    ]);
  });

});
