/**
 * The editors' bot extension on the real teams-ai Application (TestAdapter), with the real editors'
 * back end on a copy of the knowledge and a SQLite store: who is refused, bad payloads, the
 * commands, and two editors on one draft card.
 */
import { Activity, TestAdapter } from 'botbuilder';
import { createApp } from '../../src/bot';
import { EditorMessages as E, EditorVerb, EntryInput } from '../../src/chat';
import { createEditorsExtension, REPORT_ENTRY_ACTIONS } from '../../src/editors';
import type { Ticket } from '../../src/escalation';
import { adaptiveCardOf, recordUpdates, runTurn, submitDataOf, visibleReplies } from '../helpers/activities';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';
import { tmpStore } from '../storage/tmpStore';
import { copyKnowledge, editorInstance, type EditorInstance } from './editorsHarness';

const CHANNEL = { channelId: '19:laki@thread.tacv2', tenantId: 'tenant-nrw' };
const LEA = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'B0000000-0000-4000-8000-000000000002' };
const TOM = { id: '29:tom', name: 'Tom Redaktion', aadObjectId: 'c0000000-0000-4000-8000-000000000003' };
const EDITORS = [LEA.aadObjectId.toLowerCase(), TOM.aadObjectId];

const ticket = (answer?: string): Ticket => ({
  id: 't1',
  number: 'LAKI-2026-0042',
  status: answer ? 'answered' : 'open',
  question: 'Übernimmt das Land die Kosten für Dolmetscher bei Elterngesprächen?',
  askerName: 'Erika Muster',
  askerUserId: '29:erika',
  askerConversationReference: {},
  bestGuessIds: ['laki-kontakt'],
  idempotencyKey: 'k',
  createdAt: new Date('2026-03-10T09:00:00Z'),
  updatedAt: new Date('2026-03-10T10:00:00Z'),
  version: 3,
  ...(answer ? { answer, answeredBy: LEA, answeredAt: new Date('2026-03-10T10:00:00Z') } : {}),
});

function inChannel(from: typeof LEA, fields: Partial<Activity>, tenant = CHANNEL.tenantId): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    from,
    conversation: { id: `${CHANNEL.channelId};messageid=1`, conversationType: 'channel', isGroup: true, name: '', tenantId: tenant },
    channelData: { channel: { id: CHANNEL.channelId }, tenant: { id: tenant } },
    ...fields,
  };
}

describe('editors extension', () => {
  let kb: ReturnType<typeof copyKnowledge>;
  let store: ReturnType<typeof tmpStore>;
  let instance: EditorInstance;
  let adapter: TestAdapter;
  let tickets: Map<string, Ticket>;

  beforeEach(async () => {
    kb = copyKnowledge();
    store = tmpStore();
    instance = await editorInstance(kb.dir, store);
    tickets = new Map();
    const logger = new RecordingLogger();
    const extension = createEditorsExtension({
      service: instance.service,
      knowledge: instance.holder,
      tickets: { getByNumber: async (number) => tickets.get(number) },
      lakiChannel: CHANNEL,
      editors: EDITORS,
      logger,
    });
    const app = createApp({ knowledge: instance.holder, questionLog: new MemoryQuestionLog(), logger, extensions: [extension] });
    adapter = new TestAdapter((context) => app.run(context).then(() => undefined));
  });
  afterEach(async () => {
    await store.cleanup();
    kb.cleanup();
  });

  const turn = async (activity: Partial<Activity>) => visibleReplies(await runTurn(adapter, activity));

  it.each<[string, Partial<Activity>, string]>([
    ['a personal chat', { type: 'message', channelId: 'msteams', from: LEA, text: 'Neuer Eintrag', conversation: { id: 'a:lea', conversationType: 'personal', isGroup: false, name: '' }, channelData: { tenant: { id: CHANNEL.tenantId } } }, E.notInLakiChannel],
    ['another tenant', inChannel(LEA, { text: 'Neuer Eintrag' }, 'tenant-evil'), E.notInLakiChannel],
    ['someone not in KNOWLEDGE_EDITORS', inChannel({ id: '29:x', name: 'X', aadObjectId: 'd0000000-0000-4000-8000-000000000004' }, { text: 'Neuer Eintrag' }), E.notAnEditor],
    ['someone without an Entra id', inChannel({ id: '29:x', name: 'X' } as typeof LEA, { value: { verb: EditorVerb.NewDraft } }), E.notAnEditor],
  ])('should refuse %s politely and store nothing', async (_case, activity, message) => {
    expect((await turn(activity)).map((reply) => reply.text)).toEqual([message]);
    expect(await store.editors.countDrafts('open')).toBe(0);
  });

  it('should refuse a publish click from outside the channel even with a valid draft', async () => {
    const draft = await instance.service.openBlank(LEA, ['Frage?']);
    const click = { type: 'message', channelId: 'msteams', from: LEA, value: { verb: EditorVerb.Publish, draftId: draft.id, version: 1 }, conversation: { id: 'a:lea', conversationType: 'personal', isGroup: false, name: '' } } as Partial<Activity>;
    expect((await turn(click)).map((reply) => reply.text)).toEqual([E.notInLakiChannel]);
    expect(await store.editors.listRevisions()).toEqual([]);
  });

  it('should answer forged or outdated buttons clearly', async () => {
    expect((await turn(inChannel(LEA, { value: { verb: EditorVerb.Publish, draftId: 'x' } }))).map((r) => r.text)).toEqual([E.invalidAction]);
    expect((await turn(inChannel(LEA, { value: { verb: EditorVerb.Check, draftId: 'gone', version: 1 } }))).map((r) => r.text)).toEqual([E.draftNotFound]);
    expect((await turn(inChannel(LEA, { value: { verb: EditorVerb.EditEntry, entryId: 'gibt-es-nicht' } }))).map((r) => r.text)).toEqual([E.entryNotFound('gibt-es-nicht')]);
    expect((await turn(inChannel(LEA, { value: { verb: EditorVerb.Undo, seq: 99 } }))).map((r) => r.text)).toEqual([E.revisionNotFound]);
    expect((await turn(inChannel(LEA, { value: { verb: EditorVerb.FromTicket, ticketNumber: 'LAKI-2026-0042' } }))).map((r) => r.text)).toEqual([E.ticketNotFound('LAKI-2026-0042')]);
    tickets.set('LAKI-2026-0042', ticket());
    expect((await turn(inChannel(LEA, { value: { verb: EditorVerb.FromTicket, ticketNumber: 'LAKI-2026-0042' } }))).map((r) => r.text)).toEqual([E.ticketNotAnswered('LAKI-2026-0042')]);
    expect((await turn(inChannel(LEA, { text: 'Eintrag bearbeiten' }))).map((r) => r.text)).toEqual([E.editUsage]);
  });

  it('should open one draft per answered ticket, pre-filled, and show it again on a second click', async () => {
    tickets.set('LAKI-2026-0042', ticket('Dafür gibt es kein Landesprogramm.'));
    const first = adaptiveCardOf((await turn(inChannel(LEA, { value: { verb: EditorVerb.FromTicket, ticketNumber: 'LAKI-2026-0042' } })))[0]);
    const second = adaptiveCardOf((await turn(inChannel(TOM, { value: { verb: EditorVerb.FromTicket, ticketNumber: 'LAKI-2026-0042' } })))[0]);
    expect(await store.editors.countDrafts('open')).toBe(1);
    const draftIdOf = (card: unknown) => submitDataOf(card).find((d) => d.verb === EditorVerb.Check)!.draftId;
    expect(draftIdOf(second)).toBe(draftIdOf(first));
    const [draft] = await store.editors.listDrafts({ status: 'open' });
    expect(draft).toMatchObject({
      ticketNumber: 'LAKI-2026-0042',
      content: {
        answer: 'Dafür gibt es kein Landesprogramm.',
        related: ['laki-kontakt'],
        category: 'kontakt',
        source: { document: 'Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026', section: 'Ticket LAKI-2026-0042' },
      },
    });
  });

  it('should not let a stale card overwrite a colleague\'s newer save, and show the current draft instead', async () => {
    const updates = recordUpdates(adapter);
    const card = adaptiveCardOf((await turn(inChannel(LEA, { text: 'Neuer Eintrag' })))[0]);
    const check = submitDataOf(card).find((d) => d.verb === EditorVerb.Check)!;
    const { title: _title, ...data } = check;
    await turn(inChannel(TOM, { replyToId: 'card', value: { ...data, [EntryInput.Title]: 'Von Tom' } }));
    await turn(inChannel(LEA, { replyToId: 'card', value: { ...data, [EntryInput.Title]: 'Von Lea' } }));
    expect(updates.map((update) => update.id)).toEqual(['card', 'card']);
    expect(JSON.stringify(updates[1])).toContain(E.draftStale('Tom Redaktion'));
    expect(JSON.stringify(updates[1])).toContain('"value":"Von Tom"');
    const [draft] = await store.editors.listDrafts({ status: 'open' });
    expect(draft!.content.title).toBe('Von Tom');
  });

  it('should find the entry to edit by its exact title or by a question, and say so when nothing fits', async () => {
    const byTitle = adaptiveCardOf((await turn(inChannel(LEA, { text: 'Eintrag bearbeiten Kernaufgaben der LaKI' })))[0]);
    expect(JSON.stringify(byTitle)).toContain(E.cardTitleEdit('Kernaufgaben der LaKI'));
    const byQuestion = adaptiveCardOf((await turn(inChannel(LEA, { text: 'Eintrag bearbeiten: Welche Aufgaben hat die LaKI?' })))[0]);
    expect(JSON.stringify(byQuestion)).toContain(E.cardTitleEdit('Kernaufgaben der LaKI'));
    expect((await turn(inChannel(LEA, { text: 'Eintrag bearbeiten Parkplätze am Mond' }))).map((r) => r.text)).toEqual([E.editNoMatch('Parkplätze am Mond')]);
  });

  it('should open the draft card from the weekly report\'s "Eintrag anlegen" and "Eintrag bearbeiten" buttons', async () => {
    const create = REPORT_ENTRY_ACTIONS!.createEntry({ questions: ['Wer zahlt Dolmetscher?', 'Dolmetscherkosten?'] } as never) as unknown as { data: unknown };
    const card = adaptiveCardOf((await turn(inChannel(LEA, { value: create.data })))[0]);
    expect(JSON.stringify(card)).toContain(E.cardTitleNew);
    expect(JSON.stringify(card)).toContain('Wer zahlt Dolmetscher?\\nDolmetscherkosten?');
    const edit = REPORT_ENTRY_ACTIONS!.editEntry({ entryId: 'laki-kernaufgaben' } as never) as unknown as { data: unknown };
    const editCard = adaptiveCardOf((await turn(inChannel(LEA, { value: edit.data })))[0]);
    expect(JSON.stringify(editCard)).toContain(E.cardTitleEdit('Kernaufgaben der LaKI'));
  });
});
