import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../src/storage/sqlite';
import { createSqliteQuestionLogReader } from '../../src/storage/sqlite/questionLog';
import { scheduleQuestionLogRetention } from '../../src/storage/questionLogRetention';

const DAY = 86_400_000;

describe('question log retention', () => {
  let dir: string;
  let store: SqliteStore;
  let now = new Date('2026-11-28T10:00:00Z');
  const logger = { info: jest.fn(), error: jest.fn() };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laki-retention-'));
    store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), clock: () => now });
    for (const daysAgo of [200, 181, 179, 10]) {
      now = new Date(Date.parse('2026-11-28T10:00:00Z') - daysAgo * DAY);
      await store.questionLog.record({ kind: 'declined', question: `vor ${daysAgo} Tagen`, outcome: 'none', score: 0.1 });
    }
    now = new Date('2026-11-28T10:00:00Z');
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const remaining = async () =>
    (await createSqliteQuestionLogReader(store.db).listSince(new Date(0))).map((event) => event.question);

  it('should delete events older than the retention at start and keep the rest', async () => {
    const schedule = scheduleQuestionLogRetention({ questionLog: store.questionLog, retentionDays: 180, logger, clock: () => now });
    try {
      await new Promise((resolve) => setImmediate(resolve));
      expect(await remaining()).toEqual(['vor 179 Tagen', 'vor 10 Tagen']);
      expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ deleted: 2, retentionDays: 180 }), 'question log retention applied');
    } finally {
      schedule.stop();
    }
  });

  it('should apply the retention again on its interval as time passes', async () => {
    const schedule = scheduleQuestionLogRetention({
      questionLog: store.questionLog,
      retentionDays: 180,
      logger,
      clock: () => now,
      intervalMs: 50,
    });
    try {
      now = new Date(now.getTime() + 2 * DAY);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await remaining()).toEqual(['vor 10 Tagen']);
    } finally {
      schedule.stop();
    }
  });

  it('should read stored events with their fields and without any user identity', async () => {
    await store.questionLog.record({ kind: 'suggested', question: 'Frage', outcome: 'suggest', score: 0.4, suggestedIds: ['a', 'b'] });
    const events = await createSqliteQuestionLogReader(store.db).listSince(new Date(now.getTime() - 1000));
    expect(events).toEqual([
      { recordedAt: now, kind: 'suggested', question: 'Frage', outcome: 'suggest', score: 0.4, suggestedIds: ['a', 'b'] },
    ]);
  });
});
