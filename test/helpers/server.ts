/**
 * Starts the real HTTP server for tests, wired like src/index.ts: the real knowledge base, the
 * real teams-ai Application with a local-mode adapter, a real SQLite store in a temporary
 * directory, and a pino logger whose JSON lines the test can read. Listens on 127.0.0.1:0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter, createApp, type AdapterCredentials } from '../../src/bot';
import {
  createKnowledgeHolder,
  loadKnowledgeBase,
  type IndexedKnowledgeBase,
  type KnowledgeHolder,
} from '../../src/knowledge';
import { createServer, type HealthCheck, type HttpServer } from '../../src/server';
import { openStore } from '../../src/storage';
import type { SqliteStore } from '../../src/storage/sqlite';
import { captureLogger } from './capturedLogger';

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
  /** Knowledge directory; default: the real `knowledge/`. */
  readonly knowledgeDir?: string;
  readonly health?: Readonly<Record<string, HealthCheck>>;
  /** Bot Framework credentials; default: none (local, unauthenticated mode). */
  readonly credentials?: AdapterCredentials;
  /** Tell the tab that questions can be forwarded to the LaKI (escalation configured). */
  readonly forwarding?: boolean;
}

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
  const knowledge = createKnowledgeHolder(await knowledgeFor(options.knowledgeDir));
  const adapter = createAdapter(options.credentials);
  const app = createApp({
    knowledge,
    questionLog: store.questionLog,
    storage: store.botState,
    logger,
    adapter,
    botAppId: options.credentials?.appId,
  });
  const server = createServer({ adapter, app, knowledge, logger, health: options.health, forwarding: options.forwarding });
  const { url } = await server.listen(0, '127.0.0.1');

  return {
    url,
    server,
    knowledge,
    store,
    logLines,
    async close() {
      await server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
