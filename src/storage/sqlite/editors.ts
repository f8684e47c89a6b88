/** SQLite implementation of {@link EditorStore}. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DraftMutator, DraftStatus, EditorStore, EntryDraft, KnowledgeRevision, NewEntryDraft, NewKnowledgeRevision } from '../editorTypes';
import {
  DRAFT_COLUMNS,
  draftFromRow,
  draftToRow,
  MUTABLE_DRAFT_COLUMNS,
  newDraft,
  nextDraft,
  REVISION_COLUMNS,
  revisionFromRow,
  revisionValues,
  type DraftRow,
  type RevisionRow,
} from '../shared/editors';
import { SQLITE_CODEC } from './codec';

const DRAFTS = DRAFT_COLUMNS.join(', ');

/** Creates the editors' store on an open, migrated database. */
export function createSqliteEditorStore(db: Database.Database): EditorStore {
  // Prepared on first use: a store opened with older migrations (upgrade tests) has no such tables yet.
  const lazy = <T>(make: () => T): { get(): T } => {
    let value: T | undefined;
    return { get: () => (value ??= make()) };
  };
  const byIdStatement = lazy(() => db.prepare<[string], DraftRow<number>>(`SELECT ${DRAFTS} FROM entry_drafts WHERE id = ?`));
  const insertDraftStatement = lazy(() => db.prepare(`INSERT INTO entry_drafts (${DRAFTS}) VALUES (${DRAFT_COLUMNS.map((c) => `@${c}`).join(', ')})`));
  const replaceDraftStatement = lazy(() =>
    db.prepare(`UPDATE entry_drafts SET ${MUTABLE_DRAFT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`),
  );
  const insertRevisionStatement = lazy(() =>
    db.prepare(`INSERT INTO knowledge_revisions (${REVISION_COLUMNS.join(', ')}) VALUES (${REVISION_COLUMNS.map(() => '?').join(', ')})`),
  );
  const revisionBySeqStatement = lazy(() => db.prepare<[number], RevisionRow<number>>('SELECT * FROM knowledge_revisions WHERE seq = ?'));
  const entryHistoryStatement = lazy(() =>
    db.prepare<[string], RevisionRow<number>>('SELECT * FROM knowledge_revisions WHERE entry_id = ? ORDER BY seq'),
  );
  const byId = { get: (id: string) => byIdStatement.get().get(id) };
  const insertDraft = { run: (row: object) => insertDraftStatement.get().run(row) };
  const replaceDraft = { run: (row: object) => replaceDraftStatement.get().run(row) };
  const insertRevision = { run: (...values: unknown[]) => insertRevisionStatement.get().run(...values) };
  const revisionBySeq = { get: (seq: number) => revisionBySeqStatement.get().get(seq) };
  const entryHistory = { all: (entryId: string) => entryHistoryStatement.get().all(entryId) };

  const fromRow = (row: DraftRow<number>) => draftFromRow(SQLITE_CODEC, row);

  const update = db.transaction((id: string, mutate: DraftMutator, now: Date): EntryDraft | undefined => {
    const row = byId.get(id);
    if (!row) return undefined;
    const current = fromRow(row);
    const next = mutate(current);
    if (!next) return current;
    const stored = nextDraft(current, next, now);
    replaceDraft.run(draftToRow(SQLITE_CODEC, stored));
    return stored;
  });

  const append = db.transaction(
    (revision: NewKnowledgeRevision, check: (history: readonly KnowledgeRevision[]) => void, now: Date, publishDraftId?: string) => {
      check(entryHistory.all(revision.entryId).map((row) => revisionFromRow(SQLITE_CODEC, row)));
      const seq = Number(insertRevision.run(...revisionValues(SQLITE_CODEC, revision, now)).lastInsertRowid);
      if (publishDraftId) {
        const row = byId.get(publishDraftId);
        if (row) {
          const current = fromRow(row);
          replaceDraft.run(draftToRow(SQLITE_CODEC, nextDraft(current, { ...current, status: 'published', publishedSeq: seq }, now)));
        }
      }
      return revisionFromRow(SQLITE_CODEC, revisionBySeq.get(seq)!);
    },
  );

  return {
    async createDraft(input: NewEntryDraft, now: Date) {
      const draft = newDraft(input, randomUUID(), now);
      insertDraft.run(draftToRow(SQLITE_CODEC, draft));
      return draft;
    },
    async getDraft(id) {
      const row = byId.get(id);
      return row ? fromRow(row) : undefined;
    },
    async updateDraft(id, mutate, now) {
      // IMMEDIATE: take the write lock before reading, so two processes cannot both read version n.
      return update.immediate(id, mutate, now);
    },
    async listDrafts({ status, limit = 50 }) {
      const rows = status
        ? db.prepare<[DraftStatus, number], DraftRow<number>>(`SELECT ${DRAFTS} FROM entry_drafts WHERE status = ? ORDER BY updated_at DESC, id LIMIT ?`).all(status, limit)
        : db.prepare<[number], DraftRow<number>>(`SELECT ${DRAFTS} FROM entry_drafts ORDER BY updated_at DESC, id LIMIT ?`).all(limit);
      return rows.map(fromRow);
    },
    async countDrafts(status) {
      return db.prepare<[DraftStatus], { n: number }>('SELECT COUNT(*) AS n FROM entry_drafts WHERE status = ?').get(status)!.n;
    },
    async appendRevision(revision, check, now, options = {}) {
      return append.immediate(revision, check, now, options.publishDraftId);
    },
    async getRevision(seq) {
      const row = revisionBySeq.get(seq);
      return row ? revisionFromRow(SQLITE_CODEC, row) : undefined;
    },
    async listRevisions(filter = {}) {
      const where: string[] = ['seq > ?'];
      const values: unknown[] = [filter.afterSeq ?? 0];
      if (filter.entryId) {
        where.push('entry_id = ?');
        values.push(filter.entryId);
      }
      const order = filter.newestFirst ? 'DESC' : 'ASC';
      const limit = filter.limit ?? -1;
      const rows = db
        .prepare<unknown[], RevisionRow<number>>(`SELECT * FROM knowledge_revisions WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT ?`)
        .all(...values, limit);
      return rows.map((row) => revisionFromRow(SQLITE_CODEC, row));
    },
  };
}
