/** `npm run kb:history` and `npm run kb:export` as an editor runs them, on a real SQLite store. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ExportText } from '../../src/editors/exportText';
import { EditorMessages as M } from '../../src/chat';
import { openStore } from '../../src/storage';
import { ROOT } from '../helpers/service';
import { tmpDir } from '../storage/tmpStore';
import { copyKnowledge, editorInstance, LEA, TOM } from './editorsHarness';

const run = promisify(execFile);

function cli(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'scripts/kb', script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...env },
  }).catch((error: { code: number; stdout: string; stderr: string }) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }));
}

describe('kb:history and kb:export', () => {
  it('should print who published and undid what, and export publications into a checkout\'s YAML', async () => {
    const data = tmpDir();
    const served = copyKnowledge();
    const checkout = copyKnowledge();
    try {
      const store = openStore({ dataDir: data.dir });
      const instance = await editorInstance(served.dir, store);
      const draft = (await instance.service.openForEntry('laki-was-ist', LEA))!;
      await instance.service.saveDraft(draft.id, { ...draft.content, title: 'Die LaKI kurz erklärt' }, LEA);
      const published = await instance.service.publish(draft.id, LEA);
      if (published?.outcome !== 'published') throw new Error('not published');
      const draft2 = await instance.service.openBlank(TOM, ['Gibt es eine Hotline am Wochenende?']);
      await instance.service.saveDraft(draft2.id, {
        ...draft2.content,
        answer: 'Nein.',
        category: 'kontakt',
        source: { document: 'Antwort der LaKI auf LAKI-2026-0001, Tom Redaktion, 10.03.2026', section: 'Ticket LAKI-2026-0001' },
      }, TOM);
      const second = await instance.service.publish(draft2.id, TOM);
      if (second?.outcome !== 'published') throw new Error(`not published: ${JSON.stringify(second)}`);
      await instance.service.undo(second.revision.seq, LEA);
      await store.close();

      const env = { DATA_DIR: data.dir, KNOWLEDGE_DIR: served.dir };
      const history = await cli('kb-history.ts', [], env);
      const lines = history.stdout.split('\n').filter((line) => line.startsWith('#'));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^#3 .* Rückgängig gemacht \(#2\)  \[hotline-wochenende\] .* Lea LaKI \(aad-lea\)$/);
      expect(lines[2]).toMatch(/^#1 .* Veröffentlicht  \[laki-was-ist\] Die LaKI kurz erklärt  laki\.yaml  Lea LaKI \(aad-lea\)$/);
      const full = await cli('kb-history.ts', ['--entry', 'laki-was-ist', '--full'], env);
      expect(full.stdout).toContain(`  ${M.historyBefore}\n    id: laki-was-ist\n    title: Was ist die Landesweite Koordinierungsstelle (LaKI)?`);
      expect(full.stdout).toContain(`  ${M.historyAfter}\n    id: laki-was-ist\n    title: Die LaKI kurz erklärt`);
      expect((await cli('kb-history.ts', ['--bogus'], env)).stderr).toContain(M.historyUsage);

      const exported = await cli('kb-export.ts', ['--into', checkout.dir], env);
      expect(exported.stdout.trim()).toBe(ExportText.summary(checkout.dir, { written: ['laki-was-ist'], keptLocal: [], refused: [] }));
      expect(readFileSync(path.join(checkout.dir, 'laki.yaml'), 'utf8')).toBe(readFileSync(path.join(served.dir, 'laki.yaml'), 'utf8'));
      expect(readFileSync(path.join(checkout.dir, 'kontakt.yaml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'knowledge/kontakt.yaml'), 'utf8'));
      const again = await cli('kb-export.ts', ['--into', checkout.dir], env);
      expect(again.stdout.trim()).toBe(ExportText.summary(checkout.dir, { written: [], keptLocal: [], refused: [] }));
    } finally {
      data.cleanup();
      served.cleanup();
      checkout.cleanup();
    }
  }, 180000);
});
