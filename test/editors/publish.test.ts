import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { EditorMessages as M } from '../../src/chat';
import { errorCount } from '../../src/editors/review';
import type { DraftContent } from '../../src/storage/types';
import { tmpStore } from '../storage/tmpStore';
import { copyKnowledge, editorInstance, LEA, TOM, type EditorInstance } from './editorsHarness';

const QUESTION = 'Bezahlt das Land Dolmetscher für Elterngespräche?';

function content(overrides: Partial<DraftContent> = {}): DraftContent {
  return {
    id: '',
    title: 'Dolmetscher für Elterngespräche',
    answer: 'Dafür gibt es kein eigenes Landesprogramm. Fragen Sie Ihr Kommunales Integrationszentrum.',
    questions: [QUESTION, 'Dolmetscherkosten Elterngespräch', 'Wer zahlt Dolmetscher in der Schule?'],
    keywords: ['Sprachmittlung'],
    category: 'kontakt',
    related: ['laki-kontakt'],
    source: { document: 'Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026', section: 'Ticket LAKI-2026-0042' },
    ...overrides,
  };
}

describe('editors service (real knowledge copy, SQLite)', () => {
  let kb: ReturnType<typeof copyKnowledge>;
  let store: ReturnType<typeof tmpStore>;
  let instance: EditorInstance;

  beforeEach(async () => {
    kb = copyKnowledge();
    store = tmpStore();
    instance = await editorInstance(kb.dir, store);
  });
  afterEach(async () => {
    instance.sync.stop();
    await store.cleanup();
    kb.cleanup();
  });

  async function savedDraft(overrides: Partial<DraftContent> = {}) {
    const draft = await instance.service.openBlank(LEA, [QUESTION]);
    const saved = await instance.service.saveDraft(draft.id, content(overrides), LEA);
    return saved!.draft;
  }

  it('should review a draft: no errors, and the preview answers its variants with the draft', async () => {
    const draft = await savedDraft();
    expect(draft.content.id).toBe('dolmetscher-elterngespraeche');
    expect(instance.holder.current().match(QUESTION).answer?.id).not.toBe('dolmetscher-elterngespraeche');
    const review = await instance.service.review(draft);
    expect(review.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(review.file).toBe('kontakt.yaml');
    const row = review.preview.find((r) => r.question === QUESTION)!;
    expect(row).toMatchObject({ outcome: 'answer', isDraft: true, entryId: 'dolmetscher-elterngespraeche' });
    expect(row.today.outcome).not.toBe('answer');
  });

  it('should report what blocks publishing: missing fields and a question another entry answers', async () => {
    const empty = await savedDraft({ title: 'Leer', answer: '', questions: [] });
    const review = await instance.service.review(empty);
    expect(review.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([M.fieldMissing(M.fieldLabels.questions), 'Antwort: darf nicht leer sein']),
    );
    const stolen = await savedDraft({ questions: ['Was ist die LaKI?'] });
    const clash = await instance.service.review(stolen);
    expect(errorCount(clash)).toBeGreaterThan(0);
    expect(clash.findings.some((f) => f.severity === 'error' && f.message.includes('Was ist die LaKI?'))).toBe(true);
    expect(await instance.service.publish(stolen.id, LEA)).toMatchObject({ outcome: 'blocked' });
    expect(readFileSync(path.join(kb.dir, 'kontakt.yaml'), 'utf8')).not.toContain('Dolmetscher');
  });

  it('should publish into the YAML, serve it at once, and undo it byte for byte', async () => {
    const original = readFileSync(path.join(kb.dir, 'kontakt.yaml'), 'utf8');
    const draft = await savedDraft();
    const outcome = await instance.service.publish(draft.id, LEA);
    expect(outcome).toMatchObject({ outcome: 'published', revision: { entryId: 'dolmetscher-elterngespraeche', actor: LEA, action: 'publish' } });
    const written = readFileSync(path.join(kb.dir, 'kontakt.yaml'), 'utf8');
    expect(written.startsWith(original.trimEnd())).toBe(true);
    expect(written).toContain('  - id: dolmetscher-elterngespraeche\n    title: Dolmetscher für Elterngespräche\n');
    const answer = instance.holder.current().match(QUESTION).answer!;
    expect(answer.id).toBe('dolmetscher-elterngespraeche');
    expect(answer.source.document).toBe('Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026');
    expect((await instance.service.getDraft(draft.id))!.status).toBe('published');
    expect(await instance.service.publish(draft.id, LEA)).toMatchObject({ outcome: 'closed' });

    if (outcome?.outcome !== 'published') throw new Error('not published');
    expect(await instance.service.undo(outcome.revision.seq, TOM)).toMatchObject({ outcome: 'undone', revision: { action: 'undo', actor: TOM } });
    expect(readFileSync(path.join(kb.dir, 'kontakt.yaml'), 'utf8')).toBe(original);
    expect(instance.holder.current().getEntry('dolmetscher-elterngespraeche')).toBeUndefined();
    expect(await instance.service.undo(outcome.revision.seq, TOM)).toEqual({ outcome: 'already-undone' });
  });

  it('should edit an existing entry in place and keep every other byte of the file', async () => {
    const file = path.join(kb.dir, 'laki.yaml');
    const original = readFileSync(file, 'utf8');
    const draft = (await instance.service.openForEntry('laki-was-ist', LEA))!;
    expect(draft).toMatchObject({ baseEntryId: 'laki-was-ist', content: { title: 'Was ist die Landesweite Koordinierungsstelle (LaKI)?' } });
    await instance.service.saveDraft(draft.id, { ...draft.content, questions: [...draft.content.questions, 'Was macht die LaKI eigentlich?'] }, LEA);
    const outcome = await instance.service.publish(draft.id, LEA);
    expect(outcome?.outcome).toBe('published');
    const written = readFileSync(file, 'utf8');
    const start = original.indexOf('  - id: laki-was-ist');
    const end = original.indexOf('\n\n', start);
    expect(written.slice(0, start)).toBe(original.slice(0, start));
    expect(written.slice(written.indexOf('\n\n', start))).toBe(original.slice(end));
    expect(written.slice(start, written.indexOf('\n\n', start))).toContain('      - Was macht die LaKI eigentlich?\n    keywords:');
    expect(instance.holder.current().match('Was macht die LaKI eigentlich?').answer?.id).toBe('laki-was-ist');
  });

  it('should refuse the second of two editors editing the same entry, naming the first', async () => {
    const leas = (await instance.service.openForEntry('laki-was-ist', LEA))!;
    const toms = (await instance.service.openForEntry('laki-was-ist', TOM))!;
    await instance.service.saveDraft(leas.id, { ...leas.content, title: 'Die LaKI kurz erklärt' }, LEA);
    await instance.service.saveDraft(toms.id, { ...toms.content, title: 'Was ist die LaKI?' }, TOM);
    expect((await instance.service.publish(leas.id, LEA))?.outcome).toBe('published');
    const second = await instance.service.publish(toms.id, TOM);
    expect(second?.outcome).toBe('blocked');
    expect(second && 'review' in second ? second.review.findings.map((f) => f.message) : []).toContainEqual(
      expect.stringMatching(/^Der Eintrag wurde inzwischen geändert \(von Lea LaKI am /),
    );
    expect(instance.holder.current().getEntry('laki-was-ist')!.title).toBe('Die LaKI kurz erklärt');
  });

  it('should not save over a colleague\'s newer save of the same draft', async () => {
    const draft = await savedDraft();
    await instance.service.saveDraft(draft.id, content({ title: 'Von Tom' }), TOM, draft.version);
    const late = await instance.service.saveDraft(draft.id, content({ title: 'Von Lea' }), LEA, draft.version);
    expect(late).toMatchObject({ stale: true, draft: { content: { title: 'Von Tom' } } });
  });
});

describe('two instances on one store (in-process)', () => {
  it('should apply a publication of one instance to the other instance\'s knowledge directory', async () => {
    const a = copyKnowledge();
    const b = copyKnowledge();
    const store = tmpStore();
    try {
      const one = await editorInstance(a.dir, store);
      const two = await editorInstance(b.dir, store);
      const draft = await one.service.openBlank(LEA, [QUESTION]);
      await one.service.saveDraft(draft.id, content(), LEA);
      expect((await one.service.publish(draft.id, LEA))?.outcome).toBe('published');
      expect(two.holder.current().getEntry('dolmetscher-elterngespraeche')).toBeUndefined();
      expect(await two.sync.applyPending()).toEqual({ written: ['dolmetscher-elterngespraeche'], keptLocal: [], refused: [] });
      expect(two.holder.current().match(QUESTION).answer?.id).toBe('dolmetscher-elterngespraeche');
      expect(readFileSync(path.join(b.dir, 'kontakt.yaml'), 'utf8')).toBe(readFileSync(path.join(a.dir, 'kontakt.yaml'), 'utf8'));

      // A fresh instance (a redeploy with the repository's YAML) replays every publication at start.
      const c = copyKnowledge();
      const three = await editorInstance(c.dir, store);
      expect((await three.sync.start()).written).toEqual(['dolmetscher-elterngespraeche']);
      three.sync.stop();
      c.cleanup();
    } finally {
      await store.cleanup();
      a.cleanup();
      b.cleanup();
    }
  });
});

describe('the sync when another instance\'s files disagree with a publication', () => {
  async function published(overrides: Partial<DraftContent> = {}) {
    const a = copyKnowledge();
    const b = copyKnowledge();
    const store = tmpStore();
    const one = await editorInstance(a.dir, store);
    const draft = await one.service.openBlank(LEA, [QUESTION]);
    await one.service.saveDraft(draft.id, content(overrides), LEA);
    const publication = await one.service.publish(draft.id, LEA);
    expect(publication?.outcome).toBe('published');
    const [revision] = await store.editors.listRevisions({ newestFirst: true, limit: 1 });
    return { a, b, store, revision: revision!, cleanup: async () => (await store.cleanup(), a.cleanup(), b.cleanup()) };
  }

  it('should refuse a publication that would make the knowledge base invalid there, and say so on its health', async () => {
    const setup = await published({ related: ['laki-webseite'] });
    try {
      // On the second instance the related entry was deleted in git (its file no longer has it).
      const file = path.join(setup.b.dir, 'kontakt.yaml');
      const document = parseDocument(readFileSync(file, 'utf8'));
      const entries = document.get('entries') as { items: Array<{ get(key: string): unknown }> };
      const index = entries.items.findIndex((item) => item.get('id') === 'laki-webseite');
      expect(index).toBeGreaterThanOrEqual(0);
      entries.items.splice(index, 1);
      writeFileSync(file, document.toString());
      const two = await editorInstance(setup.b.dir, setup.store);

      expect(two.sync.health()).toMatchObject({ status: 'ok', appliedSeq: 0, lastPassAt: null });
      expect(await two.sync.applyPending()).toEqual({ written: [], keptLocal: [], refused: ['dolmetscher-elterngespraeche'] });
      expect(two.holder.current().getEntry('dolmetscher-elterngespraeche')).toBeUndefined();
      expect(two.sync.health()).toMatchObject({
        status: 'degraded',
        appliedSeq: setup.revision.seq,
        lastError: null,
        refused: { 'dolmetscher-elterngespraeche': setup.revision.seq },
        keptLocal: {},
      });
      expect(two.warnings.map((warning) => warning.message)).toContain('editors: publication would make the knowledge base invalid; not applied');
    } finally {
      await setup.cleanup();
    }
  });

  it('should keep an entry edited in the YAML outside Teams and list it, healthy', async () => {
    const setup = await published();
    try {
      // The second instance's YAML has its own version of the entry (a developer's commit).
      const file = path.join(setup.a.dir, 'kontakt.yaml');
      writeFileSync(path.join(setup.b.dir, 'kontakt.yaml'), readFileSync(file, 'utf8').replace('kein eigenes Landesprogramm', 'kein Landesprogramm'));
      const two = await editorInstance(setup.b.dir, setup.store);

      expect(await two.sync.applyPending()).toEqual({ written: [], keptLocal: ['dolmetscher-elterngespraeche'], refused: [] });
      expect(two.holder.current().getEntry('dolmetscher-elterngespraeche')?.answer).toContain('kein Landesprogramm');
      expect(two.sync.health()).toMatchObject({ status: 'ok', keptLocal: { 'dolmetscher-elterngespraeche': setup.revision.seq }, refused: {} });
    } finally {
      await setup.cleanup();
    }
  });

  it('should report a failed pass as degraded until the next pass succeeds', async () => {
    const setup = await published();
    try {
      let failing = true;
      const store = {
        ...setup.store,
        editors: {
          ...setup.store.editors,
          listRevisions: (filter?: Parameters<typeof setup.store.editors.listRevisions>[0]) =>
            failing ? Promise.reject(new Error('connection refused')) : setup.store.editors.listRevisions(filter),
        },
      };
      const two = await editorInstance(setup.b.dir, store);
      await expect(two.sync.applyPending()).rejects.toThrow('connection refused');
      expect(two.sync.health()).toMatchObject({ status: 'degraded', lastError: 'connection refused', appliedSeq: 0 });
      failing = false;
      expect((await two.sync.applyPending()).written).toEqual(['dolmetscher-elterngespraeche']);
      expect(two.sync.health()).toMatchObject({ status: 'ok', lastError: null, appliedSeq: setup.revision.seq });
    } finally {
      await setup.cleanup();
    }
  });
});

describe('two instances publishing the same entry at the same moment', () => {
  it('should publish exactly one and tell the other editor', async () => {
    const a = copyKnowledge();
    const b = copyKnowledge();
    const store = tmpStore();
    try {
      const one = await editorInstance(a.dir, store);
      const two = await editorInstance(b.dir, store);
      const leas = (await one.service.openForEntry('laki-was-ist', LEA))!;
      const toms = (await two.service.openForEntry('laki-was-ist', TOM))!;
      await one.service.saveDraft(leas.id, { ...leas.content, title: 'Fassung von Lea' }, LEA);
      await two.service.saveDraft(toms.id, { ...toms.content, title: 'Fassung von Tom' }, TOM);
      const outcomes = await Promise.all([one.service.publish(leas.id, LEA), two.service.publish(toms.id, TOM)]);
      const kinds = outcomes.map((o) => o?.outcome);
      expect(kinds.filter((k) => k === 'published')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'conflict' || k === 'blocked')).toHaveLength(1);
      const winner = kinds[0] === 'published' ? 'Fassung von Lea' : 'Fassung von Tom';
      await one.sync.applyPending();
      await two.sync.applyPending();
      expect(one.holder.current().getEntry('laki-was-ist')!.title).toBe(winner);
      expect(two.holder.current().getEntry('laki-was-ist')!.title).toBe(winner);
      expect(await store.editors.listRevisions()).toHaveLength(1);
    } finally {
      await store.cleanup();
      a.cleanup();
      b.cleanup();
    }
  });
});
