/**
 * PostgreSQL implementation of {@link EditorStore}. Revisions are appended under a
 * transaction-level advisory lock, so instances publishing at the same moment take turns and each
 * `check` sees the revisions stored before it.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EditorStore, EntryDraft } from '../editorTypes';
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
import { inTransaction, POSTGRES_CODEC, type Queryable } from './transaction';

/** Key of the advisory lock that serialises revisions (first eight bytes of sha1('laki-assistent:revisions')). */
export const REVISION_LOCK_KEY = '4390627402117640243';

const DRAFTS = DRAFT_COLUMNS.join(', ');
const INSERT_DRAFT = `INSERT INTO entry_drafts (${DRAFTS}) VALUES (${DRAFT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const UPDATE_DRAFT = `UPDATE entry_drafts SET ${MUTABLE_DRAFT_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`;
const INSERT_REVISION = `INSERT INTO knowledge_revisions (${REVISION_COLUMNS.join(', ')})
  VALUES (${REVISION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`;

/** Creates the editors' store on a migrated database. */
export function createPostgresEditorStore(pool: Pool): EditorStore {
  const fromRow = (row: DraftRow<Date>) => draftFromRow(POSTGRES_CODEC, row);
  const getDraft = async (db: Queryable, id: string, lock = ''): Promise<EntryDraft | undefined> => {
    const { rows } = await db.query<DraftRow<Date>>(`SELECT ${DRAFTS} FROM entry_drafts WHERE id = $1${lock}`, [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  };
  const storeDraft = async (db: Queryable, draft: EntryDraft) => {
    const row = draftToRow(POSTGRES_CODEC, draft);
    await db.query(UPDATE_DRAFT, [draft.id, ...MUTABLE_DRAFT_COLUMNS.map((c) => row[c])]);
  };

  return {
    async createDraft(input, now) {
      const draft = newDraft(input, randomUUID(), now);
      const row = draftToRow(POSTGRES_CODEC, draft);
      await pool.query(INSERT_DRAFT, DRAFT_COLUMNS.map((c) => row[c]));
      return draft;
    },
    getDraft: (id) => getDraft(pool, id),
    updateDraft: (id, mutate, now) =>
      inTransaction(pool, async (client) => {
        const current = await getDraft(client, id, ' FOR UPDATE');
        if (!current) return undefined;
        const next = mutate(current);
        if (!next) return current;
        const stored = nextDraft(current, next, now);
        await storeDraft(client, stored);
        return stored;
      }),
    async listDrafts({ status, limit = 50 }) {
      const { rows } = status
        ? await pool.query<DraftRow<Date>>(`SELECT ${DRAFTS} FROM entry_drafts WHERE status = $1 ORDER BY updated_at DESC, id LIMIT $2`, [status, limit])
        : await pool.query<DraftRow<Date>>(`SELECT ${DRAFTS} FROM entry_drafts ORDER BY updated_at DESC, id LIMIT $1`, [limit]);
      return rows.map(fromRow);
    },
    async countDrafts(status) {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM entry_drafts WHERE status = $1', [status]);
      return rows[0].n;
    },
    appendRevision: (revision, check, now, options = {}) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [REVISION_LOCK_KEY]);
        const history = await client.query<RevisionRow<Date>>('SELECT * FROM knowledge_revisions WHERE entry_id = $1 ORDER BY seq', [revision.entryId]);
        check(history.rows.map((row) => revisionFromRow(POSTGRES_CODEC, row)));
        const { rows } = await client.query<RevisionRow<Date>>(INSERT_REVISION, revisionValues(POSTGRES_CODEC, revision, now));
        const stored = revisionFromRow(POSTGRES_CODEC, rows[0]);
        if (options.publishDraftId) {
          const current = await getDraft(client, options.publishDraftId, ' FOR UPDATE');
          if (current) await storeDraft(client, nextDraft(current, { ...current, status: 'published', publishedSeq: stored.seq }, now));
        }
        return stored;
      }),
    async getRevision(seq) {
      const { rows } = await pool.query<RevisionRow<Date>>('SELECT * FROM knowledge_revisions WHERE seq = $1', [seq]);
      return rows[0] ? revisionFromRow(POSTGRES_CODEC, rows[0]) : undefined;
    },
    async listRevisions(filter = {}) {
      const where: string[] = ['seq > $1'];
      const values: unknown[] = [filter.afterSeq ?? 0];
      if (filter.entryId) {
        values.push(filter.entryId);
        where.push(`entry_id = $${values.length}`);
      }
      values.push(filter.limit ?? null);
      const order = filter.newestFirst ? 'DESC' : 'ASC';
      const { rows } = await pool.query<RevisionRow<Date>>(
        `SELECT * FROM knowledge_revisions WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT $${values.length}`,
        values,
      );
      return rows.map((row) => revisionFromRow(POSTGRES_CODEC, row));
    },
  };
}
