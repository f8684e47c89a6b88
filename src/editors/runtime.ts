/**
 * The editors' back end, wired: one call for the composition root. The sync starts (and replays
 * every publication) before the server listens, so an instance never serves knowledge older
 * than what editors published.
 */
import type { Logger } from '../logger';
import { loadKnowledgeBase, type IndexedKnowledgeBase, type KnowledgeHolder } from '../knowledge';
import type { KnowledgeWatcher } from '../knowledge';
import type { QuestionLogReader } from '../questionLog';
import type { EditorStore } from '../storage';
import { createEditorService, type EditorService } from './service';
import { createKnowledgeSync, type KnowledgeSync } from './sync';

export interface EditorsDeps {
  readonly dir: string;
  readonly store: EditorStore;
  readonly holder: KnowledgeHolder<IndexedKnowledgeBase>;
  /** The hot-reload watcher, when on: the sync reloads through it (one reload path, one /healthz). */
  readonly watcher?: Pick<KnowledgeWatcher, 'reload'>;
  readonly questionLog?: QuestionLogReader;
  readonly logger: Logger;
  readonly syncIntervalMs?: number;
  /** For tests: the time drafts and revisions are stamped with. */
  readonly clock?: () => Date;
}

export interface Editors {
  readonly service: EditorService;
  readonly sync: KnowledgeSync;
}

export function createEditors(deps: EditorsDeps): Editors {
  const reload = async (): Promise<void> => {
    if (deps.watcher) {
      const status = await deps.watcher.reload();
      if (!status.ok) throw new Error(`knowledge reload failed after applying publications: ${status.problems.length} problem(s)`);
      return;
    }
    deps.holder.replace(await loadKnowledgeBase(deps.dir));
  };
  const sync = createKnowledgeSync({ dir: deps.dir, store: deps.store, reload, logger: deps.logger, intervalMs: deps.syncIntervalMs });
  const service = createEditorService({ dir: deps.dir, store: deps.store, knowledge: deps.holder, sync, questionLog: deps.questionLog, clock: deps.clock });
  return { service, sync };
}
