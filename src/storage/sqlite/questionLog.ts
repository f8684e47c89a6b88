/** SQLite implementation of the question log. */
import type Database from 'better-sqlite3';
import {
  QUESTION_LOG_COLUMNS,
  questionEventFromRow,
  questionLogValues,
  type QuestionLogErrorSink,
  type QuestionLogRow,
} from '../shared/questionLog';
import type { QuestionEvent, QuestionLog, QuestionLogReader, QuestionLogRetention, StoredQuestionEvent } from '../types';
import { SQLITE_CODEC } from './codec';

export type { QuestionLogErrorSink };

/** Creates the question log on an open, migrated database. */
export function createSqliteQuestionLog(
  db: Database.Database,
  options: { clock?: () => Date; logger?: QuestionLogErrorSink } = {},
): QuestionLog & QuestionLogRetention {
  const clock = options.clock ?? (() => new Date());
  const insert = db.prepare(`INSERT INTO question_log (${QUESTION_LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const deleteOlder = db.prepare<[number]>('DELETE FROM question_log WHERE recorded_at < ?');
  return {
    async record(event: QuestionEvent): Promise<void> {
      try {
        insert.run(...questionLogValues(SQLITE_CODEC, event, clock()));
      } catch (error) {
        options.logger?.error({ err: error, kind: event.kind }, 'question log: could not record event');
      }
    },
    async deleteOlderThan(before: Date): Promise<number> {
      return deleteOlder.run(before.getTime()).changes;
    },
  };
}

/** Reads the question log for the editors' report; a separate object so writers stay minimal. */
export function createSqliteQuestionLogReader(db: Database.Database): QuestionLogReader {
  const since = db.prepare<[number], QuestionLogRow<number>>(
    `SELECT ${QUESTION_LOG_COLUMNS} FROM question_log WHERE recorded_at >= ? ORDER BY recorded_at, id`,
  );
  return {
    async listSince(from: Date): Promise<StoredQuestionEvent[]> {
      return since.all(from.getTime()).map((row) => questionEventFromRow(SQLITE_CODEC, row));
    },
  };
}
