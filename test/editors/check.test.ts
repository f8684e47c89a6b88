import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkKnowledge, type CheckResult, type Finding } from '../../src/editors/check';
import { formatCheckResult } from '../../src/editors/checkFormat';
import { CheckMessages } from '../../src/editors/checkMessages';
import { loadKnowledgeBase } from '../../src/knowledge';
import { LoadErrors } from '../../src/knowledge/errors';

const fixtures = path.join(__dirname, 'fixtures');
const NOW = new Date('2026-11-28T12:00:00Z');

function expectFinding(result: CheckResult, expected: Partial<Finding>): void {
  expect(result.findings).toContainEqual(expect.objectContaining(expected));
}

/** Runs the real CLI as editors and CI do. */
function runCli(knowledgeDir: string): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/kb/kb-check.ts'], {
    env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout };
}

describe('checkKnowledge', () => {
  describe('with problems the loader refuses', () => {
    let result: CheckResult;
    beforeAll(async () => {
      result = await checkKnowledge(path.join(fixtures, 'broken'), { now: NOW });
    });

    it.each([
      ['a.yaml', 3, 'ok-entry.related', LoadErrors.unknownRelated('gibt-es-nicht')],
      ['a.yaml', 11, 'entries[1].source', CheckMessages.missingField('source')],
      ['b.yaml', 2, 'id', LoadErrors.duplicateId('ok-entry', 'a.yaml', 3)],
    ])('should report %s line %i field %s as an error', (file, line, field, message) => {
      expectFinding(result, { file, line, field, message, severity: 'error' });
    });

    it('should report broken YAML with its file and line', () => {
      expectFinding(result, { file: 'c.yaml', line: 3, severity: 'error', message: expect.stringContaining('YAML-Syntaxfehler') });
    });

    it('should tell editors to fix the YAML syntax error first', () => {
      const output = formatCheckResult(result);
      expect(output).toContain('  c.yaml:3  -  FEHLER: YAML-Syntaxfehler');
      expect(output.trimEnd().endsWith(CheckMessages.yamlFirst)).toBe(true);
    });
  });

  describe('with synonym members the matcher reads otherwise than written', () => {
    let result: CheckResult;
    beforeAll(async () => {
      result = await checkKnowledge(path.join(fixtures, 'synonym-traps'), { now: NOW });
    });

    it('should warn when two groups hold words of one stem ("Schüler" is read as "Schule")', () => {
      expectFinding(result, { file: 'synonyms.yaml', line: 3, field: 'groups[1][0]', severity: 'warning', message: CheckMessages.sameWordInTwoGroups('Schüler', 'Schule', 2) });
    });

    it('should warn when a phrase is read as one word ("work with" as "work"), not when that word is a member too', () => {
      expectFinding(result, { file: 'synonyms.yaml', line: 4, field: 'groups[2][1]', severity: 'warning', message: CheckMessages.phraseReadAsWord('work with', 'work') });
      expect(result.findings.filter((finding) => finding.field === 'groups[2][2]')).toEqual([]);
    });

    it('should warn when a member is only filler words and never matches ("machen")', () => {
      expectFinding(result, { file: 'synonyms.yaml', line: 5, field: 'groups[3][2]', severity: 'warning', message: CheckMessages.fillerMember('machen') });
      expect(result.findings.filter((finding) => finding.field === 'groups[3][0]')).toEqual([]);
    });
  });

  describe('with synonym members that split words of the entries into compounds', () => {
    let result: CheckResult;
    beforeAll(async () => {
      result = await checkKnowledge(path.join(fixtures, 'synonym-compounds'), { now: NOW });
    });

    it.each<[string, number, string, string]>([
      ['"Geld" makes "Geldgeber" read as "Geld" + the filler "geben"', 2, 'groups[0][3]',
        CheckMessages.fillerCompound('Geld', 'Geldgeber', CheckMessages.places(['foerderung.yaml:6', 'foerderung.yaml:9', 'foerderung.yaml:14']), ['Geld', 'geben'], 'geben', 5)],
      ['the filler "geben" makes "Arbeitgebern" read as "Arbeit" + "geben"', 5, 'groups[2][2]',
        CheckMessages.fillerCompound('geben', 'Arbeitgebern', CheckMessages.places(['foerderung.yaml:35', 'foerderung.yaml:41']), ['Arbeit', 'geben'], 'geben', 5)],
    ])('should warn at the member when %s', (_case, line, field, message) => {
      expectFinding(result, { file: 'synonyms.yaml', line, field, message, severity: 'warning' });
    });

    it('should not warn when both parts mean something ("Sprache" splits "Sprachförderung" into "Sprache" + "Förderung")', async () => {
      const kb = await loadKnowledgeBase(path.join(fixtures, 'synonym-compounds'));
      expect(kb.synonymCompounds()).toContainEqual({
        written: 'Sprachförderung',
        parts: [{ stem: 'sprach', filler: false }, { stem: 'forder', written: 'Förderung', filler: false }],
      });
      expect(result.findings.filter((finding) => finding.field === 'groups[1][1]' || finding.message.includes('Sprachförderung'))).toEqual([]);
      expect(result.findings.filter((finding) => finding.file === 'synonyms.yaml')).toHaveLength(2);
    });
  });

  describe('with a valid knowledge base that has weak spots', () => {
    let result: CheckResult;
    beforeAll(async () => {
      result = await checkKnowledge(path.join(fixtures, 'warnings'), { now: NOW });
    });

    it('should find no errors', () => {
      expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      expect(result).toMatchObject({ files: 2, entries: 3, drafts: 1 });
    });

    it.each<[string, number, string, string]>([
      ['fruehe-bildung.yaml', 14, 'griffbereit.questions[6]',
        CheckMessages.onlySuggested('Welche Programme gibt es für Eltern von Kindern?', ['griffbereit', 'rucksack-kita'], true)],
      ['fruehe-bildung.yaml', 15, 'griffbereit.questions[7]', CheckMessages.notAnswered('Was ist das?', 'empty')],
      ['fruehe-bildung.yaml', 3, 'griffbereit', CheckMessages.competing('rucksack-kita', 'fruehe-bildung.yaml', 2)],
      ['fruehe-bildung.yaml', 40, 'kita-einstieg.questions', CheckMessages.fewQuestions(3, 6)],
      ['fruehe-bildung.yaml', 33, 'rucksack-kita.reviewed', CheckMessages.staleReview('2024-02-01', 12)],
      ['synonyms.yaml', 4, 'groups[2][2]', CheckMessages.ambiguousSynonym('Kindergarten', 2)],
      ['synonyms.yaml', 7, 'fillers[0][1]', CheckMessages.ambiguousSynonym('Familien', 3)],

      ['drafts/laki-2026-0007.yaml', 8, 'griffbereit-gruppen.questions', CheckMessages.fewQuestions(1, 6)],
    ])('should warn about %s line %i (%s)', (file, line, field, message) => {
      expectFinding(result, { file, line, field, message, severity: 'warning' });
    });

    it('should accept a draft whose related id points at a served entry', () => {
      expect(result.findings.filter((finding) => finding.field?.endsWith('.related'))).toEqual([]);
    });

    it('should not warn about a review within the last 12 months', () => {
      expect(result.findings.filter((finding) => finding.field === 'griffbereit.reviewed')).toEqual([]);
    });
  });

  describe('with questions that land on the wrong entry', () => {
    it.each<[string, number, string, string]>([
      ['kontakt.yaml', 23, 'laki-email.questions[0]',
        CheckMessages.duplicateQuestion('Wie lautet die E-Mail-Adresse der LaKI?', 'laki-telefon', 'kontakt.yaml:14')],
      ['drafts/laki-2026-0011.yaml', 3, 'id', CheckMessages.draftIdTaken('laki-email', 'kontakt.yaml')],
      ['drafts/laki-2026-0012.yaml', 7, 'entries[0].source.section', CheckMessages.missingField('section')],
    ])('should report %s line %i (%s) as an error', async (file, line, field, message) => {
      const result = await checkKnowledge(path.join(fixtures, 'errors'), { now: NOW });
      expectFinding(result, { file, line, field, message, severity: 'error' });
    });

    it('should report a variant another entry answers directly as an error, naming the winner', async () => {
      // Without a required lead, the tie between the two copies goes to the first id.
      const result = await checkKnowledge(path.join(fixtures, 'errors'), { now: NOW, matcher: { answerMargin: 0 } });
      expectFinding(result, {
        file: 'kontakt.yaml',
        line: 14,
        field: 'laki-telefon.questions[6]',
        severity: 'error',
        message: CheckMessages.answeredByOther('Wie lautet die E-Mail-Adresse der LaKI?', 'E-Mail-Adresse der LaKI', 'laki-email'),
      });
    });
  });

  it('should report a missing knowledge directory as an error', async () => {
    const result = await checkKnowledge(path.join(fixtures, 'does-not-exist'));
    expect(result.findings).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('nicht lesbar') })]);
  });
});

describe('npm run kb:check', () => {
  it('should exit 1 and print each finding as "datei.yaml:ZEILE  feld  Meldung" when there are errors', () => {
    const { status, stdout } = runCli(path.join(fixtures, 'errors'));
    expect(status).toBe(1);
    expect(stdout).toContain('\nkontakt.yaml\n');
    expect(stdout).toContain('  kontakt.yaml:23  laki-email.questions[0]  FEHLER: ');
    expect(stdout).toContain('  drafts/laki-2026-0011.yaml:3  id  FEHLER: ');
    expect(stdout).toContain(CheckMessages.nextStepErrors);
    expect(stdout).toMatch(/Ergebnis: 3 Fehler, \d+ Warnungen/);
  });

  it('should exit 0 when there are only warnings', () => {
    const { status, stdout } = runCli(path.join(fixtures, 'warnings'));
    expect(status).toBe(0);
    expect(stdout).toContain('  fruehe-bildung.yaml:40  kita-einstieg.questions  Warnung: ');
    expect(stdout).toContain(CheckMessages.nextStepWarnings);
  });
});
