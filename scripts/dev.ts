/**
 * `npm run dev`: the bot plus a Teams-like chat on localhost, no Teams tenant needed.
 *
 * Starts two children and supervises them:
 * - the Microsoft 365 Agents Playground, headless and offline
 *   (`APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none agentsplayground
 *   -e http://127.0.0.1:PORT/api/messages -c msteams -p 56150 --dt`), which serves the chat page;
 * - then the bot, `node dist/src/index.js` (it reads env/.env.local.user and env/.env.local
 *   itself). When the LaKI channel is the Playground's (env/.env.local) and the Playground had to
 *   use another port, the bot gets LAKI_TEAMS_SERVICE_URL pointing at the port actually used.
 *
 * Waits until `/healthz` answers and the Playground listens, then prints where to chat. Ctrl-C,
 * SIGTERM or SIGHUP (terminal closed) stops both; when either child exits, the other is stopped
 * and this process exits with the first child's exit code. The bot's JSON log is pretty-printed;
 * the Playground's own log goes to devTools/m365agentsplayground.log (git-ignored).
 *
 * Options: `--playground-port N` (default 56150). The bot's port and host come from the same
 * configuration the bot reads (`PORT`, `HOST` via src/config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import PinoPretty from 'pino-pretty';
import { ConfigError, loadConfig } from '../src/config';

/** The compiled script lives in dist/scripts; the project root is two levels up. */
const ROOT = resolve(__dirname, '..', '..');

/** Same files, same order as src/index.ts: the first file that sets a key wins, real env over both. */
const ENV_FILES = ['env/.env.local.user', 'env/.env.local'];

/** Default port of the chat page; the README links to it. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

/** Environment that keeps the Playground headless (no browser) and offline (no telemetry). */
const PLAYGROUND_ENV = { APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TEAMSAPPTESTER_BROWSER: 'none' } as const;

const PLAYGROUND_BIN = join(ROOT, 'node_modules', '.bin', 'agentsplayground');
const PLAYGROUND_LOG = join(ROOT, 'devTools', 'm365agentsplayground.log');
const BOT_ENTRY = join(ROOT, 'dist', 'src', 'index.js');

const STARTUP_TIMEOUT_MS = 60_000;
const POLL_MS = 200;
const STOP_GRACE_MS = 12_000;

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** What the child wrote to stdout so far (only kept for the Playground, which is not pretty-printed). */
  output(): string;
  /** Resolves with the exit code (128 + signal number when killed by a signal). */
  readonly exited: Promise<number>;
}

async function main(): Promise<void> {
  const playgroundPort = parsePlaygroundPort(process.argv.slice(2));
  const env = mergedEnv();
  const config = loadConfig(env);
  if (config.port === 0) fail('npm run dev needs a fixed PORT (0 picks a random one, which the Playground cannot follow).');
  const botHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const botBase = `http://${botHost.includes(':') ? `[${botHost}]` : botHost}:${config.port}`;
  const botEndpoint = `${botBase}/api/messages`;

  if (!existsSync(BOT_ENTRY)) fail(`${BOT_ENTRY} is missing: run "npm run build" first (npm run dev does).`);
  if (!existsSync(PLAYGROUND_BIN)) fail(`${PLAYGROUND_BIN} is missing: run "npm ci" first.`);

  // The Playground starts first: its port decides where the bot posts LaKI channel tickets.
  const playground = startChild(
    'Agents Playground',
    PLAYGROUND_BIN,
    ['-e', botEndpoint, '-c', 'msteams', '-p', String(playgroundPort), '--dt'],
    { env: { ...process.env, ...PLAYGROUND_ENV }, pretty: false },
  );
  const children: Child[] = [playground];
  let bot: Child | undefined;

  let stopping = false;
  const stopAll = async (reason: string, signal: NodeJS.Signals = 'SIGTERM') => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}; stopping the bot and the Agents Playground …`);
    await Promise.all(children.map((child) => stopChild(child, signal)));
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // The bot shuts down gracefully on SIGINT/SIGTERM; SIGHUP would kill it outright.
      void stopAll(`Received ${signal}`, signal === 'SIGHUP' ? 'SIGTERM' : signal).then(async () =>
        process.exit(await (bot ?? playground).exited),
      );
    });
  }

  // Whichever child ends first decides the exit code; the other one is stopped.
  const watch = (child: Child) =>
    void child.exited.then(async (code) => {
      if (stopping) return;
      await stopAll(`The ${child.name} exited with code ${code}`);
      if (child === playground) console.error(`See ${PLAYGROUND_LOG} for the Playground's log.`);
      process.exit(code);
    });
  watch(playground);

  try {
    const chatPort = await waitFor(() => listeningPort(playground.output()), 'the Agents Playground to start');
    if (stopping) return;
    const { botEnv, note } = followPlayground(env, config.escalation?.channel?.serviceUrl, chatPort);
    // restify 11 touches process.binding('http_parser') (DEP0111) on start: known, harmless noise here.
    bot = startChild('bot', process.execPath, ['--disable-warning=DEP0111', BOT_ENTRY], { env: botEnv, pretty: true });
    children.push(bot);
    watch(bot);

    await waitFor(() => isHealthy(`${botBase}/healthz`), `the bot at ${botBase}/healthz`);
    await waitFor(() => answers(`http://127.0.0.1:${chatPort}/`).then((ok) => (ok ? true : undefined)), 'the chat page');
    if (stopping) return;
    if (chatPort !== playgroundPort) console.log(`Port ${playgroundPort} was taken; the Playground uses ${chatPort} instead.`);
    if (note) console.log(note);
    console.log(
      [
        '',
        'LaKI-Assistent is running (local mode, no Microsoft cloud).',
        `  Bot endpoint:   ${botEndpoint}`,
        `  Question API:   ${botBase}/api/ask?q=Wie%20erreiche%20ich%20die%20LaKI%3F`,
        `  Playground log: ${PLAYGROUND_LOG}`,
        '',
        `Chat with the bot at http://localhost:${chatPort}`,
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : String(error));
    await stopAll('Start-up failed');
    process.exit(1);
  }
}

/** A LaKI channel service URL that is a local Agents Playground's connector (env/.env.local). */
const LOCAL_PLAYGROUND_CONNECTOR = /^http:\/\/(?:127\.0\.0\.1|localhost):(\d+)\/_connector\/?$/;

/**
 * env/.env.local makes the Playground's "General" channel the LaKI channel at the default port.
 * When this Playground listens elsewhere (`--playground-port`, or its fallback when the port is
 * taken), the bot's channel service URL follows it, so escalation still reaches the channel.
 */
function followPlayground(
  env: NodeJS.ProcessEnv,
  serviceUrl: string | undefined,
  chatPort: number,
): { botEnv: NodeJS.ProcessEnv; note?: string } {
  const match = serviceUrl ? LOCAL_PLAYGROUND_CONNECTOR.exec(serviceUrl) : null;
  if (!match || Number(match[1]) === chatPort) return { botEnv: env };
  const followed = `http://127.0.0.1:${chatPort}/_connector`;
  return {
    botEnv: { ...env, LAKI_TEAMS_SERVICE_URL: followed },
    note: `LAKI_TEAMS_SERVICE_URL follows the Playground: ${followed} (configured: ${serviceUrl}).`,
  };
}

/** Env files under the real environment, as src/index.ts loads them (first file wins). */
function mergedEnv(): NodeJS.ProcessEnv {
  const fromFiles: Record<string, string> = {};
  for (const file of [...ENV_FILES].reverse()) {
    const path = join(ROOT, file);
    if (existsSync(path)) Object.assign(fromFiles, parseEnv(readFileSync(path, 'utf8')));
  }
  return { ...fromFiles, ...process.env };
}

function parsePlaygroundPort(args: readonly string[]): number {
  const index = args.indexOf('--playground-port');
  if (index === -1) return DEFAULT_PLAYGROUND_PORT;
  const port = Number(args[index + 1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail('--playground-port needs a port number (1-65535).');
  return port;
}

/**
 * Each child gets its own process group, so a terminal's Ctrl-C reaches only this supervisor,
 * which forwards it once (the bot shuts down gracefully on the first signal only).
 */
function startChild(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; pretty: boolean }): Child {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', options.pretty ? 'inherit' : 'pipe'],
  });
  let output = '';
  if (options.pretty) {
    child.stdout?.pipe(PinoPretty({ colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' }));
  } else {
    // Kept short: only the first lines matter (the port); the full log is in devTools/.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (output.length < 64_000) output += chunk.toString('utf8');
    });
  }
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<number>((done) => {
    child.once('error', (error) => {
      console.error(`Cannot start the ${name}: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => {
      if (errors.trim() && code !== 0) console.error(`${name}: ${errors.trim().split('\n').slice(-20).join('\n')}`);
      done(code ?? 128 + signalNumber(signal));
    });
  });
  return { name, process: child, exited, output: () => output };
}

/** Sends `signal` to the child's process group; SIGKILL if it is still running after a grace period. */
async function stopChild(child: Child, signal: NodeJS.Signals): Promise<void> {
  const { pid } = child.process;
  if (pid === undefined || child.process.exitCode !== null || child.process.signalCode !== null) return;
  const send = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  send(signal);
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    child.exited.then(() => true),
    new Promise<boolean>((done) => (timer = setTimeout(() => done(false), STOP_GRACE_MS))),
  ]);
  clearTimeout(timer);
  if (!stopped) {
    console.error(`The ${child.name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it.`);
    send('SIGKILL');
    await child.exited;
  }
}

async function isHealthy(url: string): Promise<true | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * The Playground prints "Listening on PORT" on stdout even when it is not a terminal; the port
 * differs from the requested one when that was taken. (Its log file under devTools/ is shared by
 * every Playground started in this folder, so it is not a reliable source.)
 */
function listeningPort(output: string): number | undefined {
  const match = /Listening on (\d+)/.exec(output);
  return match ? Number(match[1]) : undefined;
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${STARTUP_TIMEOUT_MS / 1000} s waiting for ${what}.`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : 15;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(`LaKI-Assistent cannot start.\n${error.message}`);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
