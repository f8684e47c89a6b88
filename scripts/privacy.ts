/**
 * Data protection requests (DSGVO) for one person, named by their Teams user id (`29:…`) or
 * their Entra object id:
 *
 *   npm run privacy:export -- <id> [--out FILE]   JSON of everything stored about them (Auskunft)
 *   npm run privacy:delete -- <id> [--dry-run]    deletes it in one transaction (Löschung)
 *
 * Works on the service's store: the SQLite file in DATA_DIR or PostgreSQL with DATABASE_URL,
 * read like `npm start` does (real environment, then env/.env.local.user, then env/.env.local).
 * Safe while the service runs. What is found and how: src/storage/personalData/index.ts.
 * Exit codes: 0 done, 1 failure, 2 wrong arguments or no database.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openPostgresStore } from '../src/storage/postgres';
import { openSqliteStore, SQLITE_FILE_NAME } from '../src/storage/sqlite';
import {
  deletePersonalData,
  exportPersonalData,
  postgresPersonalDataDb,
  PrivacyCliText,
  sqlitePersonalDataDb,
  type PersonalDataDb,
  type PersonalDataDeletion,
} from '../src/storage/personalData';

/** Same files, same order as src/index.ts. */
const ENV_FILES = ['env/.env.local.user', 'env/.env.local'];

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [command, subject, ...rest] = positionals;
  if (command !== 'export' && command !== 'delete') throw new UsageError(`${PrivacyCliText.unknownCommand(command ?? '')}\n${PrivacyCliText.usage}`);
  if (!subject?.trim() || rest.length > 0) throw new UsageError(PrivacyCliText.usage);

  for (const file of ENV_FILES) if (existsSync(file)) process.loadEnvFile(file);
  const config = loadConfig(process.env);
  const opened = await openDb(config.dataDir, config.databaseUrl);
  try {
    if (command === 'export') {
      const data = await exportPersonalData(opened.db, subject.trim(), { questionLogRetentionDays: config.questionLogRetentionDays });
      const json = `${JSON.stringify(data, null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, json, { mode: 0o600 });
        console.error(PrivacyCliText.written(values.out));
      } else {
        process.stdout.write(json);
      }
    } else {
      const dryRun = values['dry-run'] === true;
      const result = await deletePersonalData(opened.db, subject.trim(), { dryRun });
      console.log(dryRun ? PrivacyCliText.dryRun(summary(result)) : PrivacyCliText.deleted(summary(result)));
      console.log(PrivacyCliText.outsideStore);
    }
  } finally {
    await opened.close();
  }
}

async function openDb(dataDir: string, databaseUrl: string | undefined): Promise<{ db: PersonalDataDb; close(): Promise<void> }> {
  if (databaseUrl) {
    const store = await openPostgresStore({ connectionString: databaseUrl, applicationName: 'laki-assistent-privacy' });
    return { db: postgresPersonalDataDb(store.pool), close: () => store.close() };
  }
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  // Do not create an empty database where the service's data was expected.
  if (!existsSync(file)) throw new UsageError(PrivacyCliText.noStore(file));
  const store = openSqliteStore({ file });
  return { db: sqlitePersonalDataDb(store.db), close: () => store.close() };
}

function summary(result: PersonalDataDeletion): string {
  return [
    `${result.ticketsDeleted} ticket(s) asked`,
    `${result.deliveryJobsDeleted} delivery job(s)`,
    `${result.ticketsPseudonymised} handled ticket(s) pseudonymised`,
    `${result.turnStateRowsDeleted} turn state row(s) deleted`,
    `${result.turnStateRowsScrubbed} turn state row(s) cut`,
    `${result.editorialRecordsPseudonymised} draft(s)/revision(s) as editor pseudonymised`,
  ].join(', ');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
});
