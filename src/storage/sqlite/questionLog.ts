/** SQLite implementation of the question log. */
import type Database from 'better-sqlite3';
import type { QuestionEvent, QuestionLog, QuestionLogReader, QuestionLogRetention, StoredQuestionEvent } from '../types';

/** Where a failed `record` is reported; the log itself never throws into a bot turn. */
export interface QuestionLogErrorSink {
  error(details: object, message: string): void;
}

/** Creates the question log on an open, migrated database. */
export function createSqliteQuestionLog(
  db: Database.Database,
  options: { clock?: () => Date; logger?: QuestionLogErrorSink } = {},
): QuestionLog & QuestionLogRetention {
  const clock = options.clock ?? (() => new Date());
  const insert = db.prepare(
    `INSERT INTO question_log (recorded_at, kind, question, outcome, score, entry_id, suggested_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteOlder = db.prepare<[number]>('DELETE FROM question_log WHERE recorded_at < ?');
  return {
    async record(event: QuestionEvent): Promise<void> {
      try {
        insert.run(
          clock().getTime(),
          event.kind,
          event.question ?? null,
          event.outcome ?? null,
          event.score ?? null,
          event.entryId ?? null,
          event.suggestedIds ? JSON.stringify(event.suggestedIds) : null,
        );
      } catch (error) {
        options.logger?.error({ err: error, kind: event.kind }, 'question log: could not record event');
      }
    },
    async deleteOlderThan(before: Date): Promise<number> {
      return deleteOlder.run(before.getTime()).changes;
    },
  };
}

interface QuestionLogRow {
  recorded_at: number;
  kind: QuestionEvent['kind'];
  question: string | null;
  outcome: QuestionEvent['outcome'] | null;
  score: number | null;
  entry_id: string | null;
  suggested_ids: string | null;
}

/** Reads the question log for the editors' report; a separate object so writers stay minimal. */
export function createSqliteQuestionLogReader(db: Database.Database): QuestionLogReader {
  const since = db.prepare<[number], QuestionLogRow>(
    `SELECT recorded_at, kind, question, outcome, score, entry_id, suggested_ids
     FROM question_log WHERE recorded_at >= ? ORDER BY recorded_at, id`,
  );
  return {
    async listSince(from: Date): Promise<StoredQuestionEvent[]> {
      return since.all(from.getTime()).map((row) => {
        const event: Record<string, unknown> = { recordedAt: new Date(row.recorded_at), kind: row.kind };
        if (row.question !== null) event.question = row.question;
        if (row.outcome !== null) event.outcome = row.outcome;
        if (row.score !== null) event.score = row.score;
        if (row.entry_id !== null) event.entryId = row.entry_id;
        if (row.suggested_ids !== null) event.suggestedIds = JSON.parse(row.suggested_ids) as string[];
        return event as unknown as StoredQuestionEvent;
      });
    },
  };
}
