/**
 * The editors' back end on real parts: a copy of the real knowledge directory in a temporary
 * folder, a real SQLite store, and the editors' back end as the service wires it (`createEditors`:
 * the sync and the service), with a knowledge holder the sync reloads.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEditors, type EditorService, type KnowledgeSync } from '../../src/editors';
import { createKnowledgeHolder, loadKnowledgeBase, type IndexedKnowledgeBase, type KnowledgeHolder } from '../../src/knowledge';
import type { EditorActor, Store } from '../../src/storage/types';
import { ROOT } from '../helpers/service';

export const LEA: EditorActor = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'aad-lea' };
export const TOM: EditorActor = { id: '29:tom', name: 'Tom Redaktion', aadObjectId: 'aad-tom' };

/** A fresh copy of the repository's knowledge/ (top-level files and schema/, no drafts). */
export function copyKnowledge(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'laki-editors-kb-'));
  cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}drafts`) });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EditorInstance {
  readonly dir: string;
  readonly holder: KnowledgeHolder<IndexedKnowledgeBase>;
  readonly sync: KnowledgeSync;
  readonly service: EditorService;
  readonly warnings: Array<{ details: object; message?: string }>;
}

/** One instance of the editors' back end on `dir` and `store`. */
export async function editorInstance(dir: string, store: Store, clock?: () => Date): Promise<EditorInstance> {
  const holder = createKnowledgeHolder(await loadKnowledgeBase(dir));
  const warnings: EditorInstance['warnings'] = [];
  const logger = { debug() {}, info() {}, error() {}, warn: (details: object, message?: string) => void warnings.push({ details, message }) };
  const { sync, service } = createEditors({ dir, store: store.editors, holder, logger, clock });
  return { dir, holder, sync, service, warnings };
}
