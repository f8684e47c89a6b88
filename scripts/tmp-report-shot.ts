// Throwaway (not committed): render the weekly report card in the Agents Playground and screenshot it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from './lib/freePort';
import { openSqliteStore, SQLITE_FILE_NAME } from '../src/storage/sqlite';
import { applyTicketAction } from '../src/escalation/ticket';
import { spawnService } from '../test/helpers/service';
import { startPlayground } from '../test/helpers/playground';

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'laki-shot-'));
  let now = new Date();
  const writer = openSqliteStore({ file: path.join(dataDir, SQLITE_FILE_NAME), clock: () => now });
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
  const counts = [[12, 2, 3], [15, 3, 4], [9, 1, 2], [14, 2, 5], [8, 2, 1], [1, 0, 0], [0, 0, 1]];
  for (const [i, day] of days.entries()) {
    const [a, s, d] = counts[i]!;
    for (let k = 0; k < a!; k++) { now = new Date(`${day}T09:${String(k).padStart(2, '0')}:00Z`); await writer.questionLog.record({ kind: 'answered', question: 'Was ist ein KI?', outcome: 'answer', score: 0.9, entryId: 'ki-was-ist' }); }
    for (let k = 0; k < s!; k++) { now = new Date(`${day}T10:${String(k).padStart(2, '0')}:00Z`); await writer.questionLog.record({ kind: 'suggested', question: 'Wen rufe ich an?', outcome: 'suggest', score: 0.5 }); }
    const declined = ['Welche Förderung gibt es für Dolmetscher?', 'Werden Dolmetscherkosten gefördert?', 'Wann ist die Antragsfrist für 2027?', 'Gibt es Parkplätze bei der Bezirksregierung?', 'Welche Förderung gibt es für Dolmetscher?'];
    for (let k = 0; k < d!; k++) { now = new Date(`${day}T11:${String(k).padStart(2, '0')}:00Z`); await writer.questionLog.record({ kind: 'declined', question: declined[k]!, outcome: 'none', score: 0.2 }); }
  }
  now = new Date('2026-11-26T12:00:00Z');
  await writer.questionLog.record({ kind: 'feedback-not-helpful', question: 'Wie erreiche ich die LaKI?', entryId: 'laki-kontakt' });
  for (const [i, hours] of [3, 26, 5].entries()) {
    const created = new Date(`2026-11-2${4 + i}T08:00:00Z`);
    const { ticket } = await writer.tickets.create({ question: `Frage ${i}`, askerName: 'Erika', askerUserId: '29:e', askerConversationReference: {}, bestGuessIds: [], idempotencyKey: `k${i}` }, () => [], created);
    const at = new Date(created.getTime() + hours * 3_600_000);
    await writer.tickets.update(ticket.id, (c) => ({ ticket: applyTicketAction(c, 'answer', { id: '29:lea', name: 'Lea' }, at, 'Antwort')! }), at);
  }
  await writer.tickets.create({ question: 'Offen', askerName: 'Erika', askerUserId: '29:e', askerConversationReference: {}, bestGuessIds: [], idempotencyKey: 'k9' }, () => [], new Date());
  await writer.close();

  const botPort = await freePort();
  const pgPort = await freePort();
  const bot = spawnService({
    env: {
      PORT: String(botPort), DATA_DIR: dataDir, KNOWLEDGE_DIR: path.resolve('knowledge'), LOG_LEVEL: 'info', KNOWLEDGE_RELOAD: 'false',
      LAKI_TEAMS_CHANNEL_ID: 'team-id', TEAMS_TENANT_ID: '00000000-0000-0000-0000-0000000000001',
      LAKI_TEAMS_SERVICE_URL: `http://127.0.0.1:${pgPort}/_connector`, REPORT_ENABLED: 'true',
    },
    cwd: mkdtempSync(path.join(tmpdir(), 'laki-shot-cwd-')),
  });
  await bot.listening(120_000);
  const playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${botPort}/api/messages`, port: pgPort });
  console.log('playground', playground.url, 'expected port', pgPort);
  const deadline = Date.now() + 60_000;
  while (!bot.logLines().some((l) => l.msg === 'ticket posted to the LaKI channel' || (l.msg === 'delivery job done' && l.kind === 'report-post')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2200 } });
    await page.goto(playground.url, { timeout: 120_000 });
    await page.waitForTimeout(6000);
    await page.screenshot({ path: 'test-artifacts/report-playground-0.png' });
    writeFileSync('test-artifacts/report-playground-0.html', await page.content());
    await page.getByText('General', { exact: true }).first().click();
    await page.waitForTimeout(3000);
    const boxes = page.locator('[contenteditable="true"][role="textbox"]');
    console.log('textboxes', await boxes.count());
    const box = boxes.last();
    await box.click();
    await page.keyboard.type('@Test');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'test-artifacts/report-playground-mention.png' });
    await page.getByText('Test Bot', { exact: true }).last().click();
    await page.waitForTimeout(500);
    await page.keyboard.type(' Bericht');
    await page.keyboard.press('Enter');
    await playground.waitForBotMessage((m) => m.seq > 1 && JSON.stringify(m.attachments).includes('Wochenbericht'), 60_000).catch((e) => console.log(String(e).slice(0, 300)));
    await page.waitForTimeout(4000);
    await page.screenshot({ path: 'test-artifacts/report-playground-general.png', fullPage: true });
    writeFileSync('test-artifacts/report-playground-general.html', await page.content());
    console.log(bot.logLines().filter((l) => /report|delivery/.test(String(l.msg))).map((l) => `${l.msg} ${JSON.stringify(l.err ?? '')}`).join('\n'));
  } finally {
    await browser.close();
    await playground.close();
    await bot.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
