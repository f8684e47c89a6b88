/**
 * Graceful shutdown of the real entry point (src/index.ts in a child process through ts-node):
 * SIGTERM while a bot turn waits on a slow connector. The turn must finish and be answered, no
 * new connection is accepted meanwhile, and the process exits 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService } from '../helpers/service';
import { teamsMessage } from './service';

const START_TIMEOUT_MS = 150_000;
const CONNECTOR_DELAY_MS = 1500;

/** A connector that takes its time with every request, like Teams under load. */
async function startSlowConnector() {
  const received: Array<{ path: string; body: any; at: number }> = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: text ? JSON.parse(text) : undefined, at: Date.now() });
      waiters.splice(0).forEach((wake) => wake());
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
      }, CONNECTOR_DELAY_MS);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    firstRequest: () => new Promise<void>((wake) => (received.length > 0 ? wake() : waiters.push(wake))),
    close: () => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

describe('graceful shutdown on SIGTERM', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'laki-shutdown-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('should finish the running turn, refuse new connections and exit 0', async () => {
    const connector = await startSlowConnector();
    const service = spawnService({ env: { PORT: '0', DATA_DIR: join(scratch, 'data'), LOG_LEVEL: 'info', KNOWLEDGE_RELOAD: 'false' } });
    const lines = service.logLines;

    try {
      const listening = await service.logLine('LaKI-Assistent listening');
      expect(lines().some((line) => line.level === 'warn' && /NO AUTHENTICATION/.test(line.msg))).toBe(true);

      const turn = fetch(`${listening.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(teamsMessage(connector.url, 'Wie erreiche ich die LaKI telefonisch?')),
      });
      await connector.firstRequest();
      const signalledAt = Date.now();
      service.kill('SIGTERM');

      await new Promise((wait) => setTimeout(wait, 300));
      await expect(fetch(`${listening.url}/healthz`)).rejects.toThrow();

      const response = await turn;
      const respondedAt = Date.now();
      expect(response.status).toBe(200);
      expect(await service.exited).toBe(0);
      const finishedAt = Date.now();

      // The answer card was delivered, and the turn was still waiting on the connector after
      // the signal: it was finished, not cut off.
      const types = connector.received.map((request) => request.body?.type);
      expect(types.at(-1)).toBe('message');
      expect(types.filter((type) => type === 'message')).toHaveLength(1);
      expect(respondedAt - signalledAt).toBeGreaterThanOrEqual(CONNECTOR_DELAY_MS - 300);
      const messages = lines().map((line) => line.msg);
      expect(messages.indexOf('shutting down')).toBeLessThan(messages.indexOf('stopped'));
      expect(lines().find((line) => line.msg === 'request' && line.path === '/api/messages')).toMatchObject({ status: 200 });
      // Shutdown waited for the turn, not for the 10 s timeout.
      expect(finishedAt - signalledAt).toBeLessThan(9_000);
      expect(service.stdout()).not.toContain('shutdown timed out');
    } finally {
      service.kill('SIGKILL');
      await connector.close();
    }
  }, START_TIMEOUT_MS);
});
