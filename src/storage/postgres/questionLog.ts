/** PostgreSQL implementation of the question log. */
import type { Pool } from 'pg';
import type { QuestionLogErrorSink } from '../sqlite/questionLog';
import type { QuestionEvent, QuestionLog, QuestionLogRetention } from '../types';
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
