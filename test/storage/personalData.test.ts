/**
 * Auskunft and Löschung for one person (DSGVO): everything stored about them found by their Teams
 * user id or Entra object id, exported, and deleted in one transaction, on SQLite and PostgreSQL;
 * and the operator's CLI (`npm run privacy:export` / `privacy:delete`) on a real SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/escalation/ticket';
import {
  deletePersonalData,
  DELETED_ACTOR,
  ExportNotes,
  exportPersonalData,
  postgresPersonalDataDb,
  sqlitePersonalDataDb,
  type PersonalDataDb,
} from '../../src/storage/personalData';
import { openSqliteStore } from '../../src/storage/sqlite';
import type { Store } from '../../src/storage/types';
import { describeEachStore, type StoreFactory, type TestStore } from './storeFactories';
import { newTicket } from './tmpStore';

const NOW = new Date('2026-12-05T08:00:00Z');
const ROOT = join(__dirname, '..', '..');

const ERIKA = { teams: '29:user-1', aad: 'aad-1' };
const MAX = { teams: '29:user-2', aad: 'aad-2' };
const ANNA: Actor = { id: '29:laki-anna', name: 'Anna LaKI', aadObjectId: 'aad-anna' };
const MAX_EDITOR: Actor = { id: '29:laki-max', name: 'Max Redaktion' };

const KEYS = {
  erikaUser: 'msteams/28:bot/users/29:user-1',
  erikaChat: 'msteams/28:bot/conversations/a:personal-1',
  maxUser: 'msteams/28:bot/users/29:user-2',
  group: 'msteams/28:bot/conversations/19:group@thread.v2',
};

/** Erika asked two tickets; Max asked one, which Anna (LaKI) took and answered; turn state of all. */
async function seed(store: Store): Promise<{ erikaTickets: string[]; maxTicket: string }> {
  const jobsFor = (kind: 'channel-post' | 'email') => (ticket: { id: string }) => [
    { kind, ticketId: ticket.id, dedupeKey: `ticket:${ticket.id}:${kind}` },
  ];
  const first = await store.tickets.create(newTicket(), jobsFor('channel-post'), NOW);
  const second = await store.tickets.create(newTicket({ question: 'Wer berät zur Rucksack-Kita?' }), jobsFor('email'), NOW);
  const max = await store.tickets.create(
    newTicket({
      askerName: 'Max Beispiel',
      askerUserId: MAX.teams,
      askerAadObjectId: MAX.aad,
      askerConversationReference: { conversation: { id: 'a:personal-2', conversationType: 'personal' } as never },
    }),
    jobsFor('channel-post'),
    NOW,
  );
  await store.tickets.update(
    max.ticket.id,
    (current) => ({
      ticket: { ...current, status: 'answered', assignee: ANNA, answeredBy: ANNA, answer: 'Die LaKI berät dazu.', answeredAt: NOW },
      jobs: [
        {
          kind: 'asker-message',
          ticketId: current.id,
          payload: { notice: 'answered', answer: 'Die LaKI berät dazu.', answeredBy: ANNA.name },
          dedupeKey: `ticket:${current.id}:asker:answer:x`,
        },
      ],
    }),
    NOW,
  );
  await store.botState.write({
    [KEYS.erikaUser]: { seen: true },
    [KEYS.erikaChat]: { escalationDrafts: { d0: { issuedAt: NOW.toISOString(), userId: ERIKA.teams } } },
    [KEYS.maxUser]: { seen: true },
    [KEYS.group]: {
      escalationDrafts: {
        d1: { issuedAt: NOW.toISOString(), userId: ERIKA.teams },
        d2: { issuedAt: NOW.toISOString(), userId: MAX.teams },
      },
    },
  });
  return { erikaTickets: [first.ticket.id, second.ticket.id], maxTicket: max.ticket.id };
}

function personalDataDb(factory: StoreFactory, store: TestStore): PersonalDataDb {
  const raw = store as unknown as { db?: never; pool?: never };
  return factory.kind === 'sqlite' ? sqlitePersonalDataDb(raw.db!) : postgresPersonalDataDb(raw.pool!);
}

describeEachStore('personal data (privacy:export / privacy:delete)', (factory) => {
  let store: TestStore;
  let db: PersonalDataDb;
  let seeded: Awaited<ReturnType<typeof seed>>;

  beforeEach(async () => {
    store = await factory.open();
    db = personalDataDb(factory, store);
    seeded = await seed(store);
  });

  afterEach(() => store.cleanup());

  it('should export an asker\'s tickets, their delivery jobs and turn state, found by the Entra object id', async () => {
    const data = await exportPersonalData(db, ERIKA.aad, { now: NOW, questionLogRetentionDays: 180 });

    expect(data.subject).toBe(ERIKA.aad);
    expect(data.identities).toEqual({ teamsUserIds: [ERIKA.teams], aadObjectIds: [ERIKA.aad] });
    expect(data.ticketsAsked.map((ticket) => ticket.id).sort()).toEqual([...seeded.erikaTickets].sort());
    expect(data.ticketsAsked[0]).toMatchObject({ askerName: 'Erika Muster', kommune: 'Kreis Soest' });
    expect(data.deliveryJobs.map((job) => job.kind).sort()).toEqual(['channel-post', 'email']);
    expect(data.ticketsHandled).toEqual([]);
    expect(data.turnState).toEqual([
      { key: KEYS.erikaChat, scope: 'whole', value: expect.objectContaining({ escalationDrafts: expect.any(Object) }) },
      { key: KEYS.erikaUser, scope: 'whole', value: expect.objectContaining({ seen: true }) },
      { key: KEYS.group, scope: 'part', value: [{ d1: expect.objectContaining({ userId: ERIKA.teams }) }] },
    ]);
    expect(JSON.stringify(data)).not.toContain('Max Beispiel');
    expect(data.notes).toContain(ExportNotes.questionLog(180));
  });

  it('should delete everything about an asker and nothing of anyone else', async () => {
    const result = await deletePersonalData(db, ERIKA.teams, { now: NOW });

    expect(result).toEqual({
      ticketsDeleted: 2,
      deliveryJobsDeleted: 2,
      ticketsPseudonymised: 0,
      turnStateRowsDeleted: 2,
      turnStateRowsScrubbed: 1,
      editorialRecordsPseudonymised: 0,
    });
    for (const id of seeded.erikaTickets) {
      expect(await store.tickets.get(id)).toBeUndefined();
      expect(await store.jobs.listByTicket(id)).toEqual([]);
    }
    expect(await store.tickets.listByAsker(ERIKA.teams, 10)).toEqual([]);
    const state = await store.botState.read(Object.values(KEYS));
    expect(Object.keys(state).sort()).toEqual([KEYS.group, KEYS.maxUser].sort());
    expect(state[KEYS.group].escalationDrafts).toEqual({ d2: expect.objectContaining({ userId: MAX.teams }) });

    // Max's ticket and its jobs are untouched; a second export of Erika finds nothing.
    expect((await store.tickets.get(seeded.maxTicket))?.askerName).toBe('Max Beispiel');
    expect(await store.jobs.listByTicket(seeded.maxTicket)).toHaveLength(2);
    const again = await exportPersonalData(db, ERIKA.aad, { now: NOW, questionLogRetentionDays: 180 });
    expect([again.ticketsAsked, again.deliveryJobs, again.turnState]).toEqual([[], [], []]);
  });

  it('should replace a LaKI member on the tickets they handled, keeping the asker\'s ticket', async () => {
    const data = await exportPersonalData(db, ANNA.aadObjectId!, { now: NOW, questionLogRetentionDays: 180 });
    expect(data.ticketsHandled).toEqual([{ number: expect.stringMatching(/^LAKI-/), roles: ['assignee', 'answeredBy'], actor: ANNA }]);
    expect(data.ticketsAsked).toEqual([]);

    expect((await deletePersonalData(db, ANNA.aadObjectId!, { now: NOW })).ticketsPseudonymised).toBe(1);

    const ticket = await store.tickets.get(seeded.maxTicket);
    expect(ticket).toMatchObject({ assignee: DELETED_ACTOR, answeredBy: DELETED_ACTOR, answer: 'Die LaKI berät dazu.', askerName: 'Max Beispiel' });
    const jobs = await store.jobs.listByTicket(seeded.maxTicket);
    expect(JSON.stringify(jobs)).not.toContain('Anna');
    expect(jobs.find((job) => job.kind === 'asker-message')?.payload).toMatchObject({ answeredBy: DELETED_ACTOR.name });
  });

  it('should find the drafts and revisions a LaKI editor worked on and replace them there, keeping the knowledge', async () => {
    const draft = await store.editors.createDraft(
      {
        content: {
          id: 'dolmetscher',
          title: 'Dolmetscher',
          answer: 'Antwort',
          questions: ['Gibt es Dolmetscher?'],
          keywords: [],
          category: 'kontakt',
          related: [],
          source: { document: 'Antwort der LaKI auf LAKI-2026-0001', section: 'Ticket LAKI-2026-0001' },
        },
        baseHash: 'absent',
        sourceQuestions: ['Gibt es Dolmetscher?'],
        createdBy: ANNA,
      },
      NOW,
    );
    const later = new Date(NOW.getTime() + 60_000);
    const other = await store.editors.createDraft({ ...(await store.editors.getDraft(draft.id))!, createdBy: MAX_EDITOR }, later);
    await store.editors.updateDraft(other.id, (current) => ({ ...current, updatedBy: ANNA }), later);
    const published = await store.editors.appendRevision(
      { entryId: 'dolmetscher', file: 'kontakt.yaml', action: 'publish', title: 'Dolmetscher', beforeHash: 'absent', afterHash: 'h1', after: { id: 'dolmetscher' }, actor: ANNA, draftId: draft.id },
      () => undefined,
      NOW,
      { publishDraftId: draft.id },
    );

    // Found by the Teams id alone: the Entra id on her records widens the search.
    const data = await exportPersonalData(db, ANNA.id, { now: NOW, questionLogRetentionDays: 180 });
    expect(data.identities.aadObjectIds).toEqual([ANNA.aadObjectId]);
    expect(data.editorialWork).toEqual([
      { kind: 'draft', ref: draft.id, title: 'Dolmetscher', roles: ['createdBy', 'updatedBy'] },
      { kind: 'draft', ref: other.id, title: 'Dolmetscher', roles: ['updatedBy'] },
      { kind: 'revision', ref: String(published.seq), title: 'Dolmetscher', roles: ['actor'] },
    ]);
    expect(data.notes).toContain(ExportNotes.knowledgeSources);

    expect((await deletePersonalData(db, ANNA.id, { now: NOW })).editorialRecordsPseudonymised).toBe(3);

    expect(await store.editors.getDraft(draft.id)).toMatchObject({ createdBy: DELETED_ACTOR, updatedBy: DELETED_ACTOR, status: 'published' });
    expect(await store.editors.getDraft(other.id)).toMatchObject({ createdBy: MAX_EDITOR, updatedBy: DELETED_ACTOR });
    expect(await store.editors.getRevision(published.seq)).toMatchObject({ actor: DELETED_ACTOR, after: { id: 'dolmetscher' }, afterHash: 'h1' });
    expect((await exportPersonalData(db, ANNA.aadObjectId!, { now: NOW, questionLogRetentionDays: 180 })).editorialWork).toEqual([]);
  });

  it('should only count with dryRun', async () => {
    const result = await deletePersonalData(db, ERIKA.teams, { dryRun: true });
    expect(result.ticketsDeleted).toBe(2);
    expect(await store.tickets.listByAsker(ERIKA.teams, 10)).toHaveLength(2);
    expect(Object.keys(await store.botState.read(Object.values(KEYS)))).toHaveLength(4);
  });

  it('should find nothing for an unknown id and change nothing', async () => {
    const data = await exportPersonalData(db, '29:nobody', { now: NOW, questionLogRetentionDays: 180 });
    expect([data.ticketsAsked, data.deliveryJobs, data.ticketsHandled, data.turnState, data.editorialWork]).toEqual([[], [], [], [], []]);
    expect(await deletePersonalData(db, '29:nobody')).toEqual({
      ticketsDeleted: 0,
      deliveryJobsDeleted: 0,
      ticketsPseudonymised: 0,
      turnStateRowsDeleted: 0,
      turnStateRowsScrubbed: 0,
      editorialRecordsPseudonymised: 0,
    });
  });
});

describe('privacy CLI (npm run privacy:export / privacy:delete) on a real SQLite file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'laki-privacy-cli-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI from an empty folder (no env files), with only the given environment. */
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'privacy.ts'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: join(ROOT, 'node_modules'), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('should export to a file and delete from the database in DATA_DIR', async () => {
    const dataDir = join(dir, 'data');
    const store = openSqliteStore({ file: join(dataDir, 'laki-assistent.sqlite') });
    await seed(store);
    await store.close();

    const exported = run(['export', ERIKA.teams, '--out', join(dir, 'auskunft.json')], { DATA_DIR: dataDir });
    expect(exported.stderr).toContain('Export written to');
    expect(exported.status).toBe(0);
    const data = JSON.parse(readFileSync(join(dir, 'auskunft.json'), 'utf8'));
    expect(data.ticketsAsked).toHaveLength(2);

    const deleted = run(['delete', ERIKA.teams], { DATA_DIR: dataDir });
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain('Deleted: 2 ticket(s) asked, 2 delivery job(s)');

    const after = run(['export', ERIKA.teams], { DATA_DIR: dataDir });
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout).ticketsAsked).toEqual([]);
  }, 120_000);

  it.each([
    ['no id', ['export'], 2, /Usage: npm run privacy:export/],
    ['an unknown command', ['show', '29:x'], 2, /Unknown command "show"/],
    ['an unknown option', ['delete', '29:x', '--force'], 2, /Unknown option/],
  ])('should refuse %s with exit code 2', (_case, args, code, message) => {
    const result = run(args, { DATA_DIR: join(dir, 'data') });
    expect(result.status).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('should not create a database where none is', () => {
    const result = run(['delete', ERIKA.teams], { DATA_DIR: join(dir, 'missing') });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('No database found');
  });
});
