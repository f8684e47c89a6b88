/** PostgreSQL implementation of the question log. */
import type { Pool } from 'pg';
import type { QuestionLogErrorSink } from '../sqlite/questionLog';
import type { QuestionEvent, QuestionLog, QuestionLogReader, QuestionLogRetention, StoredQuestionEvent } from '../types';
import { storableText } from './transaction';

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
          `INSERT INTO question_log (recorded_at, kind, question, outcome, score, entry_id, suggested_ids)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            clock(),
            event.kind,
            storableText(event.question),
            event.outcome ?? null,
            event.score ?? null,
            event.entryId ?? null,
            event.suggestedIds ? JSON.stringify(event.suggestedIds) : null,
          ],
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

interface QuestionLogRow {
  recorded_at: Date;
  kind: QuestionEvent['kind'];
  question: string | null;
  outcome: QuestionEvent['outcome'] | null;
  score: number | null;
  entry_id: string | null;
  suggested_ids: string | null;
}

/** Reads the question log for the editors' report (same results as the SQLite reader). */
export function createPostgresQuestionLogReader(pool: Pool): QuestionLogReader {
  return {
    async listSince(since: Date): Promise<StoredQuestionEvent[]> {
      const { rows } = await pool.query<QuestionLogRow>(
        `SELECT recorded_at, kind, question, outcome, score, entry_id, suggested_ids
         FROM question_log WHERE recorded_at >= $1 ORDER BY recorded_at, id`,
        [since],
      );
      return rows.map((row) => {
        const event: Record<string, unknown> = { recordedAt: row.recorded_at, kind: row.kind };
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
