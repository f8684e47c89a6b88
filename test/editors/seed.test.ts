import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedKnowledgeDir } from '../../src/editors';
import { tmpDir } from '../storage/tmpStore';
import { copyKnowledge } from './editorsHarness';

describe('seedKnowledgeDir (KNOWLEDGE_SEED_DIR)', () => {
  it('should replace the working copy\'s top-level YAML by the shipped files and touch nothing else', async () => {
    const seed = copyKnowledge();
    const work = tmpDir();
    try {
      const dir = path.join(work.dir, 'knowledge');
      mkdirSync(path.join(dir, 'drafts'), { recursive: true });
      writeFileSync(path.join(dir, 'kontakt.yaml'), 'entries: [alt]\n');
      writeFileSync(path.join(dir, 'weg.yaml'), 'entries: [weg]\n');
      writeFileSync(path.join(dir, 'drafts', 'd.yaml'), 'bleibt\n');
      writeFileSync(path.join(dir, 'notiz.txt'), 'bleibt\n');
      const result = await seedKnowledgeDir(seed.dir, dir);
      expect(result.removed).toEqual(['weg.yaml']);
      expect(readFileSync(path.join(dir, 'kontakt.yaml'), 'utf8')).toBe(readFileSync(path.join(seed.dir, 'kontakt.yaml'), 'utf8'));
      expect(existsSync(path.join(dir, 'weg.yaml'))).toBe(false);
      expect(readFileSync(path.join(dir, 'drafts', 'd.yaml'), 'utf8')).toBe('bleibt\n');
      expect(readFileSync(path.join(dir, 'notiz.txt'), 'utf8')).toBe('bleibt\n');
      expect(existsSync(path.join(dir, 'schema', 'entries.schema.json'))).toBe(true);
      // Seeding a folder onto itself (KNOWLEDGE_SEED_DIR = KNOWLEDGE_DIR) changes nothing.
      expect(await seedKnowledgeDir(dir, dir)).toEqual({ copied: 0, removed: [] });
    } finally {
      seed.cleanup();
      work.cleanup();
    }
  });
});
