/**
 * `npm run kb:history [-- --entry ID] [--limit N] [--full]`: prints what editors published and
 * undid in Teams (newest first), from the bot's store (SQLite under `DATA_DIR`, or PostgreSQL with
 * `DATABASE_URL`). `--full` adds each entry before and after as YAML. Exit code 2 for wrong
 * arguments or a missing database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { formatHistory } from '../../src/editors/history';
import { EditorMessages as M } from '../../src/chat';
import { ReportText } from '../../src/editors';
import { openConfiguredStore } from '../../src/storage';
import { SQLITE_FILE_NAME } from '../../src/storage/sqlite';

class UsageError extends Error {}

function parseArgs(args: readonly string[]): { entryId?: string; limit: number; full: boolean } {
  let entryId: string | undefined;
  let limit = 50;
  let full = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--entry' && args[i + 1]) entryId = args[++i];
    else if (arg === '--limit' && /^\d+$/.test(args[i + 1] ?? '') && Number(args[i + 1]) > 0) limit = Number(args[++i]);
    else if (arg === '--full') full = true;
    else throw new UsageError(M.historyUsage);
  }
  return { entryId, limit, full };
}

async function main(): Promise<void> {
  const { entryId, limit, full } = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  const dbFile = path.join(config.dataDir, SQLITE_FILE_NAME);
  if (!config.databaseUrl && !existsSync(dbFile)) throw new UsageError(ReportText.storeMissing(dbFile));
  const store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const revisions = await store.editors.listRevisions({ ...(entryId ? { entryId } : {}), limit, newestFirst: true });
    console.log(formatHistory(revisions, { full }));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
