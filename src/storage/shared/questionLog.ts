/** Question log values and rows as both stores write and read them. */
import type { QuestionEvent, StoredQuestionEvent } from '../types';
import { nullableText, type RowCodec } from './codec';

/** Where a failed `record` is reported; the log itself never throws into a bot turn. */
export interface QuestionLogErrorSink {
  error(details: object, message: string): void;
}

/** The columns `record` inserts, in this order. */
export const QUESTION_LOG_COLUMNS = 'recorded_at, kind, question, outcome, score, entry_id, suggested_ids';

/** A row of `question_log` as the report reads it; `Time` is how the database stores a time. */
export interface QuestionLogRow<Time> {
  recorded_at: Time;
  kind: QuestionEvent['kind'];
  question: string | null;
  outcome: QuestionEvent['outcome'] | null;
  score: number | null;
  entry_id: string | null;
  suggested_ids: string | null;
}

/** The values for {@link QUESTION_LOG_COLUMNS}, in that order. */
export function questionLogValues<Time>(codec: RowCodec<Time>, event: QuestionEvent, recordedAt: Date): unknown[] {
  return [
    codec.time(recordedAt),
    event.kind,
    nullableText(codec, event.question),
    event.outcome ?? null,
    event.score ?? null,
    event.entryId ?? null,
    event.suggestedIds ? JSON.stringify(event.suggestedIds) : null,
  ];
}

/** A row as a stored event, without the keys of empty columns. */
export function questionEventFromRow<Time>(codec: RowCodec<Time>, row: QuestionLogRow<Time>): StoredQuestionEvent {
  const event: Record<string, unknown> = { recordedAt: codec.date(row.recorded_at), kind: row.kind };
  if (row.question !== null) event.question = row.question;
  if (row.outcome !== null) event.outcome = row.outcome;
  if (row.score !== null) event.score = row.score;
  if (row.entry_id !== null) event.entryId = row.entry_id;
  if (row.suggested_ids !== null) event.suggestedIds = JSON.parse(row.suggested_ids) as string[];
  return event as unknown as StoredQuestionEvent;
}
