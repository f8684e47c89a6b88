/**
 * The real service as an operator runs it: the entry point `src/index.ts` in a child process
 * through ts-node (no build needed), configured only by the `env` the test passes (nothing of the
 * test runner's environment leaks in but `PATH`). Collects stdout and stderr and reads the JSON
 * log lines the service writes to stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');
/** The composition root the child process runs. */
export const ENTRY = join(ROOT, 'src/index.ts');

/** The message the service logs once it accepts connections (with its `url`). */
export const LISTENING_MSG = 'LaKI-Assistent listening';
/** The message the service logs once its admin port (metrics, detailed health) listens (with its `url`). */
export const ADMIN_LISTENING_MSG = 'admin port listening';

export interface SpawnServiceOptions {
  /** Environment of the service, on top of what running the TypeScript entry point needs. */
  readonly env: Record<string, string>;
  /** Working directory (the service reads `env/.env.*` from here); default: {@link ROOT}. */
  readonly cwd?: string;
}

/** A running (or exited) service process. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code once the process exited and its output is complete. */
  readonly exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr as they arrived, interleaved. */
  output(): string;
  /** The complete JSON log lines on stdout so far, parsed. */
  logLines(): Array<Record<string, any>>;
  /**
   * Resolves with the first log line whose `msg` is `msg`; rejects when the process exits first or
   * `timeoutMs` (when given) passes.
   */
  logLine(msg: string, timeoutMs?: number): Promise<Record<string, any>>;
  /** The {@link LISTENING_MSG} line, whose `url` is where the service listens. */
  listening(timeoutMs?: number): Promise<Record<string, any>>;
  kill(signal: NodeJS.Signals): void;
  /** Sends `signal` (default SIGTERM) unless the process already ended; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `src/index.ts` with `env`. Stop it in `afterEach`/`finally` (`stop` or `kill('SIGKILL')`). */
export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ENTRY], {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      // `-r ts-node/register` is resolved from the working directory, which may lie outside ROOT.
      NODE_PATH: join(ROOT, 'node_modules'),
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      NODE_NO_WARNINGS: '1',
      // A free admin port (metrics, detailed health): parallel tests must not contend for 9464.
      METRICS_PORT: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let both = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    both += chunk.toString();
    listeners.forEach((listener) => listener());
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    both += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));

  const logLines = () =>
    out
      .split('\n')
      .slice(0, -1) // the text after the last newline is a line still being written
      .filter(Boolean)
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, any>;
        } catch {
          throw new Error(`The service wrote a line to stdout that is not a JSON log line: ${line}`);
        }
      });

  const logLine = (msg: string, timeoutMs?: number) =>
    new Promise<Record<string, any>>((found, fail) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        listeners.delete(check);
        if (timer) clearTimeout(timer);
      };
      const check = () => {
        try {
          const line = logLines().find((candidate) => candidate.msg === msg);
          if (line) {
            finish();
            found(line);
          }
        } catch (error) {
          finish();
          fail(error);
        }
      };
      listeners.add(check);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          finish();
          fail(new Error(`no "${msg}" within ${timeoutMs} ms; stderr: ${err}; stdout: ${out}`));
        }, timeoutMs);
      }
      check();
      void exited.then((code) => {
        finish();
        fail(new Error(`exited with ${code} before "${msg}"; stderr: ${err}; stdout: ${out}`));
      });
    });

  return {
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    output: () => both,
    logLines,
    logLine,
    listening: (timeoutMs) => logLine(LISTENING_MSG, timeoutMs),
    kill: (signal) => {
      child.kill(signal);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * POSTs a Bot Framework activity to the service's `/api/messages` as Teams does; resolves with the
 * HTTP status once the turn ran (the body is read so the connection is released).
 */
export async function postTurn(url: string, activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.text();
  return response.status;
}
