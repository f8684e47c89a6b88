/**
 * `npm run kb:report [-- --out DIR] [--days N]`: writes the editors' report (bericht.md plus CSV
 * files) from the bot's store (SQLite under `DATA_DIR`, or PostgreSQL with `DATABASE_URL`),
 * judged against the knowledge base in `KNOWLEDGE_DIR`. Default output:
 * `DATA_DIR/berichte/JJJJ-MM-TT/` (next to the data it is made from, outside git).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadKnowledgeBase } from '../../src/knowledge';
import { DRAFTS_DIR } from '../../src/editors/check';
import { renderCsvFiles } from '../../src/editors/report/csv';
import { draftFileName, isoDay } from '../../src/editors/report/draft';
import { renderMarkdown } from '../../src/editors/report/markdown';
import { ReportText } from '../../src/editors/report/messages';
import { buildReport } from '../../src/editors/report/model';
import { openConfiguredStore } from '../../src/storage';
import { SQLITE_FILE_NAME } from '../../src/storage/sqlite';

const DEFAULT_DAYS = 90;

/** Thrown for wrong arguments or missing data; printed as is, exit code 2. */
class UsageError extends Error {}

function parseArgs(args: readonly string[]): { out?: string; days: number } {
  let out: string | undefined;
  let days = DEFAULT_DAYS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out' && args[i + 1]) out = args[++i];
    else if (arg === '--days' && /^\d+$/.test(args[i + 1] ?? '') && Number(args[i + 1]) > 0) days = Number(args[++i]);
    else throw new UsageError(ReportText.usageReport);
  }
  return { out, days };
}

async function main(): Promise<void> {
  const { out, days } = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  const dbFile = path.join(config.dataDir, SQLITE_FILE_NAME);
  // SQLite: do not create an empty database where the bot's data was expected.
  if (!config.databaseUrl && !existsSync(dbFile)) throw new UsageError(ReportText.storeMissing(dbFile));

  const now = new Date();
  const since = new Date(now.getTime() - days * 86_400_000);
  const knowledge = await loadKnowledgeBase(config.knowledgeDir);
  const store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const events = await store.readers.questionLog.listSince(since);
    const tickets = await store.readers.answeredTickets.listAnswered();
    const openTickets = await store.readers.openTickets.countOpen();
    const draftsDir = path.join(config.knowledgeDir, DRAFTS_DIR);
    const draftFiles = new Set(existsSync(draftsDir) ? readdirSync(draftsDir) : []);
    const draftedTickets = new Set(tickets.filter((t) => draftFiles.has(draftFileName(t.number))).map((t) => t.number));
    const model = buildReport({ events, tickets, openTickets, knowledge, draftedTickets, since, now });

    const dir = out ?? path.join(config.dataDir, 'berichte', isoDay(now));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'bericht.md'), renderMarkdown(model));
    for (const [name, content] of Object.entries(renderCsvFiles(model))) writeFileSync(path.join(dir, name), content);
    console.log(ReportText.written(dir));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
