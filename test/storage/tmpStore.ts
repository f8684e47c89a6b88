import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStoreOptions, type SqliteStore } from '../../src/storage/sqlite';
import type { NewTicket } from '../../src/storage/types';

/** A fresh temporary directory; call `cleanup()` in afterEach. */
export function tmpDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'laki-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a real SQLite store in a new temporary directory. */
export function tmpStore(options: Partial<SqliteStoreOptions> = {}): SqliteStore & { dir: string; file: string; cleanup(): Promise<void> } {
  const { dir, cleanup } = tmpDir();
  const file = join(dir, 'data', 'laki.sqlite');
  const store = openSqliteStore({ file, ...options });
  return Object.assign(store, {
    dir,
    file,
    cleanup: async () => {
      await store.close();
      cleanup();
    },
  });
}

/** A valid ticket draft; override what a test is about. */
export function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    question: 'Wie hoch ist die Förderung für unser KI im Jahr 2026?',
    kommune: 'Kreis Soest',
    askerName: 'Erika Muster',
    askerUserId: '29:user-1',
    askerAadObjectId: 'aad-1',
    askerConversationReference: {
      serviceUrl: 'http://127.0.0.1:1/',
      channelId: 'msteams',
      conversation: { id: 'a:personal-1', isGroup: false, conversationType: 'personal', name: '' },
      user: { id: '29:user-1', name: 'Erika Muster' },
      bot: { id: '28:bot', name: 'LaKI-Assistent' },
    },
    bestGuessIds: ['foerderung-ki'],
    idempotencyKey: `draft-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}
