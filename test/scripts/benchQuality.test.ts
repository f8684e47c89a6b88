import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultQuestionSets, DEV_SET, IN_REPO_SET } from '../../scripts/quality/defaultSets';

const ROOT = join(__dirname, '..', '..');

describe('bench:quality default question sets', () => {
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'laki-bench-quality-'));
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('should use the development set next to the checkout when it is there', () => {
    const root = join(base, 'project');
    mkdirSync(join(base, 'shared', 'eval'), { recursive: true });
    writeFileSync(join(base, 'shared', 'eval', 'dev-questions.yaml'), 'cases: []\n');

    expect(defaultQuestionSets(root)).toEqual({ files: [join(root, DEV_SET)] });
  });

  it('should fall back to the in-repository set in a fresh clone without ../shared, and say so', () => {
    const root = join(base, 'fresh-clone');

    const sets = defaultQuestionSets(root);

    expect(sets.files).toEqual([join(root, IN_REPO_SET)]);
    expect(sets.note).toContain(IN_REPO_SET);
  });

  it('should ship the in-repository fallback set', () => {
    expect(existsSync(join(ROOT, IN_REPO_SET))).toBe(true);
  });

  it('should run without arguments and print the summary line (README: npm run bench:quality)', () => {
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'bench-quality.ts')],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\| overall \| \d+ \|/);
  }, 150_000);
});
