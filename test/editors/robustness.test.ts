import path from 'node:path';
import { readKnowledgeSource } from '../../src/knowledge/loader';
import { leaveOneOut } from '../../src/editors/robustness';

describe('leaveOneOut', () => {
  it('should report for every variant whether the entry still answers it without that wording', async () => {
    const source = await readKnowledgeSource(path.join(__dirname, '../fixtures/knowledge/valid'));
    const results = leaveOneOut(source);

    expect(results).toHaveLength(source.entries.reduce((sum, entry) => sum + entry.questions.length, 0));
    // "Wie kann ich die LaKI anrufen?" is still found through the other phone variants and synonyms.
    expect(results).toContainEqual({
      entryId: 'laki-telefon',
      question: 'Wie kann ich die LaKI anrufen?',
      outcome: { kind: 'answered' },
    });
    // The title still carries "Griffbereit" and "Programm".
    expect(results.find((r) => r.question === 'Griffbereit Programm')?.outcome).toEqual({ kind: 'answered' });
  });

  it('should show a variant that only worked verbatim as no longer answered', async () => {
    const source = await readKnowledgeSource(path.join(__dirname, '../fixtures/knowledge/valid'));
    const entries = source.entries.map((entry) =>
      entry.id === 'griffbereit' ? { ...entry, questions: [...entry.questions, 'Nummer für Griffbereit-Eltern'] } : entry,
    );
    const results = leaveOneOut({ ...source, entries });
    // "Nummer" belongs to the phone entry's words; without its own variant the mixed question is declined.
    expect(results.find((r) => r.question === 'Nummer für Griffbereit-Eltern')?.outcome).toEqual({ kind: 'declined' });
  });
});
