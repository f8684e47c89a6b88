/**
 * Reads `env/.env.<name>` files in the Teams Toolkit convention (dotenv syntax: `KEY=value`,
 * `#` comments, optional quotes), using Node's own parser so no dependency is needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { PackageError, PackageMessages } from './errors';

/** Environment names become file and zip names, so they are restricted to a safe alphabet. */
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Path of the env file for an environment name, e.g. `env/.env.local`. */
export function envFilePath(envDir: string, envName: string): string {
  if (!ENV_NAME.test(envName)) throw new PackageError([PackageMessages.invalidEnvName(envName)]);
  return join(envDir, `.env.${envName}`);
}

/**
 * Parses an env file into a plain record. Blank values are dropped: an env file writes `KEY=`
 * for "not set yet", and an empty id or URL would only fail later with a vaguer message.
 */
export function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) throw new PackageError([PackageMessages.envFileNotFound(file)]);
  const parsed = parseEnv(readFileSync(file, 'utf8'));
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined && value.trim() !== '') values[key] = value.trim();
  }
  return values;
}
