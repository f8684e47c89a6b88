/**
 * Hot reload of the knowledge base: watches `KNOWLEDGE_DIR` and, a moment after editors save,
 * builds a complete new snapshot and swaps it in with `holder.replace` (a request sees the old
 * or the new knowledge, never half). An invalid edit is logged with file, line and field of
 * every problem, kept for `/healthz`, and the last good knowledge keeps serving.
 *
 * `drafts/` and `schema/` are not served, so changes there do not trigger a reload.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { LoadProblem } from './errors';
import { loadKnowledgeBase, type IndexedKnowledgeBase, type KnowledgeHolder } from './index';
import { DRAFTS_DIR, KnowledgeLoadError, SCHEMA_DIR } from './loader';

/** The outcome of the most recent reload, for `/healthz` and tests. */
export interface ReloadStatus {
  readonly ok: boolean;
  /** When the reload finished (ISO 8601). */
  readonly at: string;
  /** Entries in the snapshot now serving. */
  readonly entries: number;
  /** Problems of a failed reload (empty when `ok`). */
  readonly problems: readonly LoadProblem[];
}

/** Just what the watcher logs; pino's logger fits. */
export interface WatcherLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface KnowledgeWatcherDeps {
  readonly dir: string;
  readonly holder: KnowledgeHolder<IndexedKnowledgeBase>;
  readonly logger: WatcherLogger;
  /** Quiet time after the last change before reloading; an editor's save often writes twice. */
  readonly debounceMs?: number;
  /** Builds a snapshot; default {@link loadKnowledgeBase}. */
  readonly load?: (dir: string) => Promise<IndexedKnowledgeBase>;
  /** Poll instead of native file events (network drives, some container mounts). */
  readonly usePolling?: boolean;
}

export interface KnowledgeWatcher {
  /** Resolves once the initial scan is done and changes are being seen. */
  ready(): Promise<void>;
  /** The last reload's outcome; `undefined` until the first reload. */
  lastReload(): ReloadStatus | undefined;
  /** Reloads now (also used by the debounced file events); resolves with the outcome. */
  reload(): Promise<ReloadStatus>;
  /** Stops watching; a reload in progress finishes but is not swapped in. */
  close(): Promise<void>;
}

export const DEFAULT_RELOAD_DEBOUNCE_MS = 300;

const YAML_FILE = /\.ya?ml$/i;
const NOT_SERVED = new Set([DRAFTS_DIR, SCHEMA_DIR]);

/** Starts watching `deps.dir`. Call `close()` on shutdown. */
export function createKnowledgeWatcher(deps: KnowledgeWatcherDeps): KnowledgeWatcher {
  const { dir, holder, logger } = deps;
  const load = deps.load ?? ((from: string) => loadKnowledgeBase(from));
  const debounceMs = deps.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
  const root = path.resolve(dir);
  let status: ReloadStatus | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReloadStatus> | undefined;
  let again = false;
  let closed = false;

  /** Only top-level YAML files are served (the loader reads nothing else). */
  const ignored = (file: string): boolean => {
    const relative = path.relative(root, path.resolve(file));
    if (relative === '') return false;
    const [first, ...rest] = relative.split(path.sep);
    if (rest.length > 0 || NOT_SERVED.has(first!)) return true;
    return false;
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    ignored,
    usePolling: deps.usePolling ?? false,
    interval: 200,
    awaitWriteFinish: false,
  });
  const readyPromise = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const reloadOnce = async (): Promise<ReloadStatus> => {
    const started = Date.now();
    try {
      const next = await load(dir);
      if (!closed) holder.replace(next);
      status = { ok: true, at: new Date().toISOString(), entries: next.entries.length, problems: [] };
      logger.info({ entries: next.entries.length, files: next.files.length, ms: Date.now() - started }, 'knowledge reloaded');
    } catch (error) {
      const problems: readonly LoadProblem[] =
        error instanceof KnowledgeLoadError
          ? error.problems
          : [{ file: dir, message: error instanceof Error ? error.message : String(error) }];
      status = { ok: false, at: new Date().toISOString(), entries: holder.current().entries.length, problems };
      logger.warn(
        { problems, servingEntries: status.entries },
        'knowledge reload failed; the last good knowledge keeps serving',
      );
    }
    return status;
  };

  /** Runs reloads one after another; changes during a reload cause exactly one more. */
  const reload = (): Promise<ReloadStatus> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: ReloadStatus;
      do {
        again = false;
        result = await reloadOnce();
      } while (again && !closed);
      running = undefined;
      return result;
    })();
    return running;
  };

  const schedule = (event: string, file: string): void => {
    if (closed || !YAML_FILE.test(file)) return;
    logger.info({ event, file: path.relative(root, path.resolve(file)) }, 'knowledge file changed');
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload();
    }, debounceMs);
  };

  watcher.on('all', (event, file) => {
    if (event === 'add' || event === 'change' || event === 'unlink') schedule(event, file);
  });
  watcher.on('error', (error) => logger.error({ err: error, dir }, 'knowledge watcher error'));

  return {
    ready: () => readyPromise,
    lastReload: () => status,
    reload,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/** The `/healthz` section of hot reload, in the shape `createServer`'s `health` option takes. */
export interface ReloadHealth {
  /** `degraded` after a failed reload: the bot answers, but from the last good knowledge. */
  readonly status: 'ok' | 'degraded';
  readonly watching: true;
  readonly lastReload: ReloadStatus | null;
  readonly [key: string]: unknown;
}

/**
 * Builds the `knowledgeReload` health check. A failed reload makes it `degraded` (HTTP stays
 * 200: the service answers from the last good knowledge, so a load balancer must not drop it),
 * with every problem's file, line and field for whoever fixes the edit.
 */
export function knowledgeReloadHealth(watcher: Pick<KnowledgeWatcher, 'lastReload'>): () => ReloadHealth {
  return () => {
    const last = watcher.lastReload();
    return { status: last && !last.ok ? 'degraded' : 'ok', watching: true, lastReload: last ?? null };
  };
}
