/** PostgreSQL implementation of the question log. */
import type { Pool } from 'pg';
import {
  QUESTION_LOG_COLUMNS,
  questionEventFromRow,
  questionLogValues,
  type QuestionLogErrorSink,
  type QuestionLogRow,
} from '../shared/questionLog';
import type { QuestionEvent, QuestionLog, QuestionLogReader, QuestionLogRetention, StoredQuestionEvent } from '../types';
import { POSTGRES_CODEC } from './transaction';

/** Creates the question log on a migrated database; `record` logs failures instead of throwing. */
export function createPostgresQuestionLog(
  pool: Pool,
  options: { clock?: () => Date; logger?: QuestionLogErrorSink } = {},
): QuestionLog & QuestionLogRetention {
  const clock = options.clock ?? (() => new Date());
  return {
    async record(event: QuestionEvent): Promise<void> {
      try {
        await pool.query(
          `INSERT INTO question_log (${QUESTION_LOG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          questionLogValues(POSTGRES_CODEC, event, clock()),
        );
      } catch (error) {
        options.logger?.error({ err: error, kind: event.kind }, 'question log: could not record event');
      }
    },
    async deleteOlderThan(before: Date): Promise<number> {
      const result = await pool.query('DELETE FROM question_log WHERE recorded_at < $1', [before]);
      return result.rowCount ?? 0;
    },
  };
}

/** Reads the question log for the editors' report (same results as the SQLite reader). */
export function createPostgresQuestionLogReader(pool: Pool): QuestionLogReader {
  return {
    async listSince(since: Date): Promise<StoredQuestionEvent[]> {
      const { rows } = await pool.query<QuestionLogRow<Date>>(
        `SELECT ${QUESTION_LOG_COLUMNS} FROM question_log WHERE recorded_at >= $1 ORDER BY recorded_at, id`,
        [since],
      );
      return rows.map((row) => questionEventFromRow(POSTGRES_CODEC, row));
    },
  };
}
