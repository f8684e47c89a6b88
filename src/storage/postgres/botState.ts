/** A botbuilder `Storage` on PostgreSQL, shared by every instance, for the bot's turn state. */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Storage, StoreItems } from 'botbuilder';
import { checkETag, itemToWrite, storedItem } from '../shared/botState';
import { inTransaction } from './transaction';

/**
 * Creates the turn-state storage with the SQLite store's semantics: items are JSON with an eTag;
 * a write carrying an eTag other than `*` succeeds only if it matches the stored one (the row is
 * locked while checking, so two instances cannot both win); a write without eTag always
 * succeeds. All changes of one `write` call are applied together or not at all.
 */
export function createPostgresBotStorage(pool: Pool, clock: () => Date = () => new Date()): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      if (!keys) throw new ReferenceError('Keys are required when reading.');
      const items: StoreItems = {};
      if (keys.length === 0) return items;
      const { rows } = await pool.query<{ key: string; value: string; etag: string }>(
        'SELECT key, value, etag FROM bot_state WHERE key = ANY($1::text[])',
        [keys],
      );
      const byKey = new Map(rows.map((row) => [row.key, row]));
      for (const key of keys) {
        const row = byKey.get(key);
        if (row) items[key] = storedItem(row);
      }
      return items;
    },

    async write(changes: StoreItems): Promise<void> {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      await inTransaction(pool, async (client) => {
        for (const [key, item] of Object.entries(changes)) {
          const { value, expectedETag } = itemToWrite(item);
          if (expectedETag) {
            const { rows } = await client.query<{ etag: string }>('SELECT etag FROM bot_state WHERE key = $1 FOR UPDATE', [key]);
            checkETag(key, expectedETag, rows[0]?.etag);
          }
          await client.query(
            `INSERT INTO bot_state (key, value, etag, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`,
            [key, JSON.stringify(value), randomUUID(), clock()],
          );
        }
      });
    },

    async delete(keys: string[]): Promise<void> {
      if (!keys) throw new ReferenceError('Keys are required when deleting.');
      if (keys.length === 0) return;
      await pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
    },
  };
}
