/**
 * Hot reload in the real service: src/index.ts in a child process (through ts-node), editing
 * its knowledge directory while it runs, then stopping it with SIGTERM (the watcher must not
 * keep the process alive).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_LISTENING_MSG, ROOT, spawnService } from '../helpers/service';

const ENTRY_FILE = `entries:
  - id: pruefeintrag-eichhoernchen
    title: Prüfeintrag Eichhörnchen
    category: test
    answer: Eichhörnchen live.
    questions: [Was sagt der Prüfeintrag Eichhörnchen?, Eichhörnchen Prüfeintrag]
    source: {document: Testquelle, section: Hot Reload}
    reviewed: 2026-11-28
`;

async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('hot reload in the running service', () => {
  it('should serve an edit without a restart, report a broken edit on /healthz and stop cleanly', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'laki-service-'));
    const knowledgeDir = path.join(root, 'knowledge');
    cpSync(path.join(ROOT, 'knowledge'), knowledgeDir, { recursive: true, filter: (src) => !src.includes('drafts') });
    const port = 20000 + Math.floor(Math.random() * 20000);
    const service = spawnService({
      cwd: root,
      env: {
        PORT: String(port),
        KNOWLEDGE_DIR: knowledgeDir,
        DATA_DIR: path.join(root, 'data'),
        LOG_LEVEL: 'info',
        METRICS_ENABLED: 'false',
      },
    });
    const base = `http://127.0.0.1:${port}`;
    const ask = async (q: string) => (await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`)).json() as Promise<any>;
    try {
      const entries = readdirSync(knowledgeDir).filter((name) => name.endsWith('.yaml')).length;
      expect(entries).toBeGreaterThan(1);
      await poll(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 90_000);
      expect((await ask('Was sagt der Prüfeintrag Eichhörnchen?')).outcome).not.toBe('answer');

      writeFileSync(path.join(knowledgeDir, 'test.yaml'), ENTRY_FILE);
      const live = await poll(async () => {
        const body = await ask('Was sagt der Prüfeintrag Eichhörnchen?');
        return body.answer?.text === 'Eichhörnchen live.' ? body : undefined;
      }, 10_000);
      expect(live.answer.id).toBe('pruefeintrag-eichhoernchen');

      writeFileSync(path.join(knowledgeDir, 'test.yaml'), ENTRY_FILE.replace('reviewed: 2026-11-28', 'reviewed: 28.11.2026'));
      // Details (file, line, field) on the admin port; the public /healthz says only "degraded".
      const adminUrl = (await service.logLine(ADMIN_LISTENING_MSG, 5_000)).url as string;
      const health = await poll(async () => {
        const body = (await (await fetch(`${adminUrl}/healthz`)).json()) as any;
        return body.knowledgeReload?.status === 'degraded' ? body : undefined;
      }, 10_000);
      expect(health.status).toBe('degraded');
      expect(health.knowledgeReload.lastReload.problems).toContainEqual(
        expect.objectContaining({ file: 'test.yaml', line: 8, field: 'entries[0].reviewed', message: expect.stringContaining('JJJJ-MM-TT') }),
      );
      expect((await ask('Was sagt der Prüfeintrag Eichhörnchen?')).answer?.text).toBe('Eichhörnchen live.');
      expect(service.output()).toContain('knowledge reload failed; the last good knowledge keeps serving');
    } finally {
      const code = await service.stop('SIGTERM');
      rmSync(root, { recursive: true, force: true });
      expect(code).toBe(0);
    }
    expect(service.output()).toContain('"msg":"stopped"');
  }, 150_000);
});
