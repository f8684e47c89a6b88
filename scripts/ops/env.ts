/** The environment the operators' tools read: the service's env files, real variables first. */
import { existsSync } from 'node:fs';

/** Same files and order as src/index.ts; variables already set are never overwritten. */
export const SERVICE_ENV_FILES = ['env/.env.local.user', 'env/.env.local'];

/** Loads {@link SERVICE_ENV_FILES} that exist in the working directory. */
export function loadServiceEnv(): void {
  for (const file of SERVICE_ENV_FILES) if (existsSync(file)) process.loadEnvFile(file);
}
