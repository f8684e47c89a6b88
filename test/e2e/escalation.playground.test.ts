/**
 * The escalation round trip end to end in the Microsoft 365 Agents Playground: the asker types a
 * question the knowledge base cannot answer in the personal chat and forwards it; the ticket card
 * appears as a new thread in the Playground's team channel "General" (configured as the LaKI
 * channel, as env/.env.local does for `npm run dev`); LaKI answers with the card's inline field;
 * the card is updated in place and the answer arrives in the personal chat.
 *
 * The bot (real server, SQLite file, escalation with its outbox worker) runs in this process; the
 * Playground runs as a child process on a port chosen up front, because the bot must know the
 * Playground's connector URL as the LaKI channel's service URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Messages } from '../../src/chat/messages';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { startBot, type BotHarness } from '../escalation/botHarness';
import {
  adaptiveCardIn,
  GENERAL_CHANNEL_ID,
  readableText,
  startPlayground,
  type Playground,
  type PlaygroundMessage,
} from '../helpers/playground';
import { freePort } from '../helpers/freePort';

jest.setTimeout(180_000);

/** The Playground's fixed tenant (checked against its `/_internal/v1/config`). */
const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
const QUESTION = 'Wie hoch ist die Landesförderung für unser KI 2026?';
const ANSWER = 'Die Förderung richtet sich nach dem Teilhabe- und Integrationsgesetz; Einzelheiten stehen im Förderaufruf.';

/** Finds an `Action.Submit` (also inside `Action.ShowCard`) whose data matches. */
function submitData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, any>;
    if (record.type === 'Action.Submit' && record.data?.verb === verb) found = record.data;
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

describe('escalation round trip in the Agents Playground', () => {
  let dataDir: string;
  let bot: BotHarness;
  let playground: Playground;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'laki-e2e-escalation-'));
    // The Playground silently takes another port when the chosen one was grabbed meanwhile: retry.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      bot = await startBot({
        dataDir,
        channel: { serviceUrl: `http://127.0.0.1:${port}/_connector`, channelId: GENERAL_CHANNEL_ID, tenantId: PLAYGROUND_TENANT },
      });
      playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages`, port });
      if (playground.port === port) break;
      await playground.close();
      await bot.close();
      if (attempt === 3) throw new Error(`The Playground did not take the chosen port in ${attempt} attempts`);
    }
  });

  afterAll(async () => {
    await playground?.close();
    await bot?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const withCard = (seq: number, conversationId: string) => (message: PlaygroundMessage) =>
    message.seq > seq && message.conversationId === conversationId && adaptiveCardIn(message) !== undefined;

  it('should relay LaKI\'s answer from the channel card to the asker\'s personal chat', async () => {
    expect(playground.config.tenantId).toBe(PLAYGROUND_TENANT);
    await playground.install();
    await playground.install(GENERAL_CHANNEL_ID);
    const chat = playground.personalChatId;

    // The asker: question → no answer → "An die LaKI weiterleiten" → draft → "Absenden".
    const sent = await playground.sendAsUser(QUESTION);
    const noAnswer = await playground.waitForBotMessage(
      (m) => withCard(sent.seq, chat)(m) && readableText(m).includes(Messages.noAnswerTitle),
      30_000,
    );
    const forward = submitData(adaptiveCardIn(noAnswer), EscalationVerb.Start);
    expect(forward).toEqual({ verb: EscalationVerb.Start, question: QUESTION });

    let seq = playground.messages().length;
    await playground.submitCard(noAnswer, forward!);
    const draft = await playground.waitForBotMessage((m) => withCard(seq, chat)(m) && readableText(m).includes(M.draftTitle));
    expect(readableText(draft)).toContain(M.draftTitle);
    expect(readableText(draft)).toContain(playground.config.currentUser.name);
    const absenden = submitData(adaptiveCardIn(draft), EscalationVerb.Submit)!;

    const sentSeq = playground.messages().length;
    await playground.submitCard(draft, { ...absenden, [DraftInput.Question]: QUESTION, [DraftInput.Kommune]: 'Kreis Soest' });
    // The draft card turns into the confirmation: ticket number, what happens next, no buttons.
    const sentDraft = await playground.waitForBotMessage((m) => m.seq > sentSeq && m.action === 'updateMessage' && m.messageId === draft.messageId);
    const ticketNumber = /LAKI-\d{4}-\d{4}/.exec(readableText(sentDraft))?.[0];
    expect(readableText(sentDraft)).toContain(M.draftSentTitle(ticketNumber!));
    expect(readableText(sentDraft)).toContain(M.draftSentHint);
    expect(submitData(adaptiveCardIn(sentDraft), EscalationVerb.Submit)).toBeUndefined();

    // LaKI's side: the ticket card opens a new thread in the channel.
    const ticketCard = await playground.waitForBotMessage(
      (m) => m.action === 'createMessage' && m.conversationId === GENERAL_CHANNEL_ID && readableText(m).includes(M.cardTitle(ticketNumber!, 'open')),
      30_000,
    );
    expect(readableText(ticketCard)).toContain(QUESTION);
    expect(readableText(ticketCard)).toContain('Kreis Soest');
    // … and no second message in the chat says the same.
    expect(playground.messages().filter((m) => m.seq > sentSeq && m.conversationId === chat && m.text === M.confirmation(ticketNumber!))).toEqual([]);
    const threadId = ticketCard.postConversationId;
    expect(threadId).toBe(`${GENERAL_CHANNEL_ID};messageid=${ticketCard.messageId}`);

    // LaKI answers with the card's inline field (Action.ShowCard → "Antwort senden").
    const send = submitData(adaptiveCardIn(ticketCard), TicketVerb.Answer);
    expect(send).toEqual({ verb: TicketVerb.Answer, ticketNumber });
    seq = playground.messages().length;
    await playground.submitCard({ conversationId: threadId!, messageId: ticketCard.messageId }, { ...send, answer: ANSWER });

    const updated = await playground.waitForBotMessage(
      (m) => m.seq > seq && m.action === 'updateMessage' && m.messageId === ticketCard.messageId && readableText(m).includes(ANSWER),
      30_000,
    );
    expect(readableText(updated)).toContain(`Beantwortet von ${playground.config.currentUser.name} am`);

    const relayed = await playground.waitForBotMessage(
      (m) => m.seq > seq && m.conversationId === chat && readableText(m).includes(M.askerTitle.answered(ticketNumber!)),
      30_000,
    );
    expect(readableText(relayed)).toContain(ANSWER);
    expect(readableText(relayed)).toContain(QUESTION);
    expect(submitData(adaptiveCardIn(relayed), TicketVerb.Feedback)).toEqual({ verb: TicketVerb.Feedback, ticketNumber, helpful: true });

    // "Meine Fragen" in the personal chat shows it answered.
    const asked = await playground.sendAsUser('Meine Fragen');
    const list = await playground.waitForBotMessage((m) => withCard(asked.seq, chat)(m) && readableText(m).includes(M.myTicketsTitle));
    expect(readableText(list)).toContain(`**${ticketNumber}** · ${M.status.answered}`);
    expect(playground.messages().filter((m) => m.conversationId === chat && readableText(m).includes(ANSWER))).toHaveLength(1);
  });

  it('should refuse the ticket action when it is sent from the personal chat', async () => {
    const [ticket] = await bot.store.tickets.listByAsker(playground.config.currentUser.id, 1);
    const chat = playground.personalChatId;
    const last = playground.messages().filter((m) => m.conversationId === chat).at(-1)!;
    const seq = playground.messages().length;
    await playground.submitCard(last, { verb: TicketVerb.Close, ticketNumber: ticket.number });
    const refusal = await playground.waitForBotMessage((m) => m.seq > seq && m.conversationId === chat && Boolean(m.text));
    expect(refusal.text).toBe(M.notFromLakiChannel);
    expect((await bot.store.tickets.get(ticket.id))?.status).toBe('answered');
  });
});
