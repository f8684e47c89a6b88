/**
 * Brings this instance's KNOWLEDGE_DIR up to date with the revisions in the store.
 *
 * Publishing in Teams stores a revision first (the database is the record of what editors
 * published) and then lets this sync write it. Every instance runs the sync: at start (so a fresh
 * container, or a redeploy that brought older YAML, gets every publication again) and every few
 * seconds (so an entry published on one instance is served by all). The same code path writes the
 * publishing instance's own files.
 *
 * Per entry only the newest revision counts. It is written when the entry on disk is a version the
 * history knows (the state before some publication, or after one), i.e. the disk is merely behind.
 * When the disk holds a version the history never saw, someone changed the entry in the YAML
 * itself (a developer's commit, an exported and edited file): that edit wins, and the sync logs
 * that it left the entry alone. The whole knowledge base is validated in memory before each write,
 * so a revision that no longer fits (e.g. a related entry was deleted in git) is never served.
 */
import type { Logger } from '../logger';
import { entrySchema, type Entry } from '../knowledge';
import type { EditorStore, KnowledgeRevision } from '../storage';
import { ABSENT_HASH, entryHash, findEntry } from './entryYaml';
import { applyEntryWrite, loadCandidate, readKnowledgeFiles, writeKnowledgeFile, type KnowledgeFiles } from './knowledgeFiles';

/** How often an instance looks for revisions published elsewhere. */
export const DEFAULT_SYNC_INTERVAL_MS = 2000;

/** A version of an entry on disk that exists but does not pass the schema. */
const INVALID_HASH = 'invalid';

export interface KnowledgeSyncDeps {
  readonly dir: string;
  readonly store: Pick<EditorStore, 'listRevisions'>;
  /** Makes the served knowledge match the files now (the watcher's reload, or load + replace). */
  readonly reload: () => Promise<void>;
  readonly logger: Logger;
  readonly intervalMs?: number;
}

/** What one pass did, per entry id. */
export interface SyncResult {
  readonly written: readonly string[];
  /** Changed in the YAML outside Teams: left as it is. */
  readonly keptLocal: readonly string[];
  /** Would make the knowledge base invalid: not written. */
  readonly refused: readonly string[];
}

/**
 * The sync's section of the health report. `degraded` while a publication is not served because
 * it would make the knowledge base invalid, or when the last pass failed (e.g. the database was
 * unreachable); entries kept as edited in the YAML are listed but are a decision, not a fault.
 */
export type SyncHealth = {
  readonly status: 'ok' | 'degraded';
  /** The newest revision this instance has applied (0: none yet). */
  readonly appliedSeq: number;
  readonly lastPassAt: string | null;
  readonly lastError: string | null;
  /** Entry id → revision not applied because the knowledge base would become invalid. */
  readonly refused: Readonly<Record<string, number>>;
  /** Entry id → revision not applied because the YAML was changed outside Teams. */
  readonly keptLocal: Readonly<Record<string, number>>;
};

export interface KnowledgeSync {
  /** Applies revisions stored since the last pass; passes run one after another. */
  applyPending(): Promise<SyncResult>;
  health(): SyncHealth;
  /** First pass (replays every revision), then one every `intervalMs`. */
  start(): Promise<SyncResult>;
  stop(): void;
}

export function createKnowledgeSync(deps: KnowledgeSyncDeps): KnowledgeSync {
  const { dir, store, logger } = deps;
  let lastSeq = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  // Per entry, the revision this instance could not apply; cleared when a later one is written.
  const refused = new Map<string, number>();
  const keptLocal = new Map<string, number>();
  let lastPassAt: Date | undefined;
  let lastError: string | undefined;

  async function pass(): Promise<SyncResult> {
    const fresh = await store.listRevisions({ afterSeq: lastSeq });
    const result = { written: [] as string[], keptLocal: [] as string[], refused: [] as string[] };
    if (fresh.length === 0) return result;
    const entryIds = [...new Set(fresh.map((revision) => revision.entryId))];
    let files: KnowledgeFiles = await readKnowledgeFiles(dir);
    for (const entryId of entryIds) {
      const history = await store.listRevisions({ entryId });
      const latest = history[history.length - 1]!;
      const found = findEntry(files, entryId);
      const onDisk = found ? (found.entry ? entryHash(found.entry) : INVALID_HASH) : ABSENT_HASH;
      refused.delete(entryId);
      keptLocal.delete(entryId);
      if (onDisk === latest.afterHash) continue;
      if (!knownVersions(history).has(onDisk)) {
        logger.warn({ entryId, seq: latest.seq }, 'editors: entry changed in the YAML outside Teams; its publication is not applied');
        result.keptLocal.push(entryId);
        keptLocal.set(entryId, latest.seq);
        continue;
      }
      const after = latest.after ? entrySchema.parse(latest.after) : undefined;
      const applied = applyEntryWrite(files, { entryId, file: latest.file, after });
      const candidate = await loadCandidate(applied.files);
      if (!candidate.ok) {
        logger.warn({ entryId, seq: latest.seq, problems: candidate.problems }, 'editors: publication would make the knowledge base invalid; not applied');
        result.refused.push(entryId);
        refused.set(entryId, latest.seq);
        continue;
      }
      if (applied.changed) await writeKnowledgeFile(dir, applied.changed.file, applied.changed.text);
      files = applied.files;
      result.written.push(entryId);
    }
    lastSeq = fresh[fresh.length - 1]!.seq;
    if (result.written.length > 0) {
      await deps.reload();
      logger.info({ entries: result.written, seq: lastSeq }, 'editors: published entries applied to the knowledge directory');
    }
    return result;
  }

  const recordedPass = async (): Promise<SyncResult> => {
    try {
      const result = await pass();
      lastError = undefined;
      return result;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      lastPassAt = new Date();
    }
  };

  const applyPending = (): Promise<SyncResult> => {
    const run = queue.then(recordedPass, recordedPass);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    applyPending,
    health: () => ({
      status: refused.size > 0 || lastError !== undefined ? 'degraded' : 'ok',
      appliedSeq: lastSeq,
      lastPassAt: lastPassAt?.toISOString() ?? null,
      lastError: lastError ?? null,
      refused: Object.fromEntries(refused),
      keptLocal: Object.fromEntries(keptLocal),
    }),
    async start() {
      const first = await applyPending();
      timer = setInterval(() => {
        applyPending().catch((error: unknown) => logger.error({ err: error }, 'editors: knowledge sync failed'));
      }, deps.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
      timer.unref();
      return first;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/** Every version of an entry its history has seen (before and after each revision). */
export function knownVersions(history: readonly KnowledgeRevision[]): Set<string> {
  return new Set(history.flatMap((revision) => [revision.beforeHash, revision.afterHash]));
}

/** The entry a revision leaves behind, validated again (stored revisions were valid when written). */
export function entryAfter(revision: KnowledgeRevision): Entry | undefined {
  return revision.after ? entrySchema.parse(revision.after) : undefined;
}
