/**
 * The composition root as an operator meets it: the real entry point in a child process
 * (through ts-node, so no build is needed), its env files, its start-up errors and its
 * graceful shutdown.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_LISTENING_MSG, ROOT, spawnService } from '../helpers/service';

const START_TIMEOUT_MS = 120_000;

describe('entry point (src/index.ts)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'laki-startup-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('should start, serve, and stop cleanly on SIGTERM', async () => {
    const dataDir = join(scratch, 'data');
    const child = spawnService({ env: { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' } });
    try {
      const listening = await child.logLine('LaKI-Assistent listening');
      expect(listening).toMatchObject({ level: 'info', entries: expect.any(Number), dataDir });
      expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const health = await fetch(`${listening.url}/healthz`);
      expect(health.status).toBe(200);
      const { status, ...sections } = await health.json();
      expect(status).toBe('ok');
      expect(sections.knowledge).toEqual({ status: 'ok' });
      for (const section of Object.values(sections)) expect(Object.keys(section as object)).toEqual(['status']);
      const admin = await child.logLine(ADMIN_LISTENING_MSG);
      expect(admin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await (await fetch(`${admin.url}/healthz`)).json()).knowledge.entries).toBe(listening.entries);
      const ask = await fetch(`${listening.url}/api/ask?q=${encodeURIComponent('Telefonnummer der LaKI')}`);
      expect((await ask.json()).outcome).toBe('answer');
      expect(existsSync(join(dataDir, 'laki-assistent.sqlite'))).toBe(true);

      child.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(child.stdout()).toContain('"msg":"stopped"');
      expect(child.stdout()).not.toContain('Telefonnummer');
    } finally {
      child.kill('SIGKILL');
    }
  }, START_TIMEOUT_MS);

  it('should refuse to start with every configuration problem listed', async () => {
    const child = spawnService({ env: { PORT: 'abc', LOG_LEVEL: 'loud', MicrosoftAppPassword: 'secret-value' } });
    expect(await child.exited).toBe(1);
    const stderr = child.stderr();
    expect(stderr).toContain('Invalid configuration (3 problems)');
    expect(stderr).toContain('PORT: ');
    expect(stderr).toContain('LOG_LEVEL: ');
    expect(stderr).toContain('MicrosoftAppPassword: set without MicrosoftAppId');
    expect(stderr).not.toContain('secret-value');
  }, START_TIMEOUT_MS);

  it('should refuse to start with an invalid knowledge base, naming file, line and field', async () => {
    const knowledgeDir = join(scratch, 'broken-knowledge');
    mkdirSync(knowledgeDir, { recursive: true });
    writeFileSync(
      join(knowledgeDir, 'kaputt.yaml'),
      'entries:\n  - id: Nicht Kebab\n    title: Test\n    answer: Test\n    questions: [Test]\n    category: test\n' +
        '    source: { document: Faltblatt, section: Test }\n    reviewed: 2026-01-01\n',
    );
    const child = spawnService({ env: { PORT: '0', KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: join(scratch, 'data-kb') } });
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toContain('LaKI-Assistent cannot start.');
    expect(child.stderr()).toMatch(/kaputt\.yaml:2 .*id/);
  }, START_TIMEOUT_MS);

  it('should read env/.env.local from the working directory, with real variables winning', async () => {
    const cwd = join(scratch, 'project');
    mkdirSync(join(cwd, 'env'), { recursive: true });
    writeFileSync(join(cwd, 'env/.env.local'), `KNOWLEDGE_DIR=${join(ROOT, 'knowledge')}\nLOG_LEVEL=loud\nPORT=abc\n`);
    writeFileSync(join(cwd, 'env/.env.local.user'), 'PORT=70000\n');

    const fromFiles = spawnService({ cwd, env: { DATA_DIR: join(scratch, 'data-env') } });
    expect(await fromFiles.exited).toBe(1);
    expect(fromFiles.stderr()).toContain('LOG_LEVEL: ');
    expect(fromFiles.stderr()).toContain('(got "loud")');
    expect(fromFiles.stderr()).toContain('(got "70000")');

    const overridden = spawnService({ cwd, env: { DATA_DIR: join(scratch, 'data-env'), LOG_LEVEL: 'info', PORT: '0' } });
    try {
      const listening = await overridden.logLine('LaKI-Assistent listening');
      expect(listening.knowledgeDir).toBe(join(ROOT, 'knowledge'));
      overridden.kill('SIGTERM');
      expect(await overridden.exited).toBe(0);
    } finally {
      overridden.kill('SIGKILL');
    }
  }, START_TIMEOUT_MS);
});
