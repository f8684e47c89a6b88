/** SQLite implementation of the question log. */
import type Database from 'better-sqlite3';
import type { QuestionEvent, QuestionLog, QuestionLogRetention } from '../types';

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
