import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conversationReport } from '../../scripts/quality/conversationReport';
import type { ConversationResult } from '../../scripts/quality/conversations';
import { defaultQuestionSets, DEV_SET, IN_REPO_SET } from '../../scripts/quality/defaultSets';
import { evaluateCase, judgeParts, nearbyLine } from '../../scripts/quality/evaluate';
import { loadKnowledgeBase, type PartMatch } from '../../src/knowledge';

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

describe('bench:quality on a held-out set', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'laki-bench-held-out-'));
    // A miss: the flyer's phone number does not contain this.
    writeFileSync(join(dir, 'real-messages-holdout-99.yaml'), 'cases:\n  - {cat: contact, q: "Telefonnummer der LaKI Zebraquelle", expect: ["nirgendwo-zu-finden"]}\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'bench-quality.ts'), join(dir, 'real-messages-holdout-99.yaml'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('should print its figures but not its missed questions, unless asked with --show-held-out', () => {
    const quiet = run('--verbose');
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toMatch(/\| overall \| 1 \|/);
    expect(quiet.stdout).not.toContain('Zebraquelle');
    expect(quiet.stdout).toContain('--show-held-out');
    const shown = run('--show-held-out');
    expect(shown.stdout).toContain('Zebraquelle');
  }, 150_000);
});

describe('bench:quality nearby topics figure', () => {
  it('should count declined answerable questions whose answer was among the nearby topics, and unanswerable ones shown any', async () => {
    const kb = await loadKnowledgeBase(join(ROOT, 'knowledge'));
    const results = [
      // Declined (an amount), though counted answerable here: the funding entry is among the nearby topics.
      evaluateCase(kb, { cat: 'context', q: 'Wie hoch ist die Förderung der LaKI?', expect: ['MAIS'] }),
      // Declined, and the nearby topic does not hold the expected fact.
      evaluateCase(kb, { cat: 'context', q: 'Wie hoch ist die Förderung der LaKI?', expect: ['Griffbereit'] }),
      evaluateCase(kb, { cat: 'none', q: 'Wie hoch ist die Förderung der LaKI?', expect: 'none' }),
      evaluateCase(kb, { cat: 'none', q: 'Wie backe ich einen Apfelkuchen?', expect: 'none' }),
    ];
    expect(nearbyLine(results)).toBe(
      'nearby topics: declined though answerable 2, an answering entry among them in 1; unanswerable declined 2, nearby topics shown in 1',
    );
  });
});

describe('bench:quality judging the parts of a message', () => {
  let kb: Awaited<ReturnType<typeof loadKnowledgeBase>>;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(join(ROOT, 'knowledge'));
  });
  const verdicts = (q: string, parts: ReadonlyArray<readonly string[] | 'none'>) =>
    evaluateCase(kb, { cat: 'multi', q, parts: parts.map((expect) => ({ expect })) }).items.map((item) => item.verdict);

  it('should credit a part the answer to an earlier part holds, when the bot did not show it again', () => {
    // Two answers for three questions: the district government's answer names its department too.
    const q = 'Bei welcher Bezirksregierung ist die LaKI, in welchem Dezernat, und wie ist die Telefonnummer?';
    expect(verdicts(q, [['Arnsberg'], ['Dez\\w*\\.? ?37'], ['5215']])).toEqual(['correct', 'correct', 'correct']);
  });

  it('should count a shown answer that no expected part takes as a wrong answer to a part without one', () => {
    // The bot read two questions and answered both; the three parts expected pair with neither the fax answer…
    const q = 'Was ist Griffbereit und wie ist die Faxnummer der LaKI?';
    expect(verdicts(q, [['Griffbereit'], ['Ruhrallee'], ['haarmann']])).toEqual(['correct', 'wrong', 'declined']);
    // …and an unanswerable part with no part of its own is declined.
    expect(verdicts(q, [['Griffbereit'], 'none', ['5230']])).toEqual(['correct', 'declined', 'correct']);
  });

  it('should count a shown answer no part takes as wrong for an unanswerable part, wherever it stands', () => {
    const entry = (id: string) => kb.getEntry(id)!;
    const answer = (id: string): PartMatch => ({ outcome: 'answer', answer: entry(id), suggestions: [], candidates: [], text: id });
    const none: PartMatch = { outcome: 'none', answer: null, suggestions: [], candidates: [], text: 'declined' };
    const verdictsOf = (shown: PartMatch[]) => judgeParts(shown, [['5215'], 'none']).map((item) => item.verdict);
    expect(verdictsOf([answer('laki-telefon'), none, answer('laki-fax')])).toEqual(['correct', 'wrong']);
    expect(verdictsOf([answer('laki-telefon'), answer('laki-fax'), none])).toEqual(['correct', 'wrong']);
  });

  it('should pair the parts in message order when the bot read as many as expected', () => {
    expect(verdicts('Was ist Griffbereit und wie ist die Faxnummer der LaKI?', [['5230'], ['Griffbereit']])).toEqual(['wrong', 'wrong']);
  });
});

describe('bench:conversations on a held-out set', () => {
  it('should print its figures but not its missed questions (the real CLI against the real service)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'laki-bench-conversations-'));
    try {
      const file = join(dir, 'real-messages-holdout-98.yaml');
      writeFileSync(file, 'cases:\n  - {cat: contact, q: "Telefonnummer der LaKI Zebraquelle", expect: ["nirgendwo-zu-finden"]}\n');
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'bench-conversations.ts'), file], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('conversations: answerable 0/1 fully correct');
      expect(run.stdout).not.toContain('Zebraquelle');
      expect(run.stdout).toContain('--show-held-out');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('bench:conversations report of a held-out set', () => {
  const missed: ConversationResult = {
    cat: 'context',
    answerable: true,
    verdict: 'declined',
    turns: [{ q: 'Telefonnummer der LaKI Zebraquelle', answerable: true, verdict: 'declined', shown: 'none' }],
  };

  it('should leave the missed questions out when told to, and keep every figure', () => {
    const quiet = conversationReport([missed], { showMisses: false });
    expect(quiet).not.toContain('Zebraquelle');
    expect(quiet).toContain('--show-held-out');
    expect(quiet).toContain('conversations: answerable 0/1 fully correct');
    expect(conversationReport([missed])).toContain('Zebraquelle');
  });
});
