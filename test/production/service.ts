/**
 * The service from a configuration, for the production tests: `loadConfig(env)` → the service
 * factory as src/index.ts calls it (adapter with credentials and endpoint overrides, teams-ai
 * Application, server with tenant restriction, rate limit and metrics), on a real SQLite store in
 * a temporary directory, with every log line captured. Listens on 127.0.0.1:0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createMetrics, type Metrics } from '../../src/metrics';
import type { HttpServer } from '../../src/server';
import { createService } from '../../src/service';
import { openStore } from '../../src/storage';
import type { SqliteStore } from '../../src/storage/sqlite';
import { captureLogger } from '../helpers/capturedLogger';
import { knowledgeFor, SERVICE_KNOWLEDGE_DIR } from '../helpers/server';

/** A running service. */
export interface ProductionService {
  readonly url: string;
  readonly server: HttpServer;
  readonly store: SqliteStore;
  readonly metrics: Metrics;
  /** Every log line so far (all levels, debug included), parsed. */
  logLines(): Array<Record<string, any>>;
  /** The raw log output so far. */
  logText(): string;
  /** Rows in the question log and the bot's turn state: what a turn would have stored. */
  storedRows(): { questions: number; botState: number };
  close(): Promise<void>;
}

/** Starts the service from `env` (the keys src/config.ts reads). */
export async function startProductionService(env: Record<string, string>): Promise<ProductionService> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_RELOAD: 'false', ...env });
  const { logger, logText, logLines } = captureLogger();
  // Instruments also when METRICS_ENABLED=false (then they are fed but not served).
  const metrics = createMetrics({ defaultMetrics: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'laki-production-'));
  const store = openStore({ dataDir, logger });
  // These tests exercise mechanics (authentication, logs, metrics, limits), not content: the
  // small fixture knowledge base keeps them independent of editors' changes.
  const knowledge = await knowledgeFor(SERVICE_KNOWLEDGE_DIR);
  const service = await createService(config, { logger, store, metrics, knowledge, search: false });
  const { url, server } = service;
  const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  return {
    url,
    server,
    store,
    metrics,
    logText,
    logLines,
    storedRows: () => ({ questions: count('question_log'), botState: count('bot_state') }),
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;

/** A Teams message activity from `tenantId`, as the Bot Framework service posts it. */
export function teamsMessage(
  serviceUrl: string,
  text: string,
  options: { tenantId?: string; conversationId?: string; type?: string; extra?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const tenantId = options.tenantId ?? 'tenant-home';
  sequence += 1;
  return {
    type: options.type ?? 'message',
    id: `incoming-${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'de-DE',
    text,
    textFormat: 'plain',
    from: { id: 'user-1', name: 'Erika Mustermann', aadObjectId: 'aad-user-1' },
    recipient: { id: 'bot-1', name: 'LaKI-Assistent' },
    conversation: { id: options.conversationId ?? `conv-${sequence}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    ...options.extra,
  };
}

/** POSTs an activity to `/api/messages`; resolves with status, headers and parsed body. */
export async function postActivity(
  url: string,
  activity: Record<string, unknown>,
  authorization?: string,
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, headers: response.headers, body };
}
