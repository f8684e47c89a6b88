import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/service';

/** Runs a script of `scripts/` as its npm script does (ts-node), in `cwd`, with only `env`. */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NODE_PATH: join(ROOT, 'node_modules'), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
