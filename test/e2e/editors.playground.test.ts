/**
 * The editors' workflow end to end in the Microsoft 365 Agents Playground: a question nobody can
 * answer is forwarded from the personal chat; the LaKI answers on the ticket card in "General"
 * (the LaKI channel locally); "In die Wissensbasis übernehmen" opens the draft card in the thread;
 * "Prüfen" and "Veröffentlichen"; the same question in the personal chat is answered from the new
 * entry with its source; "Rückgängig" takes it back.
 *
 * The bot (service factory, SQLite, a copy of the knowledge directory) runs in this process; the
 * Playground runs as a child process on a port chosen up front (fixed ports: run on its own).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorMessages as E, EditorVerb, EntryInput, Messages } from '../../src/chat';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { createService, type Service } from '../../src/service';
import { openStore } from '../../src/storage';
import { captureLogger } from '../helpers/capturedLogger';
import { freePort } from '../helpers/freePort';
import { adaptiveCardIn, GENERAL_CHANNEL_ID, readableText, startPlayground, type Playground, type PlaygroundMessage } from '../helpers/playground';
import { ROOT } from '../helpers/service';
import { testConfig } from '../helpers/server';

jest.setTimeout(240_000);

const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
const QUESTION = 'Übernimmt das Land die Kosten für Dolmetscher bei Elterngesprächen?';
const ANSWER = 'Ein eigenes Landesprogramm für Dolmetscherkosten bei Elterngesprächen gibt es nicht. Fragen Sie Ihr Kommunales Integrationszentrum nach örtlichen Sprachmittlerpools.';

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

function inputsOf(card: any): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id) values[node.id] = node.value ?? '';
    Object.values(node).forEach(visit);
  };
  visit(card?.body);
  return values;
}

describe('editors in the Agents Playground', () => {
  let scratch: string;
  let knowledgeDir: string;
  let service: Service;
  let playground: Playground;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'laki-e2e-editors-'));
    knowledgeDir = join(scratch, 'knowledge');
    cpSync(join(ROOT, 'knowledge'), knowledgeDir, { recursive: true, filter: (source) => !source.includes('drafts') });
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const { logger } = captureLogger();
      const dataDir = join(scratch, `data-${attempt}`);
      const config = testConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, KNOWLEDGE_RELOAD: 'true' });
      service = await createService(
        {
          ...config,
          escalation: {
            channel: { serviceUrl: `http://127.0.0.1:${port}/_connector`, channelId: GENERAL_CHANNEL_ID, tenantId: PLAYGROUND_TENANT },
            limitPerHour: 10,
            ticketRetentionDays: 180,
          },
        },
        { logger, store: openStore({ dataDir, logger }), outbox: { pollIntervalMs: 50 }, search: false },
      );
      playground = await startPlayground({ botEndpoint: `${service.url}/api/messages`, port });
      if (playground.port === port) break;
      await playground.close();
      await service.close();
      if (attempt === 3) throw new Error(`The Playground did not take the chosen port in ${attempt} attempts`);
    }
  });

  afterAll(async () => {
    await playground?.close();
    await service?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const after = (seq: number, conversationId: string) => (message: PlaygroundMessage) =>
    message.seq > seq && message.conversationId === conversationId && adaptiveCardIn(message) !== undefined;

  it('should turn the LaKI\'s answer into a published entry that answers the question, and take it back', async () => {
    await playground.install();
    await playground.install(GENERAL_CHANNEL_ID);
    const chat = playground.personalChatId;

    // Forward the question nobody can answer.
    const sent = await playground.sendAsUser(QUESTION);
    const noAnswer = await playground.waitForBotMessage((m) => after(sent.seq, chat)(m) && readableText(m).includes(Messages.noAnswerTitle), 30_000);
    let seq = playground.messages().length;
    await playground.submitCard(noAnswer, submitData(adaptiveCardIn(noAnswer), EscalationVerb.Start)!);
    const draft = await playground.waitForBotMessage((m) => after(seq, chat)(m) && readableText(m).includes(M.draftTitle));
    await playground.submitCard(draft, { ...submitData(adaptiveCardIn(draft), EscalationVerb.Submit)!, [DraftInput.Question]: QUESTION, [DraftInput.Kommune]: 'Kreis Soest' });
    const ticketCard = await playground.waitForBotMessage(
      (m) => m.action === 'createMessage' && m.conversationId === GENERAL_CHANNEL_ID && readableText(m).includes(QUESTION),
      30_000,
    );
    const threadId = ticketCard.postConversationId!;
    const ticketNumber = /LAKI-\d{4}-\d{4}/.exec(readableText(ticketCard))![0];

    // The LaKI answers; the answered card offers "In die Wissensbasis übernehmen".
    seq = playground.messages().length;
    await playground.submitCard({ conversationId: threadId, messageId: ticketCard.messageId }, { ...submitData(adaptiveCardIn(ticketCard), TicketVerb.Answer)!, answer: ANSWER });
    const answered = await playground.waitForBotMessage(
      (m) => m.seq > seq && m.action === 'updateMessage' && m.messageId === ticketCard.messageId && readableText(m).includes(ANSWER),
      30_000,
    );
    const take = submitData(adaptiveCardIn(answered), EditorVerb.FromTicket);
    expect(take).toEqual({ verb: EditorVerb.FromTicket, ticketNumber });

    // The draft card in the thread.
    seq = playground.messages().length;
    await playground.submitCard({ conversationId: threadId, messageId: ticketCard.messageId }, take!);
    const draftCard = await playground.waitForBotMessage((m) => m.seq > seq && adaptiveCardIn(m) !== undefined && readableText(m).includes(E.cardFromTicket(ticketNumber)), 30_000);
    const inputs: Record<string, string> = { ...inputsOf(adaptiveCardIn(draftCard)), [EntryInput.Category]: 'kontakt', [EntryInput.Questions]: `${QUESTION}\nWer bezahlt Dolmetscher für Elterngespräche?` };
    expect(inputs[EntryInput.Answer]).toBe(ANSWER);
    const target = { conversationId: draftCard.conversationId, messageId: draftCard.messageId };

    // "Prüfen", then "Veröffentlichen".
    seq = playground.messages().length;
    await playground.submitCard(target, { ...submitData(adaptiveCardIn(draftCard), EditorVerb.Check)!, ...inputs });
    const checked = await playground.waitForBotMessage((m) => m.seq > seq && m.messageId === draftCard.messageId && readableText(m).includes(E.previewHeading), 30_000);
    expect(readableText(checked)).toContain(E.previewAnswer('', true));
    seq = playground.messages().length;
    await playground.submitCard(target, { ...submitData(adaptiveCardIn(checked), EditorVerb.Publish)!, ...inputsOf(adaptiveCardIn(checked)) });
    const published = await playground.waitForBotMessage((m) => m.seq > seq && m.messageId === draftCard.messageId && readableText(m).includes('Veröffentlicht von'), 30_000);
    expect(readFileSync(join(knowledgeDir, 'kontakt.yaml'), 'utf8')).toContain(ANSWER);

    // The same question in the personal chat: answered from the new entry, with its source.
    const again = await playground.sendAsUser(QUESTION);
    const answer = await playground.waitForBotMessage((m) => after(again.seq, chat)(m), 30_000);
    expect(readableText(answer)).toContain('Ein eigenes Landesprogramm für Dolmetscherkosten');
    expect(readableText(answer)).toContain(`Antwort der LaKI auf ${ticketNumber}`);

    // "Rückgängig".
    seq = playground.messages().length;
    await playground.submitCard(target, submitData(adaptiveCardIn(published), EditorVerb.Undo)!);
    await playground.waitForBotMessage((m) => m.seq > seq && m.messageId === draftCard.messageId && readableText(m).includes('Rückgängig gemacht von'), 30_000);
    const third = await playground.sendAsUser(QUESTION);
    const declined = await playground.waitForBotMessage((m) => after(third.seq, chat)(m), 30_000);
    expect(readableText(declined)).toContain(Messages.noAnswerTitle);
  });
});
