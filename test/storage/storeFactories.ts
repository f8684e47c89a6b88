/**
 * The store implementations the contract tests run against: every test written with
 * {@link describeEachStore} runs once on SQLite and once on PostgreSQL, which proves the two
 * behave the same through the {@link Store} interface.
 */
import { openPostgresStore } from '../../src/storage/postgres';
import { openSqliteStore } from '../../src/storage/sqlite';
import type { Store } from '../../src/storage/types';
import { createTestDatabase, describeWithPostgres, truncateStoreTables, type TestDatabase } from '../helpers/postgres';
import { tmpStore } from './tmpStore';

/** A store for one test, plus what the contract tests need beyond the interface. */
export interface TestStore extends Store {
  /** Where a second connection or process opens the same data: a file path or a postgres URL. */
  readonly location: string;
  /** Opens the same data again (a restart, or a second instance). */
  reopen(): Promise<Store>;
  /** Closes the store and removes its data. */
  cleanup(): Promise<void>;
}

export interface StoreFactory {
  readonly kind: 'sqlite' | 'postgres';
  readonly name: string;
  /** A store with no data; call inside a test (beforeEach). */
  open(): Promise<TestStore>;
}

const sqlite: StoreFactory = {
  kind: 'sqlite',
  name: 'SQLite',
  async open() {
    const store = tmpStore();
    return Object.assign(store, {
      location: store.file,
      reopen: async () => openSqliteStore({ file: store.file }),
    });
  },
};

/** PostgreSQL: one database per test file (created lazily, dropped in afterAll), emptied per test. */
function postgres(database: () => Promise<TestDatabase>): StoreFactory {
  return {
    kind: 'postgres',
    name: 'PostgreSQL',
    async open() {
      const { url } = await database();
      const store = await openPostgresStore({ connectionString: url });
      await truncateStoreTables(url);
      return Object.assign(store, {
        location: url,
        reopen: () => openPostgresStore({ connectionString: url }),
        cleanup: () => store.close(),
      });
    },
  };
}

/**
 * Declares `body` once per store implementation, as `describe('<Store> <title>')`. The
 * PostgreSQL block follows {@link describeWithPostgres}: skipped without a server locally,
 * failing without one in CI.
 */
export function describeEachStore(title: string, body: (factory: StoreFactory) => void): void {
  describe(`${sqlite.name} ${title}`, () => body(sqlite));
  describeWithPostgres(`${'PostgreSQL'} ${title}`, () => {
    let database: Promise<TestDatabase> | undefined;
    afterAll(async () => {
      if (database) await (await database).drop();
    });
    body(postgres(() => (database ??= createTestDatabase(title))));
  });
}
