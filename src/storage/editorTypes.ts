/**
 * What the editors' workflow persists (issue 10): entry drafts edited on a card in the LaKI channel,
 * and the revisions every publish and undo writes. The revisions are the history (`npm run
 * kb:history`) and, on several instances, the log each instance applies to its own KNOWLEDGE_DIR.
 */

/** A person acting in the LaKI channel. */
export interface EditorActor {
  /** Teams user id (`29:…`). */
  readonly id: string;
  readonly name: string;
  /** Entra object id, the key of `KNOWLEDGE_EDITORS`. */
  readonly aadObjectId?: string;
}

/**
 * The fields of an entry as typed on the draft card. Not yet validated: a draft may be incomplete
 * or invalid, and "Prüfen" says what is missing.
 */
export interface DraftContent {
  readonly id: string;
  readonly title: string;
  readonly answer: string;
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  readonly category: string;
  readonly related: readonly string[];
  readonly source: { readonly document: string; readonly section: string; readonly url?: string };
  /** Kept unchanged from the edited entry (the card does not edit contact data). */
  readonly contact?: Readonly<Record<string, unknown>>;
}

export type DraftStatus = 'open' | 'published' | 'discarded';

/** An entry draft. `baseHash` is the version of the entry it started from (the version check). */
export interface EntryDraft {
  /** Opaque id (UUID), carried by the card's buttons. */
  readonly id: string;
  readonly status: DraftStatus;
  readonly content: DraftContent;
  /** Set when the draft edits an existing entry: that entry's id (the id is not editable then). */
  readonly baseEntryId?: string;
  /** `entryHash` of the entry when the draft was opened; `absent` for a new entry. */
  readonly baseHash: string;
  /** Questions the draft was made for (the ticket's, similar unanswered ones), for the preview. */
  readonly sourceQuestions: readonly string[];
  readonly ticketNumber?: string;
  readonly createdBy: EditorActor;
  readonly createdAt: Date;
  readonly updatedBy: EditorActor;
  readonly updatedAt: Date;
  /** Incremented on every change. */
  readonly version: number;
  /** The revision that published it. */
  readonly publishedSeq?: number;
}

/** What a new draft starts with; the store adds id, status, times and version. */
export type NewEntryDraft = Pick<EntryDraft, 'content' | 'baseEntryId' | 'baseHash' | 'sourceQuestions' | 'ticketNumber' | 'createdBy'>;

/** A change to one draft computed from its current state; `undefined` changes nothing. */
export type DraftMutator = (current: EntryDraft) => EntryDraft | undefined;

export type RevisionAction = 'publish' | 'undo';

/**
 * One published change of one entry: who, when, the entry before and after (validated entries as
 * JSON; `undefined` = the entry did not exist / was removed) and their versions.
 */
export interface KnowledgeRevision {
  /** Ascending across all revisions: the order instances apply them in. */
  readonly seq: number;
  readonly entryId: string;
  /** The file (relative to KNOWLEDGE_DIR) the entry was written to. */
  readonly file: string;
  readonly action: RevisionAction;
  readonly title: string;
  readonly beforeHash: string;
  readonly afterHash: string;
  readonly before?: Readonly<Record<string, unknown>>;
  readonly after?: Readonly<Record<string, unknown>>;
  readonly actor: EditorActor;
  readonly at: Date;
  readonly draftId?: string;
  /** For an undo: the revision it took back. */
  readonly undoneSeq?: number;
}

export type NewKnowledgeRevision = Omit<KnowledgeRevision, 'seq' | 'at'>;

/**
 * Drafts and revisions. Each write is one transaction; {@link EditorStore.appendRevision} is
 * serialised across processes (SQLite: an immediate transaction; PostgreSQL: an advisory lock), so
 * its `check` sees every revision stored before it.
 */
export interface EditorStore {
  createDraft(input: NewEntryDraft, now: Date): Promise<EntryDraft>;
  getDraft(id: string): Promise<EntryDraft | undefined>;
  /** Reads, applies `mutate` and stores in one transaction; bumps `version`. `undefined`: no such draft. */
  updateDraft(id: string, mutate: DraftMutator, now: Date): Promise<EntryDraft | undefined>;
  /** Newest first. */
  listDrafts(filter: { readonly status?: DraftStatus; readonly limit?: number }): Promise<EntryDraft[]>;
  countDrafts(status: DraftStatus): Promise<number>;
  /**
   * Stores a revision after `check(history)` accepted it; `history` is every stored revision of the
   * same entry, oldest first. `check` refuses by throwing (nothing is stored, the error propagates).
   * With `publishDraftId` the draft is marked published by this revision in the same transaction.
   */
  appendRevision(
    revision: NewKnowledgeRevision,
    check: (history: readonly KnowledgeRevision[]) => void,
    now: Date,
    options?: { readonly publishDraftId?: string },
  ): Promise<KnowledgeRevision>;
  getRevision(seq: number): Promise<KnowledgeRevision | undefined>;
  /** Revisions after `afterSeq` (default 0) in ascending order, or, with `newestFirst`, the latest `limit`. */
  listRevisions(filter?: {
    readonly afterSeq?: number;
    readonly entryId?: string;
    readonly limit?: number;
    readonly newestFirst?: boolean;
  }): Promise<KnowledgeRevision[]>;
}
