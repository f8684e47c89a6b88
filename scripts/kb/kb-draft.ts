/**
 * `npm run kb:draft -- LAKI-2026-0042 [...]` or `-- --all`: writes a YAML draft for each answered
 * ticket to `KNOWLEDGE_DIR/drafts/` (never served). Existing drafts stay unless `--force`.
 * Exit code 1 when a ticket does not exist or has no answer yet, 2 for wrong arguments.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { Ticket } from '../../src/escalation/ticket';
import { loadKnowledgeBase } from '../../src/knowledge';
import { DRAFTS_DIR } from '../../src/editors/check';
import { draftFromTicket } from '../../src/editors/report/draft';
import { DraftText, ReportText } from '../../src/editors/report/messages';
import { openConfiguredStore } from '../../src/storage';
import { SQLITE_FILE_NAME } from '../../src/storage/sqlite';

class UsageError extends Error {}

/** Ids already used by drafts, so a new draft does not collide with one not yet moved. */
function draftIds(draftsDir: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(draftsDir)) return ids;
  for (const name of readdirSync(draftsDir).filter((file) => /\.ya?ml$/i.test(file))) {
    for (const match of readFileSync(path.join(draftsDir, name), 'utf8').matchAll(/^\s*-\s+id:\s*["']?([a-z0-9-]+)/gm)) {
      ids.add(match[1]!);
    }
  }
  return ids;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const force = args.includes('--force');
  const numbers = args.filter((arg) => !arg.startsWith('--')).map((arg) => arg.trim().toUpperCase());
  if (args.some((arg) => arg.startsWith('--') && arg !== '--all' && arg !== '--force') || all === numbers.length > 0) {
    throw new UsageError(DraftText.usage);
  }
  const config = loadConfig(process.env);
  const dbFile = path.join(config.dataDir, SQLITE_FILE_NAME);
  // SQLite: do not create an empty database where the bot's data was expected.
  if (!config.databaseUrl && !existsSync(dbFile)) throw new UsageError(ReportText.storeMissing(dbFile));

  const knowledge = await loadKnowledgeBase(config.knowledgeDir);
  const draftsDir = path.join(config.knowledgeDir, DRAFTS_DIR);
  const taken = new Set([...knowledge.entries.map((entry) => entry.id), ...draftIds(draftsDir)]);
  const store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  let failed = false;
  try {
    const tickets: Ticket[] = [];
    if (all) {
      tickets.push(...(await store.readers.answeredTickets.listAnswered()));
      if (tickets.length === 0) console.log(DraftText.noneAnswered);
    }
    for (const number of numbers) {
      const ticket = await store.tickets.getByNumber(number);
      if (!ticket) console.error(DraftText.notFound(number));
      else if (!ticket.answer) console.error(DraftText.notAnswered(number));
      else tickets.push(ticket);
      if (!ticket?.answer) failed = true;
    }
    let written = 0;
    mkdirSync(draftsDir, { recursive: true });
    for (const ticket of tickets) {
      const draft = draftFromTicket(ticket, knowledge, { today: new Date(), takenIds: taken });
      const file = path.join(draftsDir, draft.fileName);
      if (existsSync(file) && !force) {
        console.log(DraftText.exists(file));
        continue;
      }
      writeFileSync(file, draft.yaml);
      taken.add(draft.entry.id);
      written++;
      console.log(DraftText.written(file, draft.entry.id));
    }
    if (written > 0) console.log(`\n${DraftText.nextSteps}`);
  } finally {
    await store.close();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
