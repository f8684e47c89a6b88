/**
 * The weekly report's model over the real store (an SQLite file) with a fixed clock: the same
 * figures for the card and for `npm run kb:report`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWeeklyReport, periodStart } from '../../../src/editors/report/weeklyReport';
import { applyTicketAction, type Ticket } from '../../../src/escalation/ticket';
import { startOfBerlinDay } from '../../../src/editors/report/figures';
import { renderCsvFiles } from '../../../src/editors/report/csv';
import { renderMarkdown } from '../../../src/editors/report/markdown';
import { ReportText } from '../../../src/editors/report/messages';
import { createKnowledgeHolder } from '../../../src/knowledge';
import { openConfiguredStore, type ConfiguredStore } from '../../../src/storage';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStore } from '../../../src/storage/sqlite';
import type { QuestionEvent } from '../../../src/storage/types';
import { knowledgeFor } from '../../helpers/server';

const LAKI = { id: '29:lea', name: 'Lea LaKI' };
const HOUR = 3_600_000;

describe('weekly report model over the store', () => {
  let dir: string;
  let store: ConfiguredStore;
  let writer: SqliteStore;
  let now = new Date('2026-11-20T10:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };

  async function record(iso: string, event: QuestionEvent): Promise<void> {
    at(iso);
    await writer.questionLog.record(event);
  }

  async function ticket(question: string, createdIso: string, action?: { kind: 'answer' | 'take'; iso: string }): Promise<Ticket> {
    const created = new Date(createdIso);
    const { ticket: stored } = await writer.tickets.create(
      {
        question,
        askerName: 'Erika Muster',
        askerUserId: '29:erika',
        askerConversationReference: { conversation: { id: 'a:erika' } as never },
        bestGuessIds: [],
        idempotencyKey: `key-${question}`,
      },
      () => [],
      created,
    );
    if (!action) return stored;
    const when = new Date(action.iso);
    return (await writer.tickets.update(stored.id, (current) => ({ ticket: applyTicketAction(current, action.kind, LAKI, when, 'Die Antwort der LaKI.')! }), when))!;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laki-weekly-'));
    // Written as the bot does (the clock decides each event's `recordedAt`), read as the service does.
    writer = openSqliteStore({ file: path.join(dir, SQLITE_FILE_NAME), clock: () => now });
    store = await openConfiguredStore({ dataDir: dir });

    // Sunday 29.11., 23:30 in Berlin: the day before the reported week.
    await record('2026-11-29T22:30:00Z', { kind: 'declined', question: 'Gibt es Parkplätze?', outcome: 'none', score: 0.1 });
    // Monday 30.11., 00:10 in Berlin (still 29.11. in UTC): the first day of the week.
    await record('2026-11-29T23:10:00Z', { kind: 'answered', question: 'Was ist ein KI?', outcome: 'answer', score: 0.9, entryId: 'ki-was-ist' });
    await record('2026-11-30T09:00:00Z', { kind: 'declined', question: 'Welche Förderung gibt es für Dolmetscher?', outcome: 'none', score: 0.2 });
    await record('2026-12-01T09:00:00Z', { kind: 'declined', question: 'Werden Dolmetscherkosten gefördert?', outcome: 'none', score: 0.2 });
    await record('2026-12-01T09:05:00Z', { kind: 'suggested', question: 'Wen rufe ich an?', outcome: 'suggest', score: 0.5, suggestedIds: ['laki-telefon', 'laki-kontakt'] });
    await record('2026-12-01T09:06:00Z', { kind: 'suggestion-chosen', question: 'Wen rufe ich an?', entryId: 'laki-telefon' });
    await record('2026-12-03T12:00:00Z', { kind: 'answered', question: 'Wie erreiche ich die LaKI?', outcome: 'answer', score: 0.8, entryId: 'laki-kontakt' });
    await record('2026-12-03T12:01:00Z', { kind: 'feedback-not-helpful', question: 'Wie erreiche ich die LaKI?', entryId: 'laki-kontakt' });
    // Sunday 6.12., 23:59 in Berlin: the last minute of the week.
    await record('2026-12-06T22:59:00Z', { kind: 'declined', question: 'Welche Förderung gibt es für Dolmetscher?', outcome: 'none', score: 0.2 });
    // Monday 7.12., 00:01 in Berlin: already the next week.
    await record('2026-12-06T23:01:00Z', { kind: 'answered', question: 'Was ist ein KI?', outcome: 'answer', score: 0.9, entryId: 'ki-was-ist' });

    await ticket('Frage A', '2026-12-01T09:00:00Z', { kind: 'answer', iso: '2026-12-01T13:00:00Z' }); // 4 h
    await ticket('Frage B', '2026-12-02T10:00:00Z', { kind: 'answer', iso: '2026-12-04T10:00:00Z' }); // 48 h
    await ticket('Frage C', '2026-12-03T08:00:00Z', { kind: 'answer', iso: '2026-12-03T09:00:00Z' }); // 1 h
    await ticket('Frage D', '2026-11-24T08:00:00Z', { kind: 'answer', iso: '2026-11-25T08:00:00Z' }); // answered the week before
    await ticket('Frage E', '2026-12-05T08:00:00Z'); // open
    await ticket('Frage F', '2026-12-05T09:00:00Z', { kind: 'take', iso: '2026-12-05T10:00:00Z' }); // taken, still open
  });

  afterAll(async () => {
    await writer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function weekModel() {
    const knowledge = createKnowledgeHolder(await knowledgeFor());
    const report = createWeeklyReport({ readers: store.readers, knowledge, clock: () => new Date('2026-12-07T07:00:00Z') });
    return report.model(startOfBerlinDay(new Date('2026-12-07T07:00:00Z')));
  }

  it('should cover Monday to Sunday of the week before a Monday report, in German time', async () => {
    const model = await weekModel();
    expect(model.since.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(model.until.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(model.days).toEqual([
      { day: '2026-11-30', answered: 1, suggested: 0, declined: 1 },
      { day: '2026-12-01', answered: 0, suggested: 1, declined: 1 },
      { day: '2026-12-02', answered: 0, suggested: 0, declined: 0 },
      { day: '2026-12-03', answered: 1, suggested: 0, declined: 0 },
      { day: '2026-12-04', answered: 0, suggested: 0, declined: 0 },
      { day: '2026-12-05', answered: 0, suggested: 0, declined: 0 },
      { day: '2026-12-06', answered: 0, suggested: 0, declined: 1 },
    ]);
  });

  it('should count open tickets now and the week\'s answered tickets with their median time to answer', async () => {
    expect((await weekModel()).ticketFigures).toEqual({ open: 2, answered: 3, medianMsToAnswer: 4 * HOUR });
  });

  it('should group the week\'s unanswered questions and list negative feedback', async () => {
    const model = await weekModel();
    expect(model.unanswered[0]).toMatchObject({ count: 3, questions: ['Welche Förderung gibt es für Dolmetscher?', 'Werden Dolmetscherkosten gefördert?'] });
    expect(model.unanswered.flatMap((group) => group.questions)).not.toContain('Gibt es Parkplätze?');
    expect(model.negativeFeedback).toEqual([expect.objectContaining({ entryId: 'laki-kontakt', notHelpful: 1 })]);
    expect(model).not.toHaveProperty('openDrafts');
  });

  it('should print the same figures in the kb:report Markdown and CSV', async () => {
    const model = await weekModel();
    const markdown = renderMarkdown(model);
    expect(markdown).toContain(`## ${ReportText.daysHeading}`);
    expect(markdown).toContain('| Di 01.12.2026 | 0 | 1 | 1 |');
    expect(markdown).toContain(`| ${ReportText.ticketRows.open} | 2 |`);
    expect(markdown).toContain(`| ${ReportText.ticketRows.answered} | 3 |`);
    expect(markdown).toContain(`| ${ReportText.ticketRows.median} | 4 Std. |`);
    expect(renderCsvFiles(model)['fragen-pro-tag.csv']).toContain('"2026-12-01";"0";"1";"1"');
  });

  it('should take the last seven days including today when asked on demand', () => {
    const wednesday = new Date('2026-12-09T09:00:00Z');
    expect(periodStart(wednesday).toISOString()).toBe('2026-12-02T23:00:00.000Z');
    // Across the change to summer time (29.03.2026) the days stay calendar days.
    expect(periodStart(new Date('2026-03-30T22:00:00Z')).toISOString()).toBe('2026-03-23T23:00:00.000Z');
  });
});
