/**
 * `npm run kb:export [-- --into DIR]`: brings the entries editors published in Teams back into
 * version control. Applies every revision in the bot's store (SQLite under `DATA_DIR`, or
 * PostgreSQL with `DATABASE_URL`) to the YAML files in DIR (default: `knowledge`, the repository's
 * folder) the same way the running service does — only the published entries' text changes — and
 * lists what it wrote. Then review with `git diff knowledge/` and commit.
 *
 * An entry that was also changed in the YAML itself is left as it is (and named), so a
 * developer's edit is never overwritten. Exit code 1 when an entry could not be applied.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ExportText } from '../../src/editors/exportText';
import { createKnowledgeSync } from '../../src/editors/sync';
import { ReportText } from '../../src/editors';
import { openConfiguredStore } from '../../src/storage';
import { SQLITE_FILE_NAME } from '../../src/storage/sqlite';

class UsageError extends Error {}

function parseArgs(args: readonly string[]): { into: string } {
  let into = 'knowledge';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--into' && args[i + 1]) into = args[++i]!;
    else throw new UsageError(ExportText.usage);
  }
  return { into };
}

async function main(): Promise<void> {
  const { into } = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  const dbFile = path.join(config.dataDir, SQLITE_FILE_NAME);
  if (!config.databaseUrl && !existsSync(dbFile)) throw new UsageError(ReportText.storeMissing(dbFile));
  if (!existsSync(into)) throw new UsageError(ExportText.missingDir(into));
  const store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  try {
    const sync = createKnowledgeSync({ dir: into, store: store.editors, logger: quiet, reload: async () => undefined });
    const result = await sync.applyPending();
    console.log(ExportText.summary(into, result));
    process.exitCode = result.refused.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
