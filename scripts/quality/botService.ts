/**
 * The real service in a child process plus a local Bot Framework connector, for measuring
 * conversations over the protocol Teams speaks: the runner POSTs activities to `/api/messages`
 * and reads the bot's replies where Teams would receive them. Port 0 and a throwaway data
 * directory, so several runs (and tests) can share a machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The repository root (this file is scripts/quality/…, also when built into dist/). */
const ROOT = ((up: string) => (basename(up) === 'dist' ? resolve(up, '..') : up))(resolve(__dirname, '../..'));

/** What the service logs once it accepts connections, with its `url`. */
const LISTENING_MSG = 'LaKI-Assistent listening';
const STARTUP_TIMEOUT_MS = 60_000;

/** An activity the bot sent (reply, proactive message or card update), as the connector received it. */
export interface BotActivity {
  readonly type?: string;
  readonly id?: string;
  /** `update` when the bot replaced an earlier activity in place (e.g. a rated card). */
  readonly operation: 'send' | 'update';
  readonly text?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType?: string; readonly content?: unknown }>;
  readonly [key: string]: unknown;
}

/** A running service with its connector. */
export interface BotService {
  /** Base URL of the service, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The connector's URL: the `serviceUrl` of every activity sent to the bot. */
  readonly serviceUrl: string;
  /** What the bot sent to `conversationId` so far, in arrival order (typing indicators included). */
  activities(conversationId: string): BotActivity[];
  /** POSTs `activity` to `/api/messages`; resolves with the HTTP status once the turn ran. */
  post(activity: Record<string, unknown>): Promise<number>;
  /** The service's stderr so far (for error messages). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface BotServiceOptions {
  /** Knowledge directory, absolute or relative to the working directory; default `knowledge`. */
  readonly knowledgeDir?: string;
  /** More environment for the service (e.g. `DATABASE_URL`). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the connector and `src/index.ts` (through ts-node, as the tests do) in a temporary
 * working directory, so no `env/.env.local` of the checkout is read: no escalation target, no
 * tenant restriction, nothing but what is passed here.
 */
export async function startBotService(options: BotServiceOptions = {}): Promise<BotService> {
  const connector = await startRecordingConnector();
  const workDir = mkdtempSync(join(tmpdir(), 'laki-conversations-'));
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/index.ts')], {
    cwd: workDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: join(ROOT, 'node_modules'),
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      NODE_NO_WARNINGS: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(workDir, 'data'),
      KNOWLEDGE_DIR: resolve(options.knowledgeDir ?? 'knowledge'),
      KNOWLEDGE_RELOAD: 'false',
      METRICS_ENABLED: 'false',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('close', () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await connector.close();
    rmSync(workDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let url: string | undefined;
  while (!url) {
    url = listeningUrl(out);
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The service did not start (exit ${child.exitCode}):\n${err}\n${out.slice(-2000)}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const base = url;

  return {
    url: base,
    serviceUrl: connector.url,
    activities: (conversationId) => connector.activities(conversationId),
    async post(activity) {
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
      });
      await response.arrayBuffer();
      return response.status;
    },
    stderr: () => err,
    stop,
  };
}

function listeningUrl(stdout: string): string | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.includes(LISTENING_MSG)) continue;
    try {
      const parsed = JSON.parse(line) as { msg?: string; url?: string };
      if (parsed.msg === LISTENING_MSG && parsed.url) return parsed.url;
    } catch {
      // A line still being written.
    }
  }
  return undefined;
}

interface RecordingConnector {
  readonly url: string;
  activities(conversationId: string): BotActivity[];
  close(): Promise<void>;
}

/**
 * The connector side of the Bot Framework protocol: replies (`POST …/activities[/{replyToId}]`)
 * and card updates (`PUT …/activities/{id}`) are recorded per conversation and answered 200.
 */
async function startRecordingConnector(): Promise<RecordingConnector> {
  const byConversation = new Map<string, BotActivity[]>();
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parts = (req.url ?? '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
      let body: BotActivity | undefined;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BotActivity;
      } catch {
        body = undefined;
      }
      const conversationId = parts[0] === 'v3' && parts[1] === 'conversations' ? parts[2] : undefined;
      const id = req.method === 'PUT' ? parts[4] : `reply-${++counter}`;
      if (conversationId && body && parts[3] === 'activities') {
        const list = byConversation.get(conversationId) ?? [];
        list.push({ ...body, id: body.id ?? id, operation: req.method === 'PUT' ? 'update' : 'send' });
        byConversation.set(conversationId, list);
      }
      const answer = JSON.stringify({ id });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    activities: (conversationId) => [...(byConversation.get(conversationId) ?? [])],
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
