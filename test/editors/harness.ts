/**
 * The service as src/index.ts wires it for hot reload: real knowledge holder and watcher, real
 * teams-ai Application, real restify server on 127.0.0.1:0 with the reload health section, a
 * real SQLite store in a temporary directory. The public rate limit is off so load tests can
 * send many requests from one address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAdapter, createApp } from '../../src/bot';
import { createKnowledgeHolder, loadKnowledgeBase, type IndexedKnowledgeBase, type KnowledgeHolder } from '../../src/knowledge';
import { createKnowledgeWatcher, knowledgeReloadHealth, type KnowledgeWatcher, type WatcherLogger } from '../../src/knowledge/watcher';
import { createLogger } from '../../src/logger';
import { createServer } from '../../src/server';
import { openStore } from '../../src/storage';

/** One line the watcher logged. */
export interface WatcherLogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly details: Record<string, unknown>;
  readonly message: string;
}

export interface ReloadService {
  readonly url: string;
  readonly holder: KnowledgeHolder<IndexedKnowledgeBase>;
  readonly watcher: KnowledgeWatcher;
  readonly log: WatcherLogLine[];
  /** The detailed health report (what the admin port serves); the public /healthz shows statuses only. */
  health(): Promise<Record<string, any>>;
  close(): Promise<void>;
}

/** Starts the service on `knowledgeDir` with hot reload (debounce 100 ms). */
export async function startReloadService(knowledgeDir: string): Promise<ReloadService> {
  const log: WatcherLogLine[] = [];
  const record = (level: WatcherLogLine['level']) => (details: object, message: string) =>
    log.push({ level, details: details as Record<string, unknown>, message });
  const watcherLogger: WatcherLogger = { info: record('info'), warn: record('warn'), error: record('error') };
  const logger = createLogger('silent');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'laki-reload-data-'));
  const store = openStore({ dataDir, logger });
  const holder = createKnowledgeHolder(await loadKnowledgeBase(knowledgeDir));
  const watcher = createKnowledgeWatcher({ dir: knowledgeDir, holder, logger: watcherLogger, debounceMs: 100 });
  await watcher.ready();
  const adapter = createAdapter();
  const app = createApp({ knowledge: holder, questionLog: store.questionLog, storage: store.botState, logger, adapter });
  const server = createServer({
    adapter,
    app,
    knowledge: holder,
    logger,
    health: { knowledgeReload: knowledgeReloadHealth(watcher) },
    publicRateLimitPerMinute: 0,
  });
  const { url } = await server.listen(0, '127.0.0.1');
  return {
    url,
    holder,
    watcher,
    log,
    health: async () => (await server.health()).body,
    async close() {
      await watcher.close();
      await server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
