import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configTable } from '../scripts/config-docs';

const readme = readFileSync(path.join(__dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('should show the configuration table generated from src/config.ts', () => {
    const section = /<!-- config:docs -->\n([\s\S]*?)\n<!-- \/config:docs -->/.exec(readme);
    expect(section?.[1]).toBe(configTable());
  });

  it('should give the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run dev');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('should link only to files of the repository that exist', () => {
    const targets = [...readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(3);
    expect(targets.filter((target) => !existsSync(path.join(__dirname, '..', target)))).toEqual([]);
  });
});
