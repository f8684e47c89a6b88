/**
 * The editors' workflow through the Bot Framework protocol against the REAL service (src/index.ts
 * in a child process, configured only by env): a question nobody can answer is forwarded, the LaKI
 * answers on the ticket card, "In die Wissensbasis übernehmen" opens the draft card in the thread,
 * "Prüfen" shows the check and the preview, "Veröffentlichen" writes the YAML, and the same question
 * in a personal chat is answered from the new entry with its source, without a restart.
 * "Rückgängig" takes it back. Refusals for people outside the channel or the editor list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EditorMessages as E } from '../../src/chat';
import { EditorVerb, EntryInput } from '../../src/chat';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { submitDataOf } from '../helpers/activities';
import { startConnector, type Connector } from '../helpers/connector';
import { postTurn, spawnService, type ServiceProcess } from '../helpers/service';
import { tmpDir } from '../storage/tmpStore';
import { copyKnowledge } from './editorsHarness';

const CHANNEL_ID = '19:laki@thread.tacv2';
const TENANT_ID = '7a6b5c4d-0000-4000-8000-00000000beef';
const BOT = { id: '28:laki-bot', name: 'LaKI-Assistent' };
const ASKER = { id: '29:erika', name: 'Erika Muster', aadObjectId: 'a0000000-0000-4000-8000-000000000001' };
const LEA = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'b0000000-0000-4000-8000-000000000002' };
const TOM = { id: '29:tom', name: 'Tom Team', aadObjectId: 'c0000000-0000-4000-8000-000000000003' };
const QUESTION = 'Übernimmt das Land die Kosten für Dolmetscher bei Elterngesprächen?';
const ANSWER = 'Ein eigenes Landesprogramm für Dolmetscherkosten bei Elterngesprächen gibt es nicht. Fragen Sie Ihr Kommunales Integrationszentrum nach örtlichen Sprachmittlerpools.';
const VARIANTS = ['Wer bezahlt Dolmetscher für Elterngespräche?', 'Dolmetscherkosten Elterngespräch', 'Gibt es Geld für Sprachmittler bei Elterngesprächen?'];

jest.setTimeout(240_000);

let counter = 0;
const nextId = () => `incoming-${++counter}`;

function personal(connector: Connector, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: ASKER,
    recipient: BOT,
    conversation: { id: 'a:erika-personal', conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...fields,
  };
}

function inChannel(connector: Connector, conversationId: string, from: typeof LEA, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: { channel: { id: CHANNEL_ID }, team: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
    ...fields,
  };
}

const sent = (connector: Connector, conversationId: string) =>
  connector.requests.filter((r) => (r.operation === 'send' || r.operation === 'reply') && r.conversationId === conversationId && r.status < 300).map((r) => r.body);
const cardOf = (activity: any) => activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
const textOf = (activity: any) => `${activity?.text ?? ''}\n${JSON.stringify(cardOf(activity) ?? {})}`;
const submit = (card: any, verb: string) => {
  const found = submitDataOf(card).find((data) => data.verb === verb);
  if (!found) throw new Error(`no ${verb} button on ${JSON.stringify(card)}`);
  const { title: _title, ...data } = found;
  return data;
};
/** Every input's current value, as Teams merges them into a button's data. */
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

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('editors in Teams, end to end (real service, Bot Framework protocol)', () => {
  let connector: Connector;
  let data: ReturnType<typeof tmpDir>;
  let kb: ReturnType<typeof copyKnowledge>;
  let service: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    connector = await startConnector();
    data = tmpDir();
    kb = copyKnowledge();
    service = spawnService({
      cwd: data.dir,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        KNOWLEDGE_DIR: kb.dir,
        DATA_DIR: path.join(data.dir, 'data'),
        TEAMS_TENANT_ID: TENANT_ID,
        LAKI_TEAMS_CHANNEL_ID: CHANNEL_ID,
        LAKI_TEAMS_SERVICE_URL: connector.url,
        KNOWLEDGE_EDITORS: LEA.aadObjectId,
        METRICS_ENABLED: 'false',
      },
    });
    url = (await service.listening(180_000)).url;
  });
  afterAll(async () => {
    await service?.stop();
    await connector.close();
    data.cleanup();
    kb.cleanup();
  });

  const post = async (activity: Record<string, unknown>) => expect(await postTurn(url, activity)).toBe(200);
  const lastTo = (conversationId: string) => sent(connector, conversationId).at(-1);

  it('should take a LaKI answer into the knowledge base, answer from it at once, and take it back', async () => {
    // 1. Nobody can answer: the asker forwards the question.
    await post(personal(connector, { text: QUESTION }));
    const forward = submit(cardOf(lastTo('a:erika-personal')), EscalationVerb.Start);
    await post(personal(connector, { value: forward }));
    const absenden = submit(cardOf(lastTo('a:erika-personal')), EscalationVerb.Submit);
    await post(personal(connector, { value: { ...absenden, [DraftInput.Question]: QUESTION, [DraftInput.Kommune]: 'Kreis Soest' } }));
    const posted = await connector.waitFor((r) => r.operation === 'create' && r.status === 200, 20_000);
    const ticketNumber = /LAKI-\d{4}-\d{4}/.exec(textOf(posted.body.activity))![0];
    const cardId = 'activity-1';
    const threadId = `${CHANNEL_ID};messageid=${cardId}`;

    // 2. The LaKI answers on the ticket card; the answered card offers "In die Wissensbasis übernehmen".
    await post(inChannel(connector, threadId, LEA, { replyToId: cardId, value: { verb: TicketVerb.Answer, ticketNumber, answer: ANSWER } }));
    const answered = await connector.waitFor((r) => r.operation === 'update' && textOf(r.body).includes('Beantwortet von Lea LaKI'), 20_000);
    const take = submit(cardOf(answered.body), EditorVerb.FromTicket);
    expect(take).toEqual({ verb: EditorVerb.FromTicket, ticketNumber });

    // 3. Someone in the channel who is not an editor is refused; so is an editor outside the channel.
    await post(inChannel(connector, threadId, TOM, { replyToId: cardId, value: take }));
    expect(lastTo(threadId).text).toBe(E.notAnEditor);
    await post({ ...personal(connector, { text: 'Neuer Eintrag' }), from: LEA });
    expect(lastTo('a:erika-personal').text).toBe(E.notInLakiChannel);

    // 4. The editor takes it over: the draft card in the thread, pre-filled from the ticket.
    await post(inChannel(connector, threadId, LEA, { replyToId: cardId, value: take }));
    const draftCard = cardOf(lastTo(threadId));
    const inputs = inputsOf(draftCard);
    expect(inputs[EntryInput.Answer]).toBe(ANSWER);
    expect(inputs[EntryInput.Questions]).toBe(QUESTION);
    expect(inputs[EntryInput.SourceDocument]).toMatch(new RegExp(`^Antwort der LaKI auf ${ticketNumber}, Lea LaKI, \\d{2}\\.\\d{2}\\.\\d{4}$`));
    expect(JSON.stringify(draftCard)).toContain(E.cardFromTicket(ticketNumber));

    // 5. "Prüfen" with more variants: the check and how the assistant would answer.
    const edited = { ...inputs, [EntryInput.Questions]: [QUESTION, ...VARIANTS].join('\n'), [EntryInput.Category]: 'kontakt' };
    await post(inChannel(connector, threadId, LEA, { replyToId: 'draft-card', value: { ...submit(draftCard, EditorVerb.Check), ...edited } }));
    const checked = await connector.waitFor((r) => r.operation === 'update' && r.activityId === 'draft-card', 20_000);
    const checkedText = textOf(checked.body);
    expect(checkedText).toContain(E.checkHeading);
    expect(checkedText).toContain(E.previewHeading);
    expect(checkedText).toContain(E.previewAnswer('', true));
    expect(checkedText).not.toContain(E.publishBlocked);

    // 6. "Veröffentlichen": written to the YAML, the card says who published when and offers "Rückgängig".
    const checkedCard = cardOf(checked.body);
    await post(inChannel(connector, threadId, LEA, { replyToId: 'draft-card', value: { ...submit(checkedCard, EditorVerb.Publish), ...inputsOf(checkedCard) } }));
    const published = await connector.waitFor((r) => r.operation === 'update' && r.activityId === 'draft-card' && textOf(r.body).includes('Veröffentlicht von Lea LaKI'), 20_000);
    const undo = submit(cardOf(published.body), EditorVerb.Undo);
    expect(readFileSync(path.join(kb.dir, 'kontakt.yaml'), 'utf8')).toContain(ANSWER);

    // 7. The same question in a personal chat: answered from the new entry, with its source. No restart.
    await post(personal(connector, { text: QUESTION }));
    const answer = textOf(lastTo('a:erika-personal'));
    expect(answer).toContain('Ein eigenes Landesprogramm für Dolmetscherkosten');
    expect(answer).toContain(`Antwort der LaKI auf ${ticketNumber}, Lea LaKI`);

    // 8. "Rückgängig": the entry is gone and the question is forwarded again.
    await post(inChannel(connector, threadId, LEA, { replyToId: 'draft-card', value: undo }));
    await connector.waitFor((r) => r.operation === 'update' && r.activityId === 'draft-card' && textOf(r.body).includes('Rückgängig gemacht von Lea LaKI'), 20_000);
    expect(readFileSync(path.join(kb.dir, 'kontakt.yaml'), 'utf8')).toBe(readFileSync(path.join(__dirname, '../../knowledge/kontakt.yaml'), 'utf8'));
    await post(personal(connector, { text: QUESTION }));
    expect(textOf(lastTo('a:erika-personal'))).toContain(M.forwardAction);

    // 9. Everything is in the history, with who did it.
    const logged = service.logLines().filter((line) => line.msg === 'editors: entry published' || line.msg === 'editors: undo');
    expect(logged.map((line) => line.msg)).toEqual(['editors: entry published', 'editors: undo']);
  });

  it('should open drafts with "Neuer Eintrag" and "Eintrag bearbeiten …" in the channel', async () => {
    await post(inChannel(connector, CHANNEL_ID, LEA, { text: '<at>LaKI-Assistent</at> Neuer Eintrag', entities: [{ type: 'mention', mentioned: BOT, text: '<at>LaKI-Assistent</at>' }] }));
    expect(JSON.stringify(cardOf(lastTo(CHANNEL_ID)))).toContain(E.cardTitleNew);
    await post(inChannel(connector, CHANNEL_ID, LEA, { text: 'Eintrag bearbeiten Was ist die LaKI?' }));
    const card = cardOf(lastTo(CHANNEL_ID));
    expect(JSON.stringify(card)).toContain(E.cardTitleEdit('Was ist die Landesweite Koordinierungsstelle (LaKI)?'));
    expect(inputsOf(card)[EntryInput.Title]).toBe('Was ist die Landesweite Koordinierungsstelle (LaKI)?');
    await post(inChannel(connector, CHANNEL_ID, LEA, { text: 'Eintrag bearbeiten Parkplätze am Mond' }));
    expect(lastTo(CHANNEL_ID).text).toBe(E.editNoMatch('Parkplätze am Mond'));
    await post(inChannel(connector, CHANNEL_ID, TOM, { text: 'Neuer Eintrag' }));
    expect(lastTo(CHANNEL_ID).text).toBe(E.notAnEditor);
  });
});
