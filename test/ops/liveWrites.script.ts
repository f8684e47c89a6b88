/**
 * Child process standing in for the running service: writes to the SQLite store as fast as it
 * can (tickets with their jobs, deliveries completed, question log, turn state) until killed.
 * Prints "writing" once the first round is stored.
 */
import { openSqliteStore } from '../../src/storage/sqlite';
import { newTicket } from '../storage/tmpStore';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const store = openSqliteStore({ file });
  for (let i = 0; ; i += 1) {
    const now = new Date();
    const { ticket } = await store.tickets.create(
      newTicket({ idempotencyKey: `live-${i}`, question: `Frage Nummer ${i} zur Förderung?` }),
      (created) => [
        { kind: 'channel-post', ticketId: created.id, dedupeKey: `ticket:${created.id}:channel-post` },
        { kind: 'email', ticketId: created.id, dedupeKey: `ticket:${created.id}:email` },
      ],
      now,
    );
    for (const job of await store.jobs.claimDue(now, 1, 60_000)) await store.jobs.complete(job.id, now);
    await store.questionLog.record({ kind: 'declined', question: `Frage Nummer ${i}`, outcome: 'none', score: 0.1 });
    await store.botState.write({ [`conversation/${i % 10}`]: { last: ticket.number } });
    if (i === 0) process.stdout.write('writing\n');
    if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

void main();
