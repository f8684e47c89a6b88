/** Transactions on a pooled connection, shared by the PostgreSQL stores. */
import type { Pool, PoolClient } from 'pg';
import type { RowCodec } from '../shared/codec';

/** Something that runs SQL: the pool (autocommit) or a client inside a transaction. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * Runs `work` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when
 * it throws (the error propagates). The connection always goes back to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * PostgreSQL text cannot hold NUL characters (SQLite can); user text is stored without them
 * rather than failing the write.
 */
export function storableText(text: string): string;
export function storableText(text: string | undefined): string | null;
export function storableText(text: string | undefined): string | null {
  return text === undefined ? null : text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** PostgreSQL keeps times as `timestamptz` (node-postgres hands out `Date`s) and text without NUL. */
export const POSTGRES_CODEC: RowCodec<Date> = Object.freeze({
  time: (date: Date) => date,
  date: (value: Date) => value,
  text: (text: string) => storableText(text),
});
