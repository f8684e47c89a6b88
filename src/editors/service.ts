/**
 * The editors' service: what the draft card's buttons call. Drafts live in the store; "Prüfen"
 * reviews a draft in memory; "Veröffentlichen" stores a revision (checked against the entry's
 * latest version, across instances) and lets the sync write it into KNOWLEDGE_DIR and reload;
 * "Rückgängig" stores the reverse revision the same way. Who may call it is the bot extension's
 * business; the service records who did.
 */
import type { Ticket } from '../escalation';
import type { IndexedKnowledgeBase } from '../knowledge';
import type { Entry } from '../knowledge';
import type { QuestionLogReader } from '../questionLog';
import type { DraftContent, EditorActor, EditorStore, EntryDraft, KnowledgeRevision } from '../storage';
import { blankContent, contentFromTicket, contentOfEntry, idForNewEntry, similarQuestions } from './draftContent';
import { ABSENT_HASH, entryHash, findEntry } from './entryYaml';
import { applyEntryWrite, loadCandidate, readKnowledgeFiles } from './knowledgeFiles';
import { formatProblem } from '../knowledge';
import { EditorMessages as M, germanDateTime } from '../chat';
import { errorCount, reviewDraft, type Review } from './review';
import { entryAfter, knownVersions, type KnowledgeSync } from './sync';

/** Days of the question log searched for similar unanswered questions. */
export const SIMILAR_QUESTION_DAYS = 90;

export interface EditorServiceDeps {
  readonly dir: string;
  readonly store: EditorStore;
  readonly knowledge: { current(): IndexedKnowledgeBase };
  readonly sync: KnowledgeSync;
  /** The question log, for similar unanswered questions; absent: only the ticket's question. */
  readonly questionLog?: QuestionLogReader;
  readonly clock?: () => Date;
}

export type PublishOutcome =
  | { readonly outcome: 'published'; readonly revision: KnowledgeRevision; readonly review: Review }
  | { readonly outcome: 'blocked'; readonly review: Review }
  /** Another editor published this entry first (or it changed on disk): nothing was written. */
  | { readonly outcome: 'conflict'; readonly review: Review; readonly message: string }
  | { readonly outcome: 'closed'; readonly draft: EntryDraft };

export type UndoOutcome =
  | { readonly outcome: 'undone'; readonly revision: KnowledgeRevision }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'already-undone' }
  | { readonly outcome: 'not-latest'; readonly latest: KnowledgeRevision }
  | { readonly outcome: 'blocked'; readonly problems: readonly string[] };

/** Thrown inside the store's transaction when the entry moved on since the draft's version. */
export class EditConflictError extends Error {
  override readonly name = 'EditConflictError';
  constructor(readonly latest: KnowledgeRevision) {
    super(`entry ${latest.entryId} changed in revision ${latest.seq}`);
  }
}

export interface EditorService {
  /** The open draft for this answered ticket, or a new one. */
  openFromTicket(ticket: Ticket, actor: EditorActor): Promise<EntryDraft>;
  openBlank(actor: EditorActor, questions?: readonly string[]): Promise<EntryDraft>;
  /** A draft of an existing entry; `undefined` when there is no such entry. */
  openForEntry(entryId: string, actor: EditorActor): Promise<EntryDraft | undefined>;
  getDraft(id: string): Promise<EntryDraft | undefined>;
  /**
   * Stores the card's inputs. A new entry's id follows its title. `expectedVersion`: refuse (and
   * return the stored draft with `stale: true`) when someone else saved in between.
   */
  saveDraft(id: string, content: DraftContent, actor: EditorActor, expectedVersion?: number): Promise<{ draft: EntryDraft; stale: boolean } | undefined>;
  review(draft: EntryDraft): Promise<Review>;
  publish(draftId: string, actor: EditorActor): Promise<PublishOutcome | undefined>;
  discard(draftId: string, actor: EditorActor): Promise<EntryDraft | undefined>;
  undo(seq: number, actor: EditorActor): Promise<UndoOutcome>;
}

export function createEditorService(deps: EditorServiceDeps): EditorService {
  const clock = deps.clock ?? (() => new Date());
  const { store, sync } = deps;

  async function unansweredQuestions(): Promise<string[]> {
    if (!deps.questionLog) return [];
    const since = new Date(clock().getTime() - SIMILAR_QUESTION_DAYS * 24 * 60 * 60 * 1000);
    const events = await deps.questionLog.listSince(since);
    return events.filter((event) => event.kind === 'declined' && event.question).map((event) => event.question!);
  }

  async function review(draft: EntryDraft): Promise<Review> {
    await sync.applyPending();
    const files = await readKnowledgeFiles(deps.dir);
    const entryId = draft.baseEntryId ?? draft.content.id;
    const history = entryId ? await store.listRevisions({ entryId }) : [];
    return reviewDraft(draft, files, history, { served: () => deps.knowledge.current(), today: clock() });
  }

  return {
    async openFromTicket(ticket, actor) {
      const open = await store.listDrafts({ status: 'open', limit: 500 });
      const existing = open.find((draft) => draft.ticketNumber === ticket.number);
      if (existing) return existing;
      const kb = deps.knowledge.current();
      const similar = similarQuestions(ticket.question, await unansweredQuestions());
      const content = contentFromTicket(ticket, kb, similar);
      return store.createDraft(
        { content, baseHash: ABSENT_HASH, sourceQuestions: [ticket.question, ...similar], ticketNumber: ticket.number, createdBy: actor },
        clock(),
      );
    },
    async openBlank(actor, questions = []) {
      const content = blankContent(questions);
      const taken = new Set(deps.knowledge.current().entries.map((entry) => entry.id));
      const withId = content.title ? { ...content, id: idForNewEntry(content.title, taken) } : content;
      return store.createDraft({ content: withId, baseHash: ABSENT_HASH, sourceQuestions: content.questions, createdBy: actor }, clock());
    },
    async openForEntry(entryId, actor) {
      await sync.applyPending();
      const found = findEntry(await readKnowledgeFiles(deps.dir), entryId);
      if (!found?.entry) return undefined;
      const entry: Entry = found.entry;
      return store.createDraft(
        { content: contentOfEntry(entry), baseEntryId: entry.id, baseHash: entryHash(entry), sourceQuestions: [], createdBy: actor },
        clock(),
      );
    },
    getDraft: (id) => store.getDraft(id),
    async saveDraft(id, content, actor, expectedVersion) {
      let stale = false;
      const draft = await store.updateDraft(
        id,
        (current) => {
          if (current.status !== 'open') return undefined;
          if (expectedVersion !== undefined && current.version !== expectedVersion && current.updatedBy.id !== actor.id) {
            stale = true;
            return undefined;
          }
          const taken = new Set(deps.knowledge.current().entries.map((entry) => entry.id));
          const entryId = current.baseEntryId ?? (content.title.trim() ? idForNewEntry(content.title, taken) : '');
          const next: DraftContent = { ...content, id: entryId, ...(current.content.contact ? { contact: current.content.contact } : {}) };
          return { ...current, content: next, updatedBy: actor };
        },
        clock(),
      );
      return draft ? { draft, stale } : undefined;
    },
    review,
    async publish(draftId, actor) {
      const draft = await store.getDraft(draftId);
      if (!draft) return undefined;
      if (draft.status !== 'open') return { outcome: 'closed', draft };
      const result = await review(draft);
      if (errorCount(result) > 0 || !result.entry || !result.file) return { outcome: 'blocked', review: result };
      const entry = result.entry;
      const beforeHash = result.currentHash;
      try {
        const revision = await store.appendRevision(
          {
            entryId: entry.id,
            file: result.file,
            action: 'publish',
            title: entry.title,
            beforeHash,
            afterHash: entryHash(entry),
            ...(result.current ? { before: result.current } : {}),
            after: entry,
            actor,
            draftId,
          },
          (history) => acceptOnlyLatest(history, beforeHash),
          clock(),
          { publishDraftId: draftId },
        );
        await sync.applyPending();
        return { outcome: 'published', revision, review: result };
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        return { outcome: 'conflict', review: result, message: conflictMessage(error.latest) };
      }
    },
    async discard(draftId, actor) {
      return store.updateDraft(draftId, (current) => (current.status === 'open' ? { ...current, status: 'discarded', updatedBy: actor } : undefined), clock());
    },
    async undo(seq, actor) {
      await sync.applyPending();
      const target = await store.getRevision(seq);
      if (!target) return { outcome: 'not-found' };
      const history = await store.listRevisions({ entryId: target.entryId });
      const latest = history[history.length - 1]!;
      if (latest.seq !== seq) {
        return latest.action === 'undo' && latest.undoneSeq === seq ? { outcome: 'already-undone' } : { outcome: 'not-latest', latest };
      }
      const files = await readKnowledgeFiles(deps.dir);
      const before = target.before ? entryAfter({ ...target, after: target.before }) : undefined;
      const applied = applyEntryWrite(files, { entryId: target.entryId, file: target.file, after: before });
      const candidate = await loadCandidate(applied.files);
      if (!candidate.ok) return { outcome: 'blocked', problems: candidate.problems.map(formatProblem) };
      try {
        const revision = await store.appendRevision(
          {
            entryId: target.entryId,
            file: target.file,
            action: 'undo',
            title: target.title,
            beforeHash: target.afterHash,
            afterHash: target.beforeHash,
            ...(target.after ? { before: target.after } : {}),
            ...(target.before ? { after: target.before } : {}),
            actor,
            undoneSeq: seq,
          },
          (stored) => acceptOnlyLatest(stored, target.afterHash),
          clock(),
        );
        await sync.applyPending();
        return { outcome: 'undone', revision };
      } catch (error) {
        if (!(error instanceof EditConflictError)) throw error;
        return { outcome: 'not-latest', latest: error.latest };
      }
    },
  };
}

/**
 * The version check, run inside the store's serialised transaction: a revision may build on the
 * entry's latest published version, or on a version the history never saw (the entry was edited
 * in the YAML outside Teams, and that is what this instance serves). Anything else means another
 * editor published first.
 */
function acceptOnlyLatest(history: readonly KnowledgeRevision[], beforeHash: string): void {
  const latest = history[history.length - 1];
  if (!latest || latest.afterHash === beforeHash) return;
  if (!knownVersions(history).has(beforeHash)) return;
  throw new EditConflictError(latest);
}

function conflictMessage(latest: KnowledgeRevision): string {
  return M.changedSince(latest.actor.name, germanDateTime(latest.at));
}
