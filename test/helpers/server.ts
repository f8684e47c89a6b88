/**
 * Starts the real service for tests through the service factory (`createService`, as src/index.ts
 * does): the real knowledge base, the real teams-ai Application with a local-mode adapter, a real
 * SQLite store in a temporary directory, and a pino logger whose JSON lines the test can read.
 * Listens on 127.0.0.1:0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdapterCredentials } from '../../src/bot';
import { loadConfig, type Config } from '../../src/config';
import { loadKnowledgeBase, type IndexedKnowledgeBase, type KnowledgeHolder } from '../../src/knowledge';
import type { HealthCheck, HttpServer } from '../../src/server';
import { createService } from '../../src/service';
import { openStore } from '../../src/storage';
import type { SqliteStore } from '../../src/storage/sqlite';
import { captureLogger } from './capturedLogger';

/**
 * A configuration for a service under test: `env` on top of port 0 on 127.0.0.1, without
 * metrics and without hot reload (tests that want them switch them on in `env`).
 */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', METRICS_ENABLED: 'false', KNOWLEDGE_RELOAD: 'false', ...env });
}

/** A running test service. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly server: HttpServer;
  readonly knowledge: KnowledgeHolder<IndexedKnowledgeBase>;
  readonly store: SqliteStore;
  /** Every log line written so far, parsed. */
  logLines(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Knowledge directory; default: the editors' real `knowledge/` (see {@link SERVICE_KNOWLEDGE_DIR}). */
  readonly knowledgeDir?: string;
  readonly health?: Readonly<Record<string, HealthCheck>>;
  /** Bot Framework credentials; default: none (local, unauthenticated mode). */
  readonly credentials?: AdapterCredentials;
}

/**
 * A small frozen knowledge base (the LaKI contact entries) for tests of the service's mechanics,
 * so an editor's change to `knowledge/` cannot break them. Tests that check the real content on
 * purpose (answers, the tab's catalog, search results, best guesses) keep the default, the
 * editors' `knowledge/`.
 */
export const SERVICE_KNOWLEDGE_DIR = 'test/fixtures/knowledge-service';

const cache = new Map<string, Promise<IndexedKnowledgeBase>>();

/** Loads a knowledge directory once per test file (indexing is the slow part). */
export function knowledgeFor(dir = 'knowledge'): Promise<IndexedKnowledgeBase> {
  let loaded = cache.get(dir);
  if (!loaded) {
    loaded = loadKnowledgeBase(dir);
    cache.set(dir, loaded);
  }
  return loaded;
}

/** Starts the full stack on a free port. Call `close()` in `afterAll`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { logger, logLines } = captureLogger();
  const dataDir = mkdtempSync(join(tmpdir(), 'laki-server-test-'));
  const store = openStore({ dataDir, logger });
  const config = testConfig({
    KNOWLEDGE_DIR: options.knowledgeDir,
    DATA_DIR: dataDir,
    MicrosoftAppId: options.credentials?.appId,
    MicrosoftAppPassword: options.credentials?.appPassword,
    MicrosoftAppTenantId: options.credentials?.tenantId,
  });
  const service = await createService(config, {
    logger,
    store,
    knowledge: await knowledgeFor(options.knowledgeDir),
    health: options.health,
    search: false,
  });

  return {
    url: service.url,
    server: service.server,
    knowledge: service.knowledge,
    store,
    logLines,
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
