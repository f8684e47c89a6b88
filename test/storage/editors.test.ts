import type { EditorActor, KnowledgeRevision, NewEntryDraft, NewKnowledgeRevision, Store } from '../../src/storage/types';
import { describeEachStore, type TestStore } from './storeFactories';

const NOW = new Date('2026-03-10T09:00:00Z');
const LEA: EditorActor = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'aad-lea' };
const TOM: EditorActor = { id: '29:tom', name: 'Tom Redaktion' };

function draftInput(overrides: Partial<NewEntryDraft> = {}): NewEntryDraft {
  return {
    content: {
      id: 'dolmetscher-foerderung',
      title: 'Förderung für Dolmetscher',
      answer: 'Antwort\nmit zwei Zeilen',
      questions: ['Gibt es Förderung für Dolmetscher?'],
      keywords: [],
      category: 'foerderung',
      related: ['laki-kontakt'],
      source: { document: 'Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026', section: 'Ticket LAKI-2026-0042' },
    },
    baseHash: 'absent',
    sourceQuestions: ['Gibt es Förderung für Dolmetscher?', 'Dolmetscher bezahlt?'],
    ticketNumber: 'LAKI-2026-0042',
    createdBy: LEA,
    ...overrides,
  };
}

function revision(overrides: Partial<NewKnowledgeRevision> = {}): NewKnowledgeRevision {
  return {
    entryId: 'dolmetscher-foerderung',
    file: 'foerderung.yaml',
    action: 'publish',
    title: 'Förderung für Dolmetscher',
    beforeHash: 'absent',
    afterHash: 'h1',
    after: { id: 'dolmetscher-foerderung', title: 'Förderung für Dolmetscher' },
    actor: LEA,
    ...overrides,
  };
}

/** Refuses a revision whose "before" is not the entry's latest version. */
function expectLatest(beforeHash: string) {
  return (history: readonly KnowledgeRevision[]) => {
    const latest = history[history.length - 1]?.afterHash ?? 'absent';
    if (latest !== beforeHash) throw new Error(`conflict: latest is ${latest}`);
  };
}

describeEachStore('editor store', (factory) => {
  let store: TestStore;
  beforeEach(async () => (store = await factory.open()));
  afterEach(() => store.cleanup());

  it('should store a draft with every field and read it back, also after a restart', async () => {
    const draft = await store.editors.createDraft(draftInput({ baseEntryId: 'x', baseHash: 'abc' }), NOW);
    expect(draft).toMatchObject({ status: 'open', version: 1, createdAt: NOW, updatedAt: NOW, updatedBy: LEA, baseEntryId: 'x' });
    expect(await store.editors.getDraft(draft.id)).toEqual(draft);
    const again = await store.reopen();
    try {
      expect(await again.editors.getDraft(draft.id)).toEqual(draft);
    } finally {
      await again.close();
    }
    expect(await store.editors.getDraft('unknown')).toBeUndefined();
  });

  it('should update a draft with a mutator, bump its version and keep who created it', async () => {
    const draft = await store.editors.createDraft(draftInput(), NOW);
    const later = new Date(NOW.getTime() + 60000);
    const updated = await store.editors.updateDraft(
      draft.id,
      (current) => ({ ...current, content: { ...current.content, title: 'Neu' }, updatedBy: TOM, createdBy: TOM }),
      later,
    );
    expect(updated).toMatchObject({ version: 2, updatedAt: later, updatedBy: TOM, createdBy: LEA, content: { title: 'Neu' } });
    expect(await store.editors.getDraft(draft.id)).toEqual(updated);
    expect(await store.editors.updateDraft(draft.id, () => undefined, later)).toEqual(updated);
    expect(await store.editors.updateDraft('unknown', (current) => current, later)).toBeUndefined();
  });

  it('should list and count drafts by status, newest first', async () => {
    const a = await store.editors.createDraft(draftInput(), NOW);
    const b = await store.editors.createDraft(draftInput(), new Date(NOW.getTime() + 1000));
    await store.editors.updateDraft(a.id, (current) => ({ ...current, status: 'discarded' }), new Date(NOW.getTime() + 500));
    expect((await store.editors.listDrafts({ status: 'open' })).map((d) => d.id)).toEqual([b.id]);
    expect((await store.editors.listDrafts({})).map((d) => d.id)).toEqual([b.id, a.id]);
    expect(await store.editors.countDrafts('open')).toBe(1);
    expect(await store.editors.countDrafts('discarded')).toBe(1);
  });

  it('should append revisions in order, mark the draft published in the same transaction and list them', async () => {
    const draft = await store.editors.createDraft(draftInput(), NOW);
    const first = await store.editors.appendRevision(revision({ draftId: draft.id }), expectLatest('absent'), NOW, { publishDraftId: draft.id });
    expect(first).toMatchObject({ entryId: 'dolmetscher-foerderung', beforeHash: 'absent', afterHash: 'h1', actor: LEA, at: NOW, draftId: draft.id });
    expect(first.before).toBeUndefined();
    expect(await store.editors.getDraft(draft.id)).toMatchObject({ status: 'published', publishedSeq: first.seq, version: 2 });
    const undo = await store.editors.appendRevision(
      revision({ action: 'undo', beforeHash: 'h1', afterHash: 'absent', before: first.after, after: undefined, undoneSeq: first.seq, actor: TOM }),
      expectLatest('h1'),
      NOW,
    );
    expect(undo.seq).toBeGreaterThan(first.seq);
    expect(undo).toMatchObject({ action: 'undo', undoneSeq: first.seq, before: first.after });
    expect(undo.after).toBeUndefined();
    await store.editors.appendRevision(revision({ entryId: 'other', afterHash: 'o1' }), expectLatest('absent'), NOW);
    expect((await store.editors.listRevisions()).map((r) => r.seq)).toEqual([first.seq, undo.seq, undo.seq + 1]);
    expect((await store.editors.listRevisions({ afterSeq: first.seq })).map((r) => r.entryId)).toEqual(['dolmetscher-foerderung', 'other']);
    expect((await store.editors.listRevisions({ entryId: 'dolmetscher-foerderung', newestFirst: true, limit: 1 })).map((r) => r.seq)).toEqual([undo.seq]);
    expect(await store.editors.getRevision(first.seq)).toEqual(first);
  });

  it('should store nothing when the check refuses', async () => {
    await store.editors.appendRevision(revision(), expectLatest('absent'), NOW);
    await expect(store.editors.appendRevision(revision({ afterHash: 'h2' }), expectLatest('absent'), NOW)).rejects.toThrow('conflict: latest is h1');
    expect(await store.editors.listRevisions()).toHaveLength(1);
  });

  it('should let exactly one of two connections publish the same version', async () => {
    const second: Store = await store.reopen();
    try {
      const attempts = await Promise.allSettled([
        store.editors.appendRevision(revision({ afterHash: 'lea' }), expectLatest('absent'), NOW),
        second.editors.appendRevision(revision({ afterHash: 'tom', actor: TOM }), expectLatest('absent'), NOW),
      ]);
      expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await store.editors.listRevisions()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
