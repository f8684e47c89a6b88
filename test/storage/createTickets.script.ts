/** Child process for the collision test: creates N tickets in the given database file. */
import { openSqliteStore } from '../../src/storage/sqlite';
import { newTicket } from './tmpStore';

async function main(): Promise<void> {
  const [file, count, label] = process.argv.slice(2);
  const store = openSqliteStore({ file });
  const numbers: string[] = [];
  for (let i = 0; i < Number(count); i += 1) {
    const { ticket } = await store.tickets.create(newTicket({ idempotencyKey: `${label}-${i}` }), () => [], new Date());
    numbers.push(ticket.number);
  }
  await store.close();
  process.stdout.write(JSON.stringify(numbers));
}

void main();
