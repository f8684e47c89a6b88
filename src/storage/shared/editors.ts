/** Draft and revision rows as both stores write and read them. */
import type { EditorActor, EntryDraft, KnowledgeRevision, NewKnowledgeRevision } from '../editorTypes';
import type { RowCodec } from './codec';

/** Columns of `entry_drafts`, in insert order. */
export const DRAFT_COLUMNS = [
  'id',
  'status',
  'content',
  'title',
  'base_entry_id',
  'base_hash',
  'source_questions',
  'ticket_number',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'version',
  'published_seq',
] as const;

/** Columns an update may change. */
export const MUTABLE_DRAFT_COLUMNS = DRAFT_COLUMNS.filter((column) => !['id', 'created_by', 'created_at'].includes(column));

export interface DraftRow<Time> {
  id: string;
  status: EntryDraft['status'];
  content: string;
  title: string;
  base_entry_id: string | null;
  base_hash: string;
  source_questions: string;
  ticket_number: string | null;
  created_by: string;
  created_at: Time;
  updated_by: string;
  updated_at: Time;
  version: number;
  published_seq: number | string | null;
}

export function draftToRow<Time>(codec: RowCodec<Time>, draft: EntryDraft): DraftRow<Time> {
  return {
    id: draft.id,
    status: draft.status,
    content: codec.text(JSON.stringify(draft.content)),
    title: codec.text(draft.content.title),
    base_entry_id: draft.baseEntryId ?? null,
    base_hash: draft.baseHash,
    source_questions: codec.text(JSON.stringify(draft.sourceQuestions)),
    ticket_number: draft.ticketNumber ?? null,
    created_by: codec.text(JSON.stringify(draft.createdBy)),
    created_at: codec.time(draft.createdAt),
    updated_by: codec.text(JSON.stringify(draft.updatedBy)),
    updated_at: codec.time(draft.updatedAt),
    version: draft.version,
    published_seq: draft.publishedSeq ?? null,
  };
}

export function draftFromRow<Time>(codec: RowCodec<Time>, row: DraftRow<Time>): EntryDraft {
  return {
    id: row.id,
    status: row.status,
    content: JSON.parse(row.content) as EntryDraft['content'],
    ...(row.base_entry_id !== null ? { baseEntryId: row.base_entry_id } : {}),
    baseHash: row.base_hash,
    sourceQuestions: JSON.parse(row.source_questions) as string[],
    ...(row.ticket_number !== null ? { ticketNumber: row.ticket_number } : {}),
    createdBy: JSON.parse(row.created_by) as EditorActor,
    createdAt: codec.date(row.created_at),
    updatedBy: JSON.parse(row.updated_by) as EditorActor,
    updatedAt: codec.date(row.updated_at),
    version: Number(row.version),
    ...(row.published_seq !== null ? { publishedSeq: Number(row.published_seq) } : {}),
  };
}

/** Columns of `knowledge_revisions` written on insert (`seq` is generated). */
export const REVISION_COLUMNS = [
  'entry_id',
  'file',
  'action',
  'title',
  'before_hash',
  'after_hash',
  'before_entry',
  'after_entry',
  'actor',
  'at',
  'draft_id',
  'undone_seq',
] as const;

export interface RevisionRow<Time> {
  seq: number | string;
  entry_id: string;
  file: string;
  action: KnowledgeRevision['action'];
  title: string;
  before_hash: string;
  after_hash: string;
  before_entry: string | null;
  after_entry: string | null;
  actor: string;
  at: Time;
  draft_id: string | null;
  undone_seq: number | string | null;
}

/** The values for {@link REVISION_COLUMNS}, in that order. */
export function revisionValues<Time>(codec: RowCodec<Time>, revision: NewKnowledgeRevision, at: Date): unknown[] {
  return [
    revision.entryId,
    revision.file,
    revision.action,
    codec.text(revision.title),
    revision.beforeHash,
    revision.afterHash,
    revision.before ? codec.text(JSON.stringify(revision.before)) : null,
    revision.after ? codec.text(JSON.stringify(revision.after)) : null,
    codec.text(JSON.stringify(revision.actor)),
    codec.time(at),
    revision.draftId ?? null,
    revision.undoneSeq ?? null,
  ];
}

export function revisionFromRow<Time>(codec: RowCodec<Time>, row: RevisionRow<Time>): KnowledgeRevision {
  return {
    seq: Number(row.seq),
    entryId: row.entry_id,
    file: row.file,
    action: row.action,
    title: row.title,
    beforeHash: row.before_hash,
    afterHash: row.after_hash,
    ...(row.before_entry !== null ? { before: JSON.parse(row.before_entry) as Record<string, unknown> } : {}),
    ...(row.after_entry !== null ? { after: JSON.parse(row.after_entry) as Record<string, unknown> } : {}),
    actor: JSON.parse(row.actor) as EditorActor,
    at: codec.date(row.at),
    ...(row.draft_id !== null ? { draftId: row.draft_id } : {}),
    ...(row.undone_seq !== null ? { undoneSeq: Number(row.undone_seq) } : {}),
  };
}

/** A fresh draft as the store creates it. */
export function newDraft(input: Omit<EntryDraft, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'version'>, id: string, now: Date): EntryDraft {
  return {
    ...input,
    id,
    status: 'open',
    createdAt: now,
    updatedBy: input.createdBy,
    updatedAt: now,
    version: 1,
  };
}

/** The stored form of a mutated draft: id and creation kept, version bumped, time set. */
export function nextDraft(current: EntryDraft, next: EntryDraft, now: Date): EntryDraft {
  return { ...next, id: current.id, createdBy: current.createdBy, createdAt: current.createdAt, version: current.version + 1, updatedAt: now };
}
