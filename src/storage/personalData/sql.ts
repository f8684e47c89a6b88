/**
 * The few SQL operations the personal-data tools need, on either database. The statements are
 * written once with `?` placeholders; PostgreSQL gets them numbered (`$1`, `$2`, …).
 */
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import type { RowCodec } from '../shared/codec';
import { SQLITE_CODEC } from '../sqlite/codec';
import { POSTGRES_CODEC } from '../postgres/transaction';

/** Runs one statement; resolves to its rows (empty for writes). */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<Array<Record<string, any>>>;

/** A database as the personal-data tools see it. */
export interface PersonalDataDb {
  readonly codec: RowCodec<any>;
  /** Runs `work` in one write transaction: everything or nothing is changed. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
}

/**
 * SQLite. `BEGIN IMMEDIATE` takes the write lock up front, so a running service (another process)
 * waits on its busy timeout instead of interleaving; nothing else uses this connection meanwhile.
 */
export function sqlitePersonalDataDb(db: Database.Database): PersonalDataDb {
  const query: Query = async (sql, params = []) => {
    const statement = db.prepare(sql);
    return statement.reader ? (statement.all(...params) as Array<Record<string, any>>) : (statement.run(...params), []);
  };
  return {
    codec: SQLITE_CODEC,
    async transaction(work) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(query);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

/** PostgreSQL: one pooled connection in one transaction. */
export function postgresPersonalDataDb(pool: Pool): PersonalDataDb {
  const queryOn =
    (client: PoolClient): Query =>
    async (sql, params = []) => {
      let n = 0;
      const numbered = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(numbered, [...params])).rows;
    };
  return {
    codec: POSTGRES_CODEC,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        try {
          const result = await work(queryOn(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      } finally {
        client.release();
      }
    },
  };
}
