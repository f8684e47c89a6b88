/**
 * `npm run jobs -- <list|retry|discard> …`: the operators' tool for delivery jobs (see
 * `scripts/ops/jobsCommand.ts` and docs/deploy.md, "Failed deliveries"). Opens the store the
 * service uses (DATABASE_URL, else the SQLite file in DATA_DIR; env files as the service reads them).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { openConfiguredStore } from '../src/storage';
import { SQLITE_FILE_NAME } from '../src/storage/sqlite';
import { JobsUsageError, runJobsCommand } from './ops/jobsCommand';
import { loadServiceEnv } from './ops/env';

async function main(): Promise<void> {
  loadServiceEnv();
  const config = loadConfig(process.env);
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  if (!config.databaseUrl && !existsSync(file)) {
    console.error(`No database at ${file} (DATA_DIR); nothing to do.`);
    process.exitCode = 1;
    return;
  }
  const store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    process.exitCode = await runJobsCommand(process.argv.slice(2), { jobs: store.jobs, tickets: store.tickets });
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof JobsUsageError ? 2 : 1;
});
