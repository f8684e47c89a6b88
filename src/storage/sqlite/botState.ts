/** A botbuilder `Storage` on SQLite, so the bot's turn state survives a restart. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { checkETag, itemToWrite, storedItem } from '../shared/botState';

export { eTagConflictMessage } from '../shared/botState';

/**
 * Creates the turn-state storage. Items are stored as JSON with an eTag: a write that carries an
 * eTag other than `*` succeeds only if it matches the stored one (optimistic concurrency, as in
 * botbuilder's `MemoryStorage`); a write without eTag always succeeds. All changes of one
 * `write` call are applied together or not at all.
 */
export function createSqliteBotStorage(db: Database.Database, clock: () => Date = () => new Date()): Storage {
  const select = db.prepare<[string], { value: string; etag: string }>('SELECT value, etag FROM bot_state WHERE key = ?');
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');

  const write = db.transaction((changes: StoreItems) => {
    for (const [key, item] of Object.entries(changes)) {
      const { value, expectedETag } = itemToWrite(item);
      if (expectedETag) checkETag(key, expectedETag, select.get(key)?.etag);
      upsert.run(key, JSON.stringify(value), randomUUID(), clock().getTime());
    }
  });
  const remove_ = db.transaction((keys: string[]) => {
    for (const key of keys) remove.run(key);
  });

  return {
    async read(keys: string[]): Promise<StoreItems> {
      if (!keys) throw new ReferenceError('Keys are required when reading.');
      const items: StoreItems = {};
      for (const key of keys) {
        const row = select.get(key);
        if (row) items[key] = storedItem(row);
      }
      return items;
    },
    async write(changes: StoreItems): Promise<void> {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      write.immediate(changes);
    },
    async delete(keys: string[]): Promise<void> {
      if (!keys) throw new ReferenceError('Keys are required when deleting.');
      remove_.immediate(keys);
    },
  };
}
