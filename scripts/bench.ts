/**
 * `npm run bench`: performance figures for the README, in one run.
 *
 * 1. Starts the real service (`node dist/src/index.js`: real knowledge base, SQLite store in a
 *    temporary DATA_DIR, local mode, per-IP rate limit off since one client stands in for many
 *    users) on a free port, and measures with autocannon `/healthz` and
 *    `/api/ask` side by side (same server, connections and duration; every ask request carries a
 *    different question from a generated set, so no cache can stand in for matching).
 * 2. Times bot turns through `/api/messages` with a local connector: from the POST until the
 *    bot's reply reaches the connector.
 * 3. In this process: index build time, per-query match time and retained heap for the real
 *    knowledge base and synthetic ones of 1,000 and 10,000 entries grown from it.
 * Prints Markdown tables and the askReqPerSec / healthzReqPerSec ratio, and writes the raw
 * figures to test-artifacts/bench/latest.json.
 *
 * Options: `--duration S` (10), `--connections N` (10), `--rounds N` (2), `--turns N` (200),
 * `--sizes 1000,10000`, `--matcher-only` (skip the HTTP part: steps 1 and 2), `--quick` (1 round
 * of 3 s, 50 turns, 1,000 entries only; for checking the script, not for figures).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readKnowledgeSource } from '../src/knowledge/loader';
import { loadAsk, loadFixedPath, outcomeMix, timeBotTurns, type LoadResult, type TurnResult } from './bench/http';
import { measureMatcher, type MatcherResult } from './bench/matcher';
import { generateQuestions } from './bench/questions';
import { assertValidEntries, syntheticEntries } from './bench/syntheticKnowledge';
import { freePort } from './lib/freePort';

/** The compiled script lives in dist/scripts; the project root is two levels up. */
const ROOT = resolve(__dirname, '..', '..');
const SERVICE_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
const KNOWLEDGE_DIR = join(ROOT, 'knowledge');
const RESULT_FILE = join(ROOT, 'test-artifacts', 'bench', 'latest.json');

/** Distinct questions for the load run; more than the requests a 10 s run usually makes. */
const LOAD_QUESTIONS = 20_000;
/** Questions timed against each knowledge base in process. */
const MATCH_QUERIES = 2_000;
const STARTUP_TIMEOUT_MS = 60_000;

interface Options {
  /** Alternating /healthz and /api/ask runs, so drifting load from other processes hits both alike. */
  readonly rounds: number;
  readonly durationSeconds: number;
  readonly connections: number;
  readonly turns: number;
  readonly sizes: readonly number[];
  /** Only the in-process matcher figures (step 3). */
  readonly matcherOnly: boolean;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string) => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const positive = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} needs a positive whole number (got "${raw}")`);
    return parsed;
  };
  const quick = args.includes('--quick');
  const sizes = value('--sizes')?.split(',').map(Number) ?? (quick ? [1000] : [1000, 10_000]);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes needs a comma-separated list of entry counts');
  return {
    rounds: positive('--rounds', quick ? 1 : 2),
    durationSeconds: positive('--duration', quick ? 3 : 10),
    connections: positive('--connections', 10),
    turns: positive('--turns', quick ? 50 : 200),
    sizes,
    matcherOnly: args.includes('--matcher-only'),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} at start`;
  console.log(`LaKI-Assistent benchmark — ${machine}\n`);

  const http = options.matcherOnly ? undefined : await measureHttp(options);

  console.log('Matcher: real knowledge base and synthetic ones …');
  const source = await readKnowledgeSource(KNOWLEDGE_DIR);
  const queries = generateQuestions(MATCH_QUERIES, 4242);
  const matchers: MatcherResult[] = [measureMatcher('real `knowledge/`', source.entries, source.synonyms, queries)];
  for (const size of options.sizes) {
    const entries = syntheticEntries(source.entries, size);
    assertValidEntries(entries);
    matchers.push(measureMatcher(`synthetic ${size.toLocaleString('en-US')}`, entries, source.synonyms, queries));
  }

  console.log(`\n${report({ machine, options, http, matchers })}`);
  mkdirSync(join(ROOT, 'test-artifacts', 'bench'), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify({ at: new Date().toISOString(), machine, options, ...http, matchers }, null, 2)}\n`);
  console.log(`\nRaw figures: ${RESULT_FILE}`);
}

/** The HTTP figures: /healthz and /api/ask rounds, their ratio and the bot turns. */
interface HttpFigures {
  readonly rounds: ReadonlyArray<{ healthz: LoadResult; ask: LoadResult }>;
  readonly ratio: number;
  readonly askOutcomeMix: Record<string, number>;
  readonly turns: TurnResult;
}

/** Steps 1 and 2: the service as a child process under autocannon, then bot turns. */
async function measureHttp(options: Options): Promise<HttpFigures> {
  const questions = generateQuestions(LOAD_QUESTIONS);
  const service = await startService();
  const rounds: Array<{ healthz: LoadResult; ask: LoadResult }> = [];
  let turns: TurnResult;
  let mix: Record<string, number>;
  try {
    const load = { connections: options.connections, durationSeconds: options.durationSeconds };
    mix = await outcomeMix(service.url, questions.slice(0, 300));
    console.log(`Warm-up and outcome mix of the first 300 load questions: ${JSON.stringify(mix)}`);
    await loadAsk(service.url, questions.slice(-2000), { ...load, durationSeconds: 2 });

    let asked = 0;
    for (let round = 1; round <= options.rounds; round++) {
      console.log(`Round ${round}: GET /healthz, ${options.connections} connections, ${options.durationSeconds} s …`);
      const healthz = { ...(await loadFixedPath(service.url, '/healthz', load)), label: `/healthz (round ${round})` };
      console.log(`Round ${round}: GET /api/ask with distinct questions, ${options.connections} connections, ${options.durationSeconds} s …`);
      // Each round continues where the last one stopped in the question list.
      const rotated = [...questions.slice(asked % questions.length), ...questions.slice(0, asked % questions.length)];
      const ask = { ...(await loadAsk(service.url, rotated, load)), label: `/api/ask (round ${round})` };
      await requireAllOk(service.url, healthz, '/healthz');
      await requireAllOk(service.url, ask, `/api/ask?q=${encodeURIComponent(rotated[0])}`);
      asked += ask.total;
      rounds.push({ healthz, ask });
    }
    console.log(`Bot turns through /api/messages: ${options.turns} …`);
    turns = await timeBotTurns(service.url, questions, options.turns);
  } finally {
    await service.stop();
  }

  const sum = (pick: (round: (typeof rounds)[number]) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const ratio = sum((round) => round.ask.reqPerSec) / sum((round) => round.healthz.reqPerSec);
  return { rounds, ratio, askOutcomeMix: mix, turns };
}

function report(figures: {
  machine: string;
  options: Options;
  http: HttpFigures | undefined;
  matchers: readonly MatcherResult[];
}): string {
  const { options, http: figuresHttp, matchers } = figures;
  const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));
  const row = (result: LoadResult) =>
    `| \`${result.label}\` | ${Math.round(result.reqPerSec)} | ${wholeMs(result.p50Ms)} | ${wholeMs(result.p99Ms)} | ${result.total} | ${result.non2xx} | ${result.errors} |`;
  // autocannon records latency in whole milliseconds.
  const wholeMs = (value: number) => (value < 1 ? '< 1' : String(Math.round(value)));
  const httpLines = (({ rounds, ratio, turns }: HttpFigures) => [
    `HTTP, one server, autocannon ${options.connections} connections × ${options.durationSeconds} s per run,` +
      ` /healthz and /api/ask alternating; every /api/ask request has a different question` +
      ` (${LOAD_QUESTIONS.toLocaleString('en-US')} generated); autocannon latencies are whole milliseconds:`,
    '',
    '| Endpoint | req/s | p50 ms | p99 ms | requests | non-2xx | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rounds.flatMap((round) => [row(round.healthz), row(round.ask)]),
    '',
    `askReqPerSec / healthzReqPerSec = ${ratio.toFixed(2)}` +
      (rounds.length > 1 ? ` (per round: ${rounds.map((round) => (round.ask.reqPerSec / round.healthz.reqPerSec).toFixed(2)).join(', ')})` : ''),
    '',
    `Bot turn through \`/api/messages\` (POST until the reply reaches a local connector, ${turns.turns} sequential turns):` +
      ` median ${ms(turns.medianMs)} ms, p99 ${ms(turns.p99Ms)} ms, max ${ms(turns.maxMs)} ms.`,
    '',
  ]);
  return [
    `Machine: ${figures.machine}.`,
    '',
    ...(figuresHttp ? httpLines(figuresHttp) : ['(HTTP part skipped: --matcher-only)', '']),
    `Matcher in process (${matchers[0]?.queries ?? 0} distinct questions per knowledge base):`,
    '',
    '| Knowledge base | entries | vocabulary | index build ms | build CPU ms | match mean ms | match p50 ms | match p99 ms | heap Δ MB | answer / suggest / none |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...matchers.map(
      (m) =>
        `| ${m.label} | ${m.entries} | ${m.vocabulary} | ${Math.round(m.buildMs)} | ${Math.round(m.buildCpuMs)} | ${ms(m.matchMeanMs)} | ${ms(m.matchP50Ms)} | ${ms(m.matchP99Ms)} |` +
        ` ${m.heapDeltaMb.toFixed(1)} | ${m.outcomes.answer ?? 0} / ${m.outcomes.suggest ?? 0} / ${m.outcomes.none ?? 0} |`,
    ),
  ].join('\n');
}

/** A run with failed answers measured something else than the endpoint's work: stop with a reason. */
async function requireAllOk(base: string, result: LoadResult, samplePath: string): Promise<void> {
  if (result.non2xx === 0 && result.errors === 0) return;
  const sample = await fetch(`${base}${samplePath}`);
  throw new Error(
    `${result.label}: ${result.non2xx} non-2xx answers and ${result.errors} errors out of ${result.total} requests; ` +
      `the figures would be meaningless. A request now answers ${sample.status}: ${(await sample.text()).slice(0, 300)}`,
  );
}

interface Service {
  readonly url: string;
  stop(): Promise<void>;
}

/** Runs the service as a child process, as `npm start` would, on a free port with throwaway data. */
async function startService(): Promise<Service> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'laki-bench-'));
  const child: ChildProcess = spawn(process.execPath, [SERVICE_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: '0', // a free admin port: never contend with a running bot for 9464
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR,
      LOG_LEVEL: 'info',
      // The load comes from one IP standing in for many users; the per-IP limit would answer 429.
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The service exited with ${child.exitCode} during start-up:\n${errors}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The service did not answer /healthz within ${STARTUP_TIMEOUT_MS / 1000} s:\n${errors}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}


main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
