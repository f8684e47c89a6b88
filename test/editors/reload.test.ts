import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnowledgeWatcher } from '../../src/knowledge/watcher';
import type { AskResponse } from '../../src/server/routes/ask';
import { startReloadService, type ReloadService } from './harness';

const MARKER_FILE = 'reload-test.yaml';
const MARKER_QUESTION = 'Was sagt der Prüfeintrag Eichhörnchen?';

/** A small entry the tests rewrite; its answer says which version is live. */
function markerFile(version: string): string {
  return `entries:
  - id: pruefeintrag-zitronenfalter
    title: Prüfeintrag Eichhörnchen
    category: test
    answer: Eichhörnchen ${version}.
    questions:
      - ${MARKER_QUESTION}
      - Eichhörnchen Prüfeintrag
    source: {document: Testquelle, section: Hot Reload}
    reviewed: 2026-11-28
`;
}

const BROKEN_FILE = `entries:
  - id: pruefeintrag-zitronenfalter
    title: Prüfeintrag Eichhörnchen
    category: test
    answer: Eichhörnchen kaputt.
    questions: []
    source: {document: Testquelle, section: Hot Reload}
    reviewed: 2026-11-28
`;

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('knowledge hot reload', () => {
  let dir: string;
  let service: ReloadService;
  let watcher: KnowledgeWatcher;
  let log: ReloadService['log'];

  const ask = async (question: string): Promise<{ status: number; body: AskResponse }> => {
    const res = await fetch(`${service.url}/api/ask?q=${encodeURIComponent(question)}`);
    return { status: res.status, body: (await res.json()) as AskResponse };
  };
  const markerAnswer = async (): Promise<string | undefined> => (await ask(MARKER_QUESTION)).body.answer?.text;
  const health = () => service.health();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laki-reload-'));
    for (const name of readdirSync('knowledge').filter((file) => file.endsWith('.yaml'))) {
      cpSync(path.join('knowledge', name), path.join(dir, name));
    }
    writeFileSync(path.join(dir, MARKER_FILE), markerFile('Version 1'));
    service = await startReloadService(dir);
    ({ watcher, log } = service);
  });

  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should serve a valid edit within seconds, without a restart', async () => {
    expect(await markerAnswer()).toBe('Eichhörnchen Version 1.');
    const started = Date.now();
    writeFileSync(path.join(dir, MARKER_FILE), markerFile('Version 2'));
    await waitFor(async () => ((await markerAnswer()) === 'Eichhörnchen Version 2.' ? true : undefined));
    expect(Date.now() - started).toBeLessThan(5000);
    const body = await health();
    expect(body.status).toBe('ok');
    expect(body.knowledgeReload).toMatchObject({ status: 'ok', lastReload: { ok: true, problems: [] } });
  });

  it('should keep the last good knowledge after an invalid edit and show the problem on /healthz and in the log', async () => {
    writeFileSync(path.join(dir, MARKER_FILE), BROKEN_FILE);
    await waitFor(() => (watcher.lastReload()?.ok === false ? true : undefined));

    expect(await markerAnswer()).toBe('Eichhörnchen Version 2.');
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'degraded', knowledge: { status: 'ok' }, knowledgeReload: { status: 'degraded' }, knowledgeSync: { status: 'ok' } });
    const body = await health();
    expect(body.status).toBe('degraded');
    expect(body.knowledgeReload.status).toBe('degraded');
    expect(body.knowledgeReload.lastReload.problems).toEqual([
      expect.objectContaining({ file: MARKER_FILE, line: 6, field: 'entries[0].questions', message: expect.stringContaining('mindestens eine Frage') }),
    ]);
    expect(body.knowledge.entries).toBe(service.holder.current().entries.length);

    const warning = log.find((line) => line.level === 'warn');
    expect(warning?.message).toContain('last good knowledge keeps serving');
    expect(warning?.details).toMatchObject({ problems: [expect.objectContaining({ file: MARKER_FILE, line: 6 })] });

    writeFileSync(path.join(dir, MARKER_FILE), markerFile('Version 3'));
    await waitFor(async () => ((await markerAnswer()) === 'Eichhörnchen Version 3.' ? true : undefined));
    expect((await health()).status).toBe('ok');
  });

  it('should not reload for drafts or files that are not YAML', async () => {
    const before = service.holder.current();
    writeFileSync(path.join(dir, 'notizen.txt'), 'nur eine Notiz');
    cpSync(path.join(dir, MARKER_FILE), path.join(dir, 'drafts-ignored.tmp'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(service.holder.current()).toBe(before);
  });

  it('should answer every request under load with the old or the new knowledge while files change', async () => {
    const before = await markerAnswer();
    const versions = [before, 'Eichhörnchen Version 4.', 'Eichhörnchen Version 5.'];
    const questions = [MARKER_QUESTION, 'Wie lautet die Telefonnummer der LaKI?', 'Was ist Griffbereit?'];
    const results: Array<{ status: number; body: AskResponse; question: string }> = [];
    const logStart = log.length;
    let stop = false;
    const client = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        const question = questions[i % questions.length]!;
        try {
          const res = await fetch(`${service.url}/api/ask?q=${encodeURIComponent(question)}`);
          const text = await res.text();
          results.push({ status: res.status, body: JSON.parse(text) as AskResponse, question });
        } catch (error) {
          results.push({ status: 0, body: { error: String(error) } as unknown as AskResponse, question });
        }
      }
    };
    const clients = Array.from({ length: 12 }, (_, index) => client(index));

    try {
      // Each edit waits for its own reload, so none is coalesced away however slow the machine.
      const reloadAfter = async (content: string, ok: boolean) => {
        const before = watcher.lastReload()?.at;
        writeFileSync(path.join(dir, MARKER_FILE), content);
        await waitFor(() => {
          const last = watcher.lastReload();
          return last && last.at !== before && last.ok === ok ? true : undefined;
        }, 20_000);
      };
      await reloadAfter(markerFile('Version 4'), true);
      await reloadAfter(BROKEN_FILE, false);
      await reloadAfter('{ entries: [ kaputt', false);
      await reloadAfter(markerFile('Version 5'), true);
      await waitFor(async () => ((await markerAnswer()) === versions[2] ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      stop = true;
      await Promise.all(clients);
    }

    expect(results.length).toBeGreaterThan(100);
    const failures = results.filter((result) => result.status !== 200);
    expect(failures).toEqual([]);
    const marker = results.filter((result) => result.question === MARKER_QUESTION);
    for (const { body } of marker) {
      expect(body.outcome).toBe('answer');
      expect(versions).toContain(body.answer?.text);
    }
    for (const { body } of results.filter((result) => result.question !== MARKER_QUESTION)) {
      expect(body.outcome).toBe('answer');
    }
    const during = log.slice(logStart);
    const reloads = during.filter((line) => line.message === 'knowledge reloaded').length;
    const failed = during.filter((line) => line.level === 'warn').length;
    expect(reloads).toBeGreaterThanOrEqual(2);
    expect(failed).toBeGreaterThanOrEqual(2);
    expect(new Set(marker.map((result) => result.body.answer?.text))).toEqual(new Set(versions));
    // eslint-disable-next-line no-console
    console.log(`reload under load: ${results.length} requests, ${reloads} reloads, ${failed} rejected edits`);
  });

  it('should stop applying edits once closed', async () => {
    await watcher.close();
    const before = service.holder.current();
    writeFileSync(path.join(dir, MARKER_FILE), markerFile('Version 6'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(service.holder.current()).toBe(before);
  });
});
