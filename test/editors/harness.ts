/**
 * The service from the service factory with hot reload on: real knowledge holder and watcher,
 * real teams-ai Application, real restify server on 127.0.0.1:0 with the reload health section, a
 * real SQLite store in a temporary directory. The public rate limit is off so load tests can
 * send many requests from one address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IndexedKnowledgeBase, KnowledgeHolder, KnowledgeWatcher, WatcherLogger } from '../../src/knowledge';
import { createLogger } from '../../src/logger';
import { createService } from '../../src/service';
import { testConfig } from '../helpers/server';

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
  close(): Promise<void>;
}

/** Starts the service on `knowledgeDir` with hot reload (debounce 100 ms). */
export async function startReloadService(knowledgeDir: string): Promise<ReloadService> {
  const log: WatcherLogLine[] = [];
  const record = (level: WatcherLogLine['level']) => (details: object, message: string) =>
    log.push({ level, details: details as Record<string, unknown>, message });
  const watcherLogger: WatcherLogger = { info: record('info'), warn: record('warn'), error: record('error') };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'laki-reload-data-'));
  const config = testConfig({
    KNOWLEDGE_DIR: knowledgeDir,
    DATA_DIR: dataDir,
    KNOWLEDGE_RELOAD: 'true',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
  });
  const service = await createService(config, {
    logger: createLogger('silent'),
    watcher: { debounceMs: 100, logger: watcherLogger },
    search: false,
  });
  const watcher = service.watcher!;
  await watcher.ready();
  return {
    url: service.url,
    holder: service.knowledge,
    watcher,
    log,
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
