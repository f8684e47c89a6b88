import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startConnector, type Connector } from '../helpers/connector';
import { tmpDir } from '../storage/tmpStore';
import { askerDraft, askerMessages, LEA, startHarness } from './escalationHarness';
import { startSmtpServer, type TestSmtpServer } from './smtpServer';
import { waitFor } from './waitFor';

/** Runs the child script until it printed "stored", then kills it with SIGKILL. */
async function storeThenKill(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', require.resolve('./killAfterStore.script.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return output.trim();
}

describe('restart after the ticket is stored and before anything is delivered', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let smtp: TestSmtpServer;
  let file: string;

  beforeEach(async () => {
    dir = tmpDir();
    file = join(dir.dir, 'data', 'laki.sqlite');
    connector = await startConnector();
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
    await connector.close();
    dir.cleanup();
  });

  it('should deliver everything exactly once after the store was closed without running the worker', async () => {
    const first = startHarness({ file, connector, smtpUrl: smtp.url });
    const result = await first.escalation.service.escalate(askerDraft(connector));
    if (result.outcome !== 'created') throw new Error('expected a ticket');
    await first.close(); // the worker never started: as if the process died right after storing

    expect(connector.requests).toHaveLength(0);
    const second = startHarness({ file, connector, smtpUrl: smtp.url });
    await second.escalation.worker.start();
    await waitFor(async () => (await second.escalation.worker.health()).jobs.done === 2);
    await second.escalation.service.answer(result.ticket.number, LEA, 'Die Antwort.');
    await second.escalation.worker.stop(); // may or may not have delivered yet
    await second.close();

    const third = startHarness({ file, connector, smtpUrl: smtp.url });
    await third.escalation.worker.start();
    await waitFor(async () => {
      const { jobs } = await third.escalation.worker.health();
      return jobs.pending === 0 && jobs.running === 0;
    });
    await third.close();

    expect(connector.requests.filter((r) => r.operation === 'create')).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(askerMessages(connector).map((activity) => activity.attachments[0].content.body[0].text)).toEqual([
      `Antwort der LaKI auf Ihre Frage ${result.ticket.number}`,
    ]);
  });

  it('should resume after kill -9 and deliver the ticket and the answer exactly once', async () => {
    const stored = await storeThenKill([file, connector.url, smtp.url, 'escalate']);
    const number = /^stored (LAKI-\d{4}-\d{4})$/.exec(stored)?.[1];
    expect(number).toBeDefined();
    expect(connector.requests).toHaveLength(0);

    let harness = startHarness({ file, connector, smtpUrl: smtp.url });
    await harness.escalation.worker.start();
    await connector.waitFor((r) => r.operation === 'create' && r.status === 200);
    await smtp.waitForMails(1);
    await waitFor(async () => (await harness.escalation.worker.health()).jobs.done === 2);
    await harness.close();

    expect(await storeThenKill([file, connector.url, smtp.url, number!])).toBe('stored');
    harness = startHarness({ file, connector, smtpUrl: smtp.url });
    await harness.escalation.worker.start();
    await waitFor(async () => askerMessages(connector).length === 1);
    await waitFor(async () => (await harness.escalation.worker.health()).jobs.pending === 0);
    await harness.close();

    expect(connector.requests.filter((r) => r.operation === 'create')).toHaveLength(1);
    expect(connector.requests.filter((r) => r.operation === 'update')).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(askerMessages(connector)).toHaveLength(1);
    expect(JSON.stringify(askerMessages(connector)[0])).toContain('Antwort, gespeichert kurz vor dem Absturz.');
  }, 60000);
});
