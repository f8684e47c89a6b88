/**
 * The knowledge directory as editors' changes see it: its top-level YAML files read into memory,
 * one entry changed in memory, the whole result validated by the real loader before anything is
 * written, and files written atomically (a temporary file in the same folder, then a rename), so the
 * watcher and readers see the old file or the new one, never half of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KnowledgeLoadError, type LoadProblem } from '../knowledge';
import { readKnowledgeSource, type KnowledgeSource } from '../knowledge';
import { SYNONYMS_FILE, type Entry } from '../knowledge';
import { appendEntry, findEntry, newEntryFile, removeEntry, replaceEntry } from './entryYaml';

/** File name (relative to the knowledge directory) → text. Only top-level YAML files are served. */
export type KnowledgeFiles = ReadonlyMap<string, string>;

const YAML_FILE = /\.ya?ml$/i;

/** Reads every top-level YAML file of `dir` (what the loader serves). */
export async function readKnowledgeFiles(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile() && YAML_FILE.test(d.name))
    .map((d) => d.name)
    .sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

/** One entry's new state: `after` undefined removes it. `file` is where a new entry goes. */
export interface EntryWrite {
  readonly entryId: string;
  readonly file: string;
  readonly after: Entry | undefined;
}

/** The files after a write, and which file changed (`text` undefined: the file is deleted). */
export interface AppliedWrite {
  readonly files: Map<string, string>;
  readonly changed: { readonly file: string; readonly text: string | undefined } | undefined;
}

/**
 * Applies one entry write in memory. An existing entry is changed where it is (whatever `file`
 * says); a new one is appended to `file` (created when missing); removing the last entry of a
 * file deletes the file.
 */
export function applyEntryWrite(files: KnowledgeFiles, write: EntryWrite): AppliedWrite {
  const next = new Map(files);
  const found = findEntry(files, write.entryId);
  let changed: AppliedWrite['changed'];
  if (found && write.after) {
    changed = { file: found.file, text: replaceEntry(files.get(found.file)!, found.index, write.after) };
  } else if (found && !write.after) {
    const text = files.get(found.file)!;
    const remaining = entryCount(text);
    changed = { file: found.file, text: remaining > 1 ? removeEntry(text, found.index) : undefined };
  } else if (write.after) {
    const existing = files.get(write.file);
    changed = { file: write.file, text: existing === undefined ? newEntryFile(write.after) : appendEntry(existing, write.after) };
  }
  if (changed) {
    if (changed.text === undefined) next.delete(changed.file);
    else next.set(changed.file, changed.text);
  }
  return { files: next, changed };
}

function entryCount(text: string): number {
  return (text.match(/^\s*-\s+id\s*:/gm) ?? []).length;
}

/**
 * Where a new entry of `category` goes: the file holding most entries of that category, else a
 * new file named after it. Never the synonyms file.
 */
export function fileForCategory(files: KnowledgeFiles, source: KnowledgeSource | undefined, category: string): string {
  const counts = new Map<string, number>();
  for (const entry of source?.entries ?? []) {
    if (entry.category !== category) continue;
    const found = findEntry(files, entry.id);
    if (found) counts.set(found.file, (counts.get(found.file) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (best) return best[0];
  const name = `${category}.yaml`;
  return name === SYNONYMS_FILE ? `${category}-eintraege.yaml` : name;
}

/** The outcome of loading files that are not (yet) on disk. */
export type CandidateLoad =
  | { readonly ok: true; readonly source: KnowledgeSource }
  | { readonly ok: false; readonly problems: readonly LoadProblem[] };

/**
 * Runs `work` on a temporary copy of `files`, so the real loader and check judge a knowledge base
 * that exists only in memory. The copy is removed afterwards.
 */
export async function withFilesOnDisk<T>(files: KnowledgeFiles, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'laki-kb-candidate-'));
  try {
    for (const [name, text] of files) await writeFile(path.join(dir, name), text);
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Loads `files` with the same loader the service uses; problems instead of a throw. */
export function loadCandidate(files: KnowledgeFiles): Promise<CandidateLoad> {
  return withFilesOnDisk(files, async (dir) => {
    try {
      return { ok: true as const, source: await readKnowledgeSource(dir) };
    } catch (error) {
      if (error instanceof KnowledgeLoadError) return { ok: false as const, problems: error.problems };
      throw error;
    }
  });
}

/**
 * Writes (or, with `text` undefined, deletes) one file of the knowledge directory atomically. The
 * temporary name does not end in `.yaml`, so the watcher ignores it until the rename.
 */
export async function writeKnowledgeFile(dir: string, file: string, text: string | undefined): Promise<void> {
  const target = path.join(dir, file);
  if (text === undefined) {
    await unlink(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    return;
  }
  const temporary = path.join(dir, `.${file}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text);
      // On disk before the rename: a crash leaves the old file or the new one, never an empty one.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
