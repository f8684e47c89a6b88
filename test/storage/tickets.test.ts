import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DedupeKey, type NewJob } from '../../src/escalation/job';
import type { Ticket } from '../../src/escalation/ticket';
import { describeEachStore, type TestStore } from './storeFactories';
import { newTicket } from './tmpStore';

const run = promisify(execFile);
const NOW = new Date('2026-03-10T09:00:00Z');

describeEachStore('ticket store', (factory) => {
  let store: TestStore;
  beforeEach(async () => (store = await factory.open()));
  afterEach(() => store.cleanup());

  const postJob = (ticket: Ticket): NewJob[] => [{ kind: 'channel-post', ticketId: ticket.id, dedupeKey: DedupeKey.channelPost(ticket.id) }];

  it('should number tickets by year and per-year sequence', async () => {
    const first = await store.tickets.create(newTicket(), () => [], NOW);
    const second = await store.tickets.create(newTicket(), () => [], NOW);
    const nextYear = await store.tickets.create(newTicket(), () => [], new Date('2027-01-01T00:30:00+01:00'));
    expect([first.ticket.number, second.ticket.number, nextYear.ticket.number]).toEqual([
      'LAKI-2026-0001',
      'LAKI-2026-0002',
      'LAKI-2027-0001',
    ]);
  });

  it('should count the year in German time', async () => {
    // 23:30 UTC on 31 December is already 1 January in Germany.
    const { ticket } = await store.tickets.create(newTicket(), () => [], new Date('2026-12-31T23:30:00Z'));
    expect(ticket.number).toBe('LAKI-2027-0001');
  });

  it('should store and read back every field', async () => {
    const { ticket, created } = await store.tickets.create(newTicket({ bestGuessIds: ['a', 'b'] }), postJob, NOW);
    expect(created).toBe(true);
    expect(ticket).toMatchObject({ status: 'open', version: 1, createdAt: NOW, updatedAt: NOW, bestGuessIds: ['a', 'b'] });
    expect(await store.tickets.get(ticket.id)).toEqual(ticket);
    expect(await store.tickets.getByNumber(ticket.number)).toEqual(ticket);
    expect(await store.tickets.getByNumber('LAKI-2026-9999')).toBeUndefined();
  });

  it('should return the existing ticket and enqueue nothing when the idempotency key repeats', async () => {
    const draft = newTicket({ idempotencyKey: 'activity-123' });
    const first = await store.tickets.create(draft, postJob, NOW);
    const again = await store.tickets.create({ ...draft, question: 'anders' }, postJob, NOW);
    expect(again).toEqual({ ticket: first.ticket, created: false });
    expect(await store.jobs.listByTicket(first.ticket.id)).toHaveLength(1);
    expect(await store.tickets.countByAskerSince(draft.askerUserId, new Date(0))).toBe(1);
  });

  it('should write the ticket and its jobs in one transaction', async () => {
    const failing = (): NewJob[] => [{ kind: 'email', ticketId: 'no-such-ticket', dedupeKey: 'x' }];
    // better-sqlite3's SqliteError comes from the realm that loaded the addon first, so match the message.
    await expect(store.tickets.create(newTicket(), failing, NOW)).rejects.toMatchObject({ message: expect.stringMatching(/FOREIGN KEY/i) });
    expect(await store.tickets.countByAskerSince(newTicket().askerUserId, new Date(0))).toBe(0);
    // The sequence number was rolled back too.
    expect((await store.tickets.create(newTicket(), () => [], NOW)).ticket.number).toBe('LAKI-2026-0001');
  });

  it('should never hand out the same number to two processes writing at once', async () => {
    const script = require.resolve('./createTickets.script.ts');
    const args = (label: string) => ['-r', 'ts-node/register/transpile-only', script, store.location, '40', label];
    const [a, b] = await Promise.all([run(process.execPath, args('a')), run(process.execPath, args('b'))]);
    const numbers = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as string[];
    expect(numbers).toHaveLength(80);
    expect(new Set(numbers).size).toBe(80);
  }, 60000);

  it('should update with a mutator, bump the version and enqueue its jobs together', async () => {
    const { ticket } = await store.tickets.create(newTicket(), () => [], NOW);
    const later = new Date(NOW.getTime() + 60000);
    const updated = await store.tickets.update(
      ticket.id,
      (current) => ({
        ticket: { ...current, status: 'assigned', assignee: { id: '29:laki', name: 'Lea LaKI' }, number: 'forged' },
        jobs: [{ kind: 'card-update', ticketId: current.id, dedupeKey: DedupeKey.cardUpdate(current.id, current.version + 1) }],
      }),
      later,
    );
    expect(updated).toMatchObject({ status: 'assigned', number: ticket.number, version: 2, updatedAt: later, createdAt: NOW });
    expect(await store.tickets.get(ticket.id)).toEqual(updated);
    expect((await store.jobs.listByTicket(ticket.id)).map((job) => job.kind)).toEqual(['card-update']);
  });

  it('should change nothing when the mutator returns undefined or throws', async () => {
    const { ticket } = await store.tickets.create(newTicket(), () => [], NOW);
    expect(await store.tickets.update(ticket.id, () => undefined, new Date())).toEqual(ticket);
    await expect(
      store.tickets.update(ticket.id, () => {
        throw new Error('refused');
      }, new Date()),
    ).rejects.toThrow('refused');
    expect(await store.tickets.get(ticket.id)).toEqual(ticket);
    expect(await store.tickets.update('unknown', (current) => ({ ticket: current }), new Date())).toBeUndefined();
  });

  it('should list a user\'s tickets newest first and count them for the rate limit', async () => {
    const hour = 3600000;
    for (let i = 0; i < 3; i += 1) await store.tickets.create(newTicket(), () => [], new Date(NOW.getTime() + i * hour));
    await store.tickets.create(newTicket({ askerUserId: '29:other' }), () => [], NOW);
    const mine = await store.tickets.listByAsker('29:user-1', 10);
    expect(mine.map((ticket) => ticket.number)).toEqual(['LAKI-2026-0003', 'LAKI-2026-0002', 'LAKI-2026-0001']);
    expect(await store.tickets.listByAsker('29:user-1', 2)).toHaveLength(2);
    expect(await store.tickets.countByAskerSince('29:user-1', new Date(NOW.getTime() + hour))).toBe(2);
  });

  it('should delete only closed tickets older than the cut-off, with their jobs', async () => {
    const old = new Date('2025-01-01T00:00:00Z');
    const closedOld = (await store.tickets.create(newTicket(), postJob, old)).ticket;
    await store.tickets.update(closedOld.id, (t) => ({ ticket: { ...t, status: 'closed' } }), old);
    const openOld = (await store.tickets.create(newTicket(), postJob, old)).ticket;
    const closedNew = (await store.tickets.create(newTicket(), postJob, NOW)).ticket;
    await store.tickets.update(closedNew.id, (t) => ({ ticket: { ...t, status: 'closed' } }), NOW);

    expect(await store.tickets.deleteClosedBefore(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(await store.tickets.get(closedOld.id)).toBeUndefined();
    expect(await store.jobs.listByTicket(closedOld.id)).toEqual([]);
    expect(await store.tickets.get(openOld.id)).toBeDefined();
    expect(await store.tickets.get(closedNew.id)).toBeDefined();
  });
});
