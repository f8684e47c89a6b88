import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyTicketAction, type Ticket } from '../../src/escalation/ticket';
import { loadKnowledgeBase } from '../../src/knowledge';
import { checkKnowledge } from '../../src/editors/check';
import { isoDay } from '../../src/editors/report/draft';
import { DraftText, ReportText } from '../../src/editors/report/messages';
import { openStore } from '../../src/storage';
import type { SqliteStore } from '../../src/storage/sqlite';
import type { QuestionEvent } from '../../src/storage/types';

const LAKI = { id: '29:laki-member', name: 'Gudrun Haarmann' };

/** Runs one of the editors' CLIs as `npm run kb:…` does. */
function runCli(script: string, args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', `scripts/kb/${script}.ts`, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Creates a ticket through the real store and, with `answer`, answers it as LaKI does. */
async function ticket(store: SqliteStore, question: string, bestGuessIds: string[], answer?: string): Promise<Ticket> {
  const now = new Date();
  const { ticket: created } = await store.tickets.create(
    {
      question,
      kommune: 'Kreis Soest',
      askerName: 'Erika Mustermann',
      askerUserId: `29:asker-${question.length}`,
      askerConversationReference: { conversation: { id: 'conv-1' } as never },
      bestGuessIds,
      idempotencyKey: `key-${question}`,
    },
    () => [],
    now,
  );
  if (!answer) return created;
  return (await store.tickets.update(created.id, (current) => {
    const next = applyTicketAction(current, 'answer', LAKI, now, answer);
    return next ? { ticket: next } : undefined;
  }, now))!;
}

/** A long message the bot declines for its context words, whose nearby topics hold the answer. */
const NEARBY_QUESTION =
  'Hallo, Wirtschaftsförderung Stadt Duisburg hier. Wir bekommen viele Anfragen von Gründerinnen und Gründern mit Migrationsgeschichte. Kann man die ans KI verweisen?';

describe('editors report and drafts from real stored data', () => {
  let root: string;
  let dataDir: string;
  let knowledgeDir: string;
  let answered: Ticket;
  let open: Ticket;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'laki-report-'));
    dataDir = path.join(root, 'data');
    knowledgeDir = path.join(root, 'knowledge');
    mkdirSync(knowledgeDir);
    for (const name of readdirSync('knowledge').filter((file) => file.endsWith('.yaml'))) {
      cpSync(path.join('knowledge', name), path.join(knowledgeDir, name));
    }
    cpSync(path.join('knowledge', 'schema'), path.join(knowledgeDir, 'schema'), { recursive: true });

    const store = openStore({ dataDir });
    const events: QuestionEvent[] = [
      ...Array.from({ length: 3 }, () => ({ kind: 'declined' as const, question: 'Welche Förderung gibt es für Dolmetscher?', outcome: 'none' as const, score: 0.21 })),
      { kind: 'declined', question: 'welche förderung gibt es für dolmetscher', outcome: 'none', score: 0.21 },
      { kind: 'declined', question: 'Werden Dolmetscherkosten gefördert?', outcome: 'none', score: 0.21 },
      { kind: 'declined', question: 'Wann ist die Antragsfrist für 2027?', outcome: 'none', score: 0 },
      { kind: 'suggested', question: 'Wen rufe ich bei der LaKI an?', outcome: 'suggest', score: 0.5, suggestedIds: ['laki-telefon', 'laki-ansprechpersonen'] },
      { kind: 'suggested', question: 'Gibt es Fortbildungen?', outcome: 'suggest', score: 0.5, suggestedIds: ['schulentwicklung-fortbildung', 'fruehe-bildung-fortbildung'] },
      { kind: 'suggestion-chosen', question: 'Gibt es Fortbildungen?', entryId: 'fruehe-bildung-fortbildung' },
      { kind: 'suggestion-chosen', question: 'gibt es fortbildungen', entryId: 'fruehe-bildung-fortbildung' },
      // Answered directly by laki-telefon today: nothing to propose any more.
      { kind: 'suggestion-chosen', question: 'Wen rufe ich bei der LaKI an?', entryId: 'laki-telefon' },
      { kind: 'suggestion-chosen', question: 'Wie lautet die Telefonnummer der LaKI?', entryId: 'laki-telefon' },
      // Declined (its context words), then the nearby topic that answers it was opened: a variant.
      { kind: 'nearby-opened', question: NEARBY_QUESTION, entryId: 'querschnitt-unternehmer' },
      // Declined for an amount, then the funding entry opened: it does not answer the amount.
      { kind: 'nearby-opened', question: 'Wie hoch ist die Förderung der LaKI?', entryId: 'laki-foerderung' },
      { kind: 'answered', question: 'Wo kann ich bei der Bezirksregierung parken?', outcome: 'answer', score: 0.476, entryId: 'laki-bezirksregierung' },
      { kind: 'feedback-not-helpful', question: 'Wo kann ich bei der Bezirksregierung parken?', entryId: 'laki-bezirksregierung' },
      { kind: 'feedback-not-helpful', question: 'Wo ist die LaKI?', entryId: 'laki-bezirksregierung' },
      { kind: 'feedback-helpful', question: 'Zu welcher Bezirksregierung gehört die LaKI?', entryId: 'laki-bezirksregierung' },
      { kind: 'feedback-helpful', question: 'Was ist Griffbereit?', entryId: 'griffbereit' },
      // The asker's "Hilfreich?" under the relayed LaKI answer, recorded with the ticket's question.
      { kind: 'ticket-feedback-not-helpful', question: 'Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?' },
      { kind: 'ticket-feedback-helpful', question: 'Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?' },
      { kind: 'ticket-feedback-helpful', question: 'Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?' },
    ];
    for (const event of events) await store.questionLog.record(event);
    answered = await ticket(
      store,
      'Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?',
      ['laki-foerderung', 'eltern-zusammenarbeit'],
      'Nein, eine eigene Landesförderung für Dolmetscherkosten gibt es nicht. Viele Kommunale Integrationszentren vermitteln aber Sprachmittlerpools; fragen Sie bei Ihrem KI nach.',
    );
    open = await ticket(store, 'Wie viele Stellen hat das KI in Soest?', ['ki-traeger']);
    await store.close();
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('npm run kb:report', () => {
    let report: string;
    let outDir: string;

    beforeAll(() => {
      outDir = path.join(root, 'bericht');
      const run = runCli('kb-report', ['--out', outDir], { DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(ReportText.written(outDir));
      report = readFileSync(path.join(outDir, 'bericht.md'), 'utf8');
    });

    it('should write the Markdown report and one CSV file per section', () => {
      expect(readdirSync(outDir).sort()).toEqual([
        'beantwortete-tickets.csv',
        'bericht.md',
        'fragen-pro-tag.csv',
        'negatives-feedback.csv',
        'neue-fragevarianten.csv',
        'unbeantwortete-fragen.csv',
      ]);
      for (const heading of [ReportText.daysHeading, ReportText.unansweredHeading, ReportText.feedbackHeading, ReportText.variantsHeading, ReportText.ticketsHeading]) {
        expect(report).toContain(`## ${heading}`);
      }
      for (const todo of [ReportText.unansweredTodo, ReportText.feedbackTodo, ReportText.variantsTodo, ReportText.ticketsTodo]) {
        expect(report).toContain(todo);
      }
    });

    it('should count today\'s questions by outcome and the tickets: one open, one answered today', () => {
      const today = report.split('\n').filter((line) => /^\| [A-Z][a-z] \d\d\.\d\d\.\d{4} \|/.test(line)).pop();
      // Six declined, two suggested and one answered question were recorded today (see beforeAll).
      expect(today).toMatch(/\| 1 \| 2 \| 6 \|$/);
      expect(report).toContain(`| ${ReportText.ticketRows.open} | 1 |`);
      expect(report).toContain(`| ${ReportText.ticketRows.answered} | 1 |`);
    });

    it('should group similar unanswered questions, most frequent first', () => {
      const rows = report.split('\n').filter((line) => line.startsWith('| ') && line.includes('Dolmetscher'));
      expect(rows[0]).toMatch(/^\| 5 \| „Welche Förderung gibt es für Dolmetscher\?“<br>„Werden Dolmetscherkosten gefördert\?“ \|/);
      const csv = readFileSync(path.join(outDir, 'unbeantwortete-fragen.csv'), 'utf8');
      expect(csv.startsWith('\uFEFF"Gruppe";"Anzahl Gruppe";"Frage"')).toBe(true);
      expect(csv).toContain('"1";"5";"Welche Förderung gibt es für Dolmetscher?"');
      expect(csv).toContain('"1";"5";"Werden Dolmetscherkosten gefördert?"');
      expect(csv).toContain('"2";"1";"Wann ist die Antragsfrist für 2027?"');
    });

    it('should list answers with negative feedback with counts and example questions', () => {
      expect(report).toMatch(/\| laki-bezirksregierung \| [^|]+ \| 2 \| 1 \| „Wo ist die LaKI\?“<br>„Wo kann ich bei der Bezirksregierung parken\?“ \|/);
      expect(report).not.toMatch(/\| griffbereit \|/);
    });

    it('should propose chosen and low-confidence questions as new variants, but not ones the entry already has', () => {
      expect(report).toMatch(/\| fruehe-bildung-fortbildung \| [^|]+ \| „Gibt es Fortbildungen\?“ \| 2 \| unter „Meinten Sie …“ gewählt \|/);
      expect(report).toContain(`| querschnitt-unternehmer |`);
      expect(report).toContain(`„${NEARBY_QUESTION}“ | 1 | ${ReportText.reasonNearby} |`);
      // A question the knowledge forwards (an amount) is not proposed for the entry opened after it.
      expect(report).not.toContain('„Wie hoch ist die Förderung der LaKI?“');
      expect(report).toContain(`„Wo kann ich bei der Bezirksregierung parken?“ | 1 | ${ReportText.reasonLowScore(0.476)} |`);
      expect(report).not.toContain('„Wie lautet die Telefonnummer der LaKI?“');
      expect(report).not.toContain('„Wen rufe ich bei der LaKI an?“');
    });

    it('should list answered tickets as entry candidates without the asker\'s name', () => {
      expect(report).toContain(`| ${answered.number} |`);
      expect(report).toContain(ReportText.ticketNoDraft);
      expect(report).not.toContain(open.number);
      expect(report).not.toContain('Erika Mustermann');
      const csv = readFileSync(path.join(outDir, 'beantwortete-tickets.csv'), 'utf8');
      expect(csv).toContain(`"${answered.number}"`);
      expect(csv).not.toContain('Mustermann');
    });

    it('should show the askers\' ratings of the LaKI answers next to the tickets', () => {
      const row = report.split('\n').find((line) => line.startsWith(`| ${answered.number} |`));
      expect(row).toContain(`| ${ReportText.ticketFeedback(2, 1)} |`);
      const csv = readFileSync(path.join(outDir, 'beantwortete-tickets.csv'), 'utf8');
      expect(csv.split('\n').find((line) => line.includes(answered.number))).toContain(`;"2";"1";`);
    });
  });

  describe('npm run kb:draft', () => {
    const env = () => ({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir });
    const draftFile = () => path.join(knowledgeDir, 'drafts', `${answered.number.toLowerCase()}.yaml`);

    it('should write a valid draft for an answered ticket that is checked but not served', async () => {
      const run = runCli('kb-draft', [answered.number.toLowerCase()], env());
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(DraftText.nextSteps);
      const text = readFileSync(draftFile(), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/entries.schema.json');
      expect(text).toContain(`ENTWURF aus Ticket ${answered.number}`);
      expect(text).toContain(`source: { document: Antwort der LaKI, section: Ticket ${answered.number} }`);
      expect(text).toContain(`reviewed: ${isoDay(new Date())}`);
      expect(text).toContain('  - Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?');
      expect(text).toContain('Nein, eine eigene Landesförderung für Dolmetscherkosten gibt es nicht.');
      expect(text).not.toContain('Mustermann');

      const kb = await loadKnowledgeBase(knowledgeDir);
      expect(kb.entries.some((entry) => entry.source.section === `Ticket ${answered.number}`)).toBe(false);
      const check = await checkKnowledge(knowledgeDir);
      expect(check.drafts).toBe(1);
      expect(check.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      expect(check.findings).toContainEqual(expect.objectContaining({ file: `drafts/${answered.number.toLowerCase()}.yaml`, severity: 'warning' }));
    });

    it('should keep an existing draft with --all and say so', () => {
      writeFileSync(draftFile(), `${readFileSync(draftFile(), 'utf8')}# Notiz der Redaktion\n`);
      const run = runCli('kb-draft', ['--all'], env());
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(DraftText.exists(draftFile()));
      expect(readFileSync(draftFile(), 'utf8')).toContain('# Notiz der Redaktion');
    });

    it('should refuse an open ticket and an unknown number with exit code 1', () => {
      const run = runCli('kb-draft', [open.number, 'LAKI-2026-9999'], env());
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(DraftText.notAnswered(open.number));
      expect(run.stderr).toContain(DraftText.notFound('LAKI-2026-9999'));
      expect(existsSync(path.join(knowledgeDir, 'drafts', `${open.number.toLowerCase()}.yaml`))).toBe(false);
    });

    it('should serve the entry once an editor moves the completed draft into the knowledge folder', async () => {
      const draft = readFileSync(draftFile(), 'utf8')
        .replace(/^# .*\n/gm, '')
        .replace(
          '      - Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?\n',
          '      - Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?\n      - Gibt es Geld vom Land für Dolmetscher?\n',
        );
      writeFileSync(path.join(knowledgeDir, 'dolmetscher.yaml'), draft);
      rmSync(draftFile());
      const kb = await loadKnowledgeBase(knowledgeDir);
      const result = kb.match('Übernimmt das Land die Kosten für Dolmetscher in Elterngesprächen?');
      expect(result.answer?.source.section).toBe(`Ticket ${answered.number}`);
    });
  });
});
