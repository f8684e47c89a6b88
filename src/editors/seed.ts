/**
 * Production with `KNOWLEDGE_SEED_DIR`: the knowledge shipped with the code is copied over the
 * writable KNOWLEDGE_DIR at every start; the sync then applies the publications stored in the
 * database again. So the served knowledge is always "the repository's YAML + what editors
 * published in Teams", whatever an earlier container left on the volume, and a redeploy with newer
 * YAML (e.g. an exported, reviewed and committed publication) takes effect.
 */
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readKnowledgeFiles, writeKnowledgeFile } from './knowledgeFiles';

/** What {@link seedKnowledgeDir} did, for the start-up log. */
export interface SeedResult {
  readonly copied: number;
  readonly removed: readonly string[];
}

/**
 * Replaces the top-level YAML files of `dir` by those of `seedDir` (each written atomically),
 * removes top-level YAML files the seed does not have, and copies the seed's `schema/` folder.
 * Nothing else in `dir` is touched.
 */
export async function seedKnowledgeDir(seedDir: string, dir: string): Promise<SeedResult> {
  if (path.resolve(seedDir) === path.resolve(dir)) return { copied: 0, removed: [] };
  const seed = await readKnowledgeFiles(seedDir);
  await mkdir(dir, { recursive: true });
  const existing = await readKnowledgeFiles(dir);
  for (const [file, text] of seed) if (existing.get(file) !== text) await writeKnowledgeFile(dir, file, text);
  const removed = [...existing.keys()].filter((file) => !seed.has(file));
  for (const file of removed) await writeKnowledgeFile(dir, file, undefined);
  const schema = path.join(seedDir, 'schema');
  if ((await readdir(seedDir)).includes('schema')) await cp(schema, path.join(dir, 'schema'), { recursive: true });
  return { copied: seed.size, removed };
}
