/**
 * Log privacy along the whole escalation path (question → ticket → channel card → e-mail →
 * take → answer → relay), through the bot's HTTP endpoint with a local connector, real SQLite
 * and a real SMTP server: no question, answer, Kommune or person's name at info level or above,
 * and no SMTP password at any level, also when the mail server refuses the login.
 */
import { EscalationVerb, DraftInput, TicketVerb } from '../../src/escalation/verbs';
import { submitDataOf } from '../helpers/activities';
import { startConnector, type Connector } from '../helpers/connector';
import { ASKER, ASKER_CONVERSATION, cardOf, fromLakiChannel, LAKI_MEMBER, personal, sentTo, startBot, type BotHarness } from '../escalation/botHarness';
import { startSmtpServer, type TestSmtpServer } from '../escalation/smtpServer';
import { waitFor } from '../escalation/waitFor';
import { tmpDir } from '../storage/tmpStore';

jest.setTimeout(60_000);

const QUESTION = 'Wie hoch ist die Landesförderung für unser Quittenbaum-Projekt?';
const ANSWER = 'Die Förderung für das Quittenbaum-Projekt richtet sich nach dem Erlass.';
const KOMMUNE = 'Kreis Quittenhausen';
const SMTP_PASSWORD = 'Sehr-Geheim-42';
const INFO_AND_ABOVE = new Set(['info', 'warn', 'error', 'fatal']);

/** Lines at info and above that contain any of `needles`. */
function leaks(bot: BotHarness, needles: readonly string[]): Array<Record<string, unknown>> {
  return bot
    .logLines()
    .filter((line) => INFO_AND_ABOVE.has(String(line.level)))
    .filter((line) => needles.some((needle) => JSON.stringify(line).includes(needle)));
}

describe('log privacy along the escalation path', () => {
  let dir: ReturnType<typeof tmpDir>;
  let connector: Connector;
  let smtp: TestSmtpServer;
  let bot: BotHarness | undefined;

  beforeEach(async () => {
    dir = tmpDir();
    [connector, smtp] = await Promise.all([startConnector(), startSmtpServer()]);
  });

  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    await Promise.all([smtp.close(), connector.close()]);
    dir.cleanup();
  });

  /** Question → no-answer card → "An die LaKI weiterleiten" → "Absenden"; resolves when stored. */
  async function forward(harness: BotHarness): Promise<void> {
    expect(await harness.post(personal(connector, { text: QUESTION }))).toBe(200);
    const start = submitDataOf(cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).find((data) => data.verb === EscalationVerb.Start)!;
    const { title: _title, ...startData } = start;
    expect(await harness.post(personal(connector, { value: startData }))).toBe(200);
    const submit = submitDataOf(cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1))).find((data) => data.verb === EscalationVerb.Submit)!;
    const { title: _t, ...submitData } = submit;
    const value = { ...submitData, [DraftInput.Question]: QUESTION, [DraftInput.Kommune]: KOMMUNE };
    expect(await harness.post(personal(connector, { value }))).toBe(200);
  }

  it('should keep question, answer, Kommune and names out of info-level lines from ticket to relayed answer', async () => {
    bot = await startBot({ dataDir: dir.dir, connector, smtpUrl: smtp.url });
    await forward(bot);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    await smtp.waitForMails(1);
    await waitFor(async () => Boolean((await bot!.store.tickets.get(ticket.id))?.channelCardActivityId));
    const posted = (await bot.store.tickets.get(ticket.id))!;
    const take = { verb: TicketVerb.Take, ticketNumber: ticket.number };
    expect(await bot.post(fromLakiChannel(connector, posted.channelThreadId!, posted.channelCardActivityId!, take))).toBe(200);
    const answer = { verb: TicketVerb.Answer, ticketNumber: ticket.number, answer: ANSWER };
    expect(await bot.post(fromLakiChannel(connector, posted.channelThreadId!, posted.channelCardActivityId!, answer))).toBe(200);
    await waitFor(async () => {
      const counts = await bot!.store.jobs.countByState();
      return counts.pending === 0 && counts.running === 0 && counts.done >= 4;
    });

    const lines = bot.logLines().filter((line) => INFO_AND_ABOVE.has(String(line.level)));
    expect(lines.some((line) => JSON.stringify(line).includes(ticket.number))).toBe(true);
    expect(leaks(bot, [QUESTION, 'Quittenbaum', ANSWER, KOMMUNE, ASKER.name, LAKI_MEMBER.name])).toEqual([]);
  });

  it('should never log the SMTP password, also when the mail server refuses the login', async () => {
    const smtpUrl = smtp.url.replace('smtp://', `smtp://laki-user:${SMTP_PASSWORD}@`);
    bot = await startBot({ dataDir: dir.dir, connector, smtpUrl });
    await forward(bot);
    // The refused login is logged as a failed e-mail delivery: the line an operator would read.
    await waitFor(() => bot!.logLines().some((line) => line.kind === 'email' && line.level === 'error' && /login/i.test(String(line.err))), 15_000);
    const everything = JSON.stringify(bot.logLines());
    expect(everything).not.toContain(SMTP_PASSWORD);
    expect(smtp.mails).toHaveLength(0);
  });
});
