/**
 * The database goes away while the service runs (network cut, failover, restart) and comes back.
 * A TCP relay between the store and PostgreSQL plays the network: cutting it drops every
 * connection and refuses new ones. Nothing may crash the process; calls fail with errors the
 * callers handle, and the store works again once the database is back, without a restart.
 */
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { openPostgresStore, type PostgresStore } from '../../src/storage/postgres';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../helpers/postgres';
import { newTicket } from './tmpStore';

/** A TCP relay to the database server that can be cut and restored. */
interface Relay {
  readonly port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const sockets = new Set<Socket>();
  let up = true;
  const server: Server = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = new Socket();
    upstream.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describeWithPostgres('PostgreSQL store during a database outage', () => {
  let database: TestDatabase;
  let relay: Relay;
  let store: PostgresStore;
  const errors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('outage');
    const direct = new URL(database.url);
    relay = await startRelay({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaRelay = new URL(database.url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    store = await openPostgresStore({
      connectionString: viaRelay.toString(),
      logger: { error: (_details, message) => errors.push(message) },
      pool: { connectionTimeoutMs: 2000 },
    });
  });
  afterAll(async () => {
    await store.close();
    await relay.close();
    await database.drop();
  });

  it('should fail calls while the database is away, log idle connection losses, and work again afterwards', async () => {
    const NOW = new Date();
    const before = await store.tickets.create(newTicket({ idempotencyKey: 'before' }), () => [], NOW);
    expect(before.created).toBe(true);

    relay.cut();
    for (let waited = 0; !errors.includes('postgres: idle connection failed') && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(errors).toContain('postgres: idle connection failed');
    await expect(store.tickets.create(newTicket({ idempotencyKey: 'during' }), () => [], NOW)).rejects.toThrow();
    await expect(store.jobs.claimDue(NOW, 10, 60_000)).rejects.toThrow();
    await expect(store.botState.read(['conversation'])).rejects.toThrow();
    // The question log never throws into a bot turn: it logs instead.
    await expect(store.questionLog.record({ kind: 'declined', question: 'während der Störung' })).resolves.toBeUndefined();
    expect(errors).toContain('question log: could not record event');

    relay.restore();
    const after = await store.tickets.create(newTicket({ idempotencyKey: 'after' }), () => [], NOW);
    expect(after.created).toBe(true);
    expect(after.ticket.number).not.toBe(before.ticket.number);
    expect(await store.tickets.getByIdempotencyKey('during')).toBeUndefined();
    await store.botState.write({ conversation: { step: 'after the outage' } });
    expect((await store.botState.read(['conversation'])).conversation).toMatchObject({ step: 'after the outage' });
  });
});
