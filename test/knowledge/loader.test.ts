import path from 'node:path';
import { KnowledgeLoadError, formatProblem, loadKnowledgeBase } from '../../src/knowledge';
import { LoadErrors } from '../../src/knowledge/errors';

const fixtures = path.join(__dirname, '../fixtures/knowledge');

async function problemsOf(dir: string) {
  try {
    await loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeLoadError) return error.problems;
    throw error;
  }
  throw new Error('expected the knowledge base to be rejected');
}

describe('loadKnowledgeBase', () => {
  it('should load valid entries and synonyms', async () => {
    const kb = await loadKnowledgeBase(path.join(fixtures, 'valid'));
    expect(kb.entries.map((e) => e.id)).toEqual(['laki-telefon', 'griffbereit']);
    expect(kb.files).toEqual(['sample.yaml', 'synonyms.yaml']);
    expect(kb.getEntry('griffbereit')?.title).toBe('Das Programm Griffbereit');
    expect(kb.match('Nummer der LaKI').answer?.id).toBe('laki-telefon');
  });

  it('should load the real knowledge base', async () => {
    const kb = await loadKnowledgeBase(path.join(__dirname, '../../knowledge'));
    expect(kb.entries.length).toBeGreaterThanOrEqual(30);
  });

  describe('with a broken knowledge base', () => {
    let problems: Awaited<ReturnType<typeof problemsOf>>;
    beforeAll(async () => {
      problems = await problemsOf(path.join(fixtures, 'broken'));
    });

    it.each([
      ['a.yaml', 2, 'entries[0].id', 'kebab-case'],
      ['a.yaml', 6, 'entries[0].questions', 'mindestens eine Frage'],
      ['a.yaml', 8, 'entries[0].reviewed', 'kein gültiges Datum'],
      ['a.yaml', 22, 'entries[2].source.section', 'erwartet string'],
      ['a.yaml', 17, 'entries[2]', 'Unbekannter Schlüssel: "colour"'],
      ['b.yaml', 2, 'id', LoadErrors.duplicateId('ok-entry', 'a.yaml', 9)],
      ['a.yaml', 9, 'ok-entry.related', LoadErrors.unknownRelated('does-not-exist')],
      ['c.yaml', 3, undefined, 'YAML-Syntaxfehler'],
    ])('should report %s line %i field %s', (file, line, field, message) => {
      const expected = { file, line, message: expect.stringContaining(message), ...(field ? { field } : {}) };
      expect(problems).toContainEqual(expect.objectContaining(expected));
    });

    it('should name every problem in the error message', async () => {
      await expect(loadKnowledgeBase(path.join(fixtures, 'broken'))).rejects.toThrow(LoadErrors.summary(problems.length));
      expect(formatProblem(problems[0]!)).toMatch(/^a\.yaml:\d+ entries\[0\]\.id: /);
    });
  });

  it('should report a missing directory', async () => {
    const problems = await problemsOf(path.join(fixtures, 'does-not-exist'));
    expect(problems[0]!.message).toContain('nicht lesbar');
  });
});
