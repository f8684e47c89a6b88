/**
 * Child process for the kill -9 test: stores a ticket (and its jobs) or an answer, prints
 * "stored", then waits to be killed. No outbox worker runs here, so nothing is delivered.
 */
import type { Connector } from '../helpers/connector';
import { askerDraft, LEA, startHarness } from './escalationHarness';

async function main(): Promise<void> {
  const [file, connectorUrl, smtpUrl, step] = process.argv.slice(2);
  // Only the connector's URL is needed here: this process never delivers anything.
  const connector = { url: connectorUrl } as Connector;
  const harness = startHarness({ file, connector, smtpUrl });
  const { service } = harness.escalation;
  if (step === 'escalate') {
    const result = await service.escalate(askerDraft(connector));
    process.stdout.write(`stored ${result.outcome === 'rate-limited' ? '' : result.ticket.number}\n`);
  } else {
    await service.answer(step, LEA, 'Antwort, gespeichert kurz vor dem Absturz.');
    process.stdout.write('stored\n');
  }
  setInterval(() => undefined, 1000);
}

void main();
