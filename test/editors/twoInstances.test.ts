/**
 * Two instances of the REAL service (src/index.ts in two child processes) on one PostgreSQL
 * database, each with its own KNOWLEDGE_DIR seeded from the repository's knowledge/
 * (KNOWLEDGE_SEED_DIR), as docs/deploy.md describes. A draft opened on one instance is checked and
 * published on the other; both serve the entry within seconds; two editors publishing the same
 * entry at once on different instances get one publication and one clear message; "Rückgängig"
 * reaches both; a restarted instance with a fresh volume serves every publication again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EditorMessages as E, EditorVerb, EntryInput } from '../../src/chat';
import { submitDataOf } from '../helpers/activities';
import { startConnector, type Connector } from '../helpers/connector';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../helpers/postgres';
import { postTurn, ROOT, spawnService, type ServiceProcess } from '../helpers/service';

const CHANNEL_ID = '19:laki@thread.tacv2';
const TENANT_ID = 'tenant-nrw';
const BOT = { id: '28:laki-bot', name: 'LaKI-Assistent' };
const LEA = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'aad-lea' };
const TOM = { id: '29:tom', name: 'Tom Redaktion', aadObjectId: 'aad-tom' };
const QUESTION = 'Übernimmt das Land die Kosten für Dolmetscher bei Elterngesprächen?';

jest.setTimeout(300_000);

let counter = 0;
const nextId = () => `incoming-${++counter}`;

interface Instance {
  readonly name: string;
  readonly url: string;
  readonly dir: string;
  readonly process: ServiceProcess;
}

function channelActivity(connector: Connector, from: typeof LEA, fields: Record<string, unknown>) {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from,
    recipient: BOT,
    conversation: { id: CHANNEL_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: { channel: { id: CHANNEL_ID }, team: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
    ...fields,
  };
}

function personal(connector: Connector, text: string) {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:erika', name: 'Erika Muster' },
    recipient: BOT,
    conversation: { id: 'a:erika', conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    text,
  };
}

const cardOf = (activity: any) => activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
const textOf = (activity: any) => `${activity?.text ?? ''}\n${JSON.stringify(cardOf(activity) ?? {})}`;
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
const button = (card: any, verb: string) => {
  const { title: _title, ...data } = submitDataOf(card).find((d) => d.verb === verb)!;
  return data;
};

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return Date.now() - started;
}

describeWithPostgres('editors on two instances of the service (PostgreSQL, seeded knowledge volumes)', () => {
  let database: TestDatabase;
  let connector: Connector;
  let scratch: string;
  let instances: Instance[] = [];

  async function start(name: string): Promise<Instance> {
    const dir = path.join(scratch, `knowledge-${name}-${nextId()}`);
    const process = spawnService({
      cwd: scratch,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        DATA_DIR: path.join(scratch, `data-${name}`),
        KNOWLEDGE_SEED_DIR: path.join(ROOT, 'knowledge'),
        KNOWLEDGE_DIR: dir,
        LOG_LEVEL: 'info',
        METRICS_ENABLED: 'false',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
        TEAMS_TENANT_ID: TENANT_ID,
        LAKI_TEAMS_CHANNEL_ID: CHANNEL_ID,
        LAKI_TEAMS_SERVICE_URL: connector.url,
      },
    });
    const listening = await process.listening(200_000);
    return { name, url: listening.url, dir, process };
  }

  beforeAll(async () => {
    database = await createTestDatabase('editors_two_instances');
    connector = await startConnector();
    scratch = mkdtempSync(path.join(tmpdir(), 'laki-editors-two-'));
    instances = await Promise.all([start('A'), start('B')]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.process.stop()));
    await connector?.close();
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const post = async (instance: Instance, activity: Record<string, unknown>) => expect(await postTurn(instance.url, activity)).toBe(200);
  const lastCard = () => {
    const request = [...connector.requests].reverse().find((r) => r.status < 300 && cardOf(r.body));
    return cardOf(request?.body);
  };
  const answerOn = async (instance: Instance, question: string) => {
    await post(instance, personal(connector, question));
    const reply = [...connector.requests].reverse().find((r) => r.conversationId === 'a:erika' && r.status < 300);
    return textOf(reply?.body);
  };

  it('should publish on one instance and serve on both; refuse the second of two simultaneous edits; undo on both; replay after a restart', async () => {
    let [a, b] = instances;

    // Draft opened on A ("Eintrag anlegen" from a report row), checked and published on B.
    await post(a, channelActivity(connector, LEA, { value: { verb: EditorVerb.NewDraft, questions: [QUESTION] } }));
    const draft = lastCard();
    const inputs = {
      ...inputsOf(draft),
      [EntryInput.Title]: 'Dolmetscher für Elterngespräche',
      [EntryInput.Answer]: 'Ein eigenes Landesprogramm dafür gibt es nicht. Fragen Sie Ihr Kommunales Integrationszentrum.',
      [EntryInput.Questions]: [QUESTION, 'Wer bezahlt Dolmetscher für Elterngespräche?', 'Dolmetscherkosten Elterngespräch'].join('\n'),
      [EntryInput.Category]: 'kontakt',
      [EntryInput.SourceDocument]: 'Antwort der LaKI auf LAKI-2026-0001, Lea LaKI, 10.03.2026',
      [EntryInput.SourceSection]: 'Ticket LAKI-2026-0001',
    };
    await post(b, channelActivity(connector, LEA, { replyToId: 'card-1', value: { ...button(draft, EditorVerb.Check), ...inputs } }));
    const checked = lastCard();
    expect(JSON.stringify(checked)).toContain(E.previewAnswer('', true));
    await post(b, channelActivity(connector, LEA, { replyToId: 'card-1', value: { ...button(checked, EditorVerb.Publish), ...inputsOf(checked) } }));
    const published = lastCard();
    expect(JSON.stringify(published)).toContain('Veröffentlicht von Lea LaKI');
    expect(await answerOn(b, QUESTION)).toContain('Ein eigenes Landesprogramm dafür gibt es nicht.');
    // A applies B's publication to its own KNOWLEDGE_DIR within seconds.
    const propagationMs = await waitUntil('A serves the new entry', async () => (await answerOn(a, QUESTION)).includes('Ein eigenes Landesprogramm dafür gibt es nicht.'));
    expect(readFileSync(path.join(a.dir, 'kontakt.yaml'), 'utf8')).toBe(readFileSync(path.join(b.dir, 'kontakt.yaml'), 'utf8'));
    process.stdout.write(`publication reached the other instance after ${propagationMs} ms\n`);

    // Two editors edit the same entry; both press "Veröffentlichen" at once, on different instances.
    await post(a, channelActivity(connector, LEA, { value: { verb: EditorVerb.EditEntry, entryId: 'laki-was-ist' } }));
    const leas = lastCard();
    await post(b, channelActivity(connector, TOM, { value: { verb: EditorVerb.EditEntry, entryId: 'laki-was-ist' } }));
    const toms = lastCard();
    const before = connector.requests.length;
    await Promise.all([
      post(a, channelActivity(connector, LEA, { replyToId: 'lea-card', value: { ...button(leas, EditorVerb.Publish), ...inputsOf(leas), [EntryInput.Title]: 'Die LaKI kurz erklärt' } })),
      post(b, channelActivity(connector, TOM, { replyToId: 'tom-card', value: { ...button(toms, EditorVerb.Publish), ...inputsOf(toms), [EntryInput.Title]: 'Die LaKI in einem Satz' } })),
    ]);
    const outcomes = connector.requests.slice(before).filter((r) => r.operation === 'update').map((r) => [r.activityId, textOf(r.body)] as const);
    const won = outcomes.filter(([, text]) => text.includes('Veröffentlicht von'));
    const lost = outcomes.filter(([, text]) => text.includes('Der Eintrag wurde inzwischen geändert'));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const winnerTitle = won[0]![0] === 'lea-card' ? 'Die LaKI kurz erklärt' : 'Die LaKI in einem Satz';
    for (const instance of [a, b]) {
      await waitUntil(`${instance.name} serves the winner`, async () => (await answerOn(instance, 'Was ist die LaKI?')).includes(winnerTitle));
    }

    // "Rückgängig" on A of what B published: both stop answering from the entry.
    await post(a, channelActivity(connector, LEA, { replyToId: 'card-1', value: button(published, EditorVerb.Undo) }));
    expect(JSON.stringify(lastCard())).toContain('Rückgängig gemacht von Lea LaKI');
    for (const instance of [a, b]) {
      await waitUntil(`${instance.name} no longer answers from the undone entry`, async () => !(await answerOn(instance, QUESTION)).includes('Ein eigenes Landesprogramm'));
    }

    // A redeploy: A restarts on a fresh, empty volume; the seed plus the database give the same knowledge.
    await a.process.stop();
    a = await start('A');
    instances = [a, b];
    expect(readFileSync(path.join(a.dir, 'laki.yaml'), 'utf8')).toBe(readFileSync(path.join(b.dir, 'laki.yaml'), 'utf8'));
    expect(readFileSync(path.join(a.dir, 'kontakt.yaml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'knowledge/kontakt.yaml'), 'utf8'));
    expect(await answerOn(a, 'Was ist die LaKI?')).toContain(winnerTitle);
  });
});
