/**
 * Child process for the collision test: creates N tickets in the given store, a SQLite file path
 * or a postgres:// URL (a second instance on the same database).
 */
import { openPostgresStore } from '../../src/storage/postgres';
import { openSqliteStore } from '../../src/storage/sqlite';
import { newTicket } from './tmpStore';

async function main(): Promise<void> {
  const [location, count, label] = process.argv.slice(2);
  const store = /^postgres(ql)?:/.test(location)
    ? await openPostgresStore({ connectionString: location })
    : openSqliteStore({ file: location });
  const numbers: string[] = [];
  for (let i = 0; i < Number(count); i += 1) {
    const { ticket } = await store.tickets.create(newTicket({ idempotencyKey: `${label}-${i}` }), () => [], new Date());
    numbers.push(ticket.number);
  }
  await store.close();
  process.stdout.write(JSON.stringify(numbers));
}

void main();
