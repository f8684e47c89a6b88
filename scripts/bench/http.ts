/**
 * HTTP load runs with autocannon (programmatic API) and bot turns through `/api/messages`.
 */
import { startBenchConnector } from './connector';
import { percentile } from './stats';

/** The part of autocannon's result the benchmark reports. */
interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly duration: number;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;

// autocannon ships no type declarations; this is the one call the benchmark makes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

/** One load run's figures. */
export interface LoadResult {
  readonly label: string;
  readonly reqPerSec: number;
  readonly total: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  /** `/api/ask` only: how many different questions were sent. */
  readonly distinctQuestions?: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
}

/** Hammers one fixed path (e.g. `/healthz`). */
export async function loadFixedPath(base: string, path: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [{ method: 'GET', path }],
  });
  return toLoadResult(path, result);
}

/**
 * Hammers `/api/ask` with a different question on every request (cycling through `questions`),
 * so matching work is measured, not a cache.
 */
export async function loadAsk(base: string, questions: readonly string[], options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/ask?q=${encodeURIComponent(questions[next++ % questions.length])}`,
        }),
      },
    ],
  });
  return { ...toLoadResult('/api/ask', result), distinctQuestions: Math.min(next, questions.length) };
}

function toLoadResult(label: string, result: AutocannonResult): LoadResult {
  return {
    label,
    reqPerSec: result.requests.average,
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** How the bot's answers to a sample of the load questions split by outcome (sanity check of the mix). */
export async function outcomeMix(base: string, questions: readonly string[]): Promise<Record<string, number>> {
  const mix: Record<string, number> = {};
  for (const question of questions) {
    const response = await fetch(`${base}/api/ask?q=${encodeURIComponent(question)}`);
    const body = (await response.json()) as { outcome?: string };
    const key = response.ok ? String(body.outcome) : `HTTP ${response.status}`;
    mix[key] = (mix[key] ?? 0) + 1;
  }
  return mix;
}

export interface TurnResult {
  readonly turns: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Sequential bot turns: POST a Teams message activity to `/api/messages` whose `serviceUrl` is a
 * local connector, and time until the bot's reply (not the typing indicator) reaches it.
 * Conversations rotate over a few ids, so turn state is read and written as in a real chat.
 */
export async function timeBotTurns(base: string, questions: readonly string[], turns: number, warmup = 20): Promise<TurnResult> {
  const connector = await startBenchConnector();
  const times: number[] = [];
  try {
    for (let i = 0; i < turns + warmup; i++) {
      const conversationId = `bench-conversation-${i % 10}`;
      const reply = connector.nextReply(conversationId);
      const started = performance.now();
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `bench-incoming-${i}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          timestamp: new Date().toISOString(),
          locale: 'de-DE',
          text: questions[i % questions.length],
          from: { id: `bench-user-${i % 10}`, name: 'Bench User', aadObjectId: `00000000-0000-0000-0000-00000000${String(i % 10).padStart(4, '0')}` },
          recipient: { id: 'bench-bot', name: 'LaKI-Assistent' },
          conversation: { id: conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
          channelData: { tenant: { id: 'bench-tenant' } },
        }),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/api/messages answered ${response.status} on turn ${i}`);
      const arrived = await reply;
      if (i >= warmup) times.push(arrived - started);
    }
  } finally {
    await connector.close();
  }
  return { turns, medianMs: percentile(times, 50), p99Ms: percentile(times, 99), maxMs: Math.max(...times) };
}
