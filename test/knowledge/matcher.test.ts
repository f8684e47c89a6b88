import { buildKnowledgeBase, DEFAULT_MATCHER_SETTINGS } from '../../src/knowledge';
import type { Entry } from '../../src/knowledge';

function entry(id: string, title: string, questions: string[], extra: Partial<Entry> = {}): Entry {
  return {
    id,
    title,
    questions,
    answer: `${title}.`,
    keywords: [],
    category: 'test',
    related: [],
    source: { document: 'Test', section: 'Test' },
    reviewed: '2026-11-28',
    ...extra,
  };
}

const entries: Entry[] = [
  entry('laki-telefon', 'Telefonnummer der LaKI', ['Wie lautet die Telefonnummer der LaKI?', 'Wie kann ich die LaKI anrufen?', 'LaKI Telefon']),
  entry('laki-fax', 'Faxnummer der LaKI', ['Wie lautet die Faxnummer der LaKI?', 'LaKI Fax']),
  entry('griffbereit', 'Das Programm Griffbereit', ['Was ist Griffbereit?', 'Griffbereit Programm für Eltern und Kinder']),
  entry('rucksack-kita', 'Das Programm Rucksack-Kita', ['Was ist Rucksack-Kita?', 'Rucksack Programm in der Kita für Eltern']),
  entry('ki-rechtsgrundlage', 'Rechtsgrundlage', ['Was regelt § 7 des Teilhabe- und Integrationsgesetzes?', 'Gesetz Integrationszentren'], {
    answer: 'Das Gesetz regelt in § 7 die Förderung der Kommunalen Integrationszentren.',
  }),
  entry('foerderantrag', 'Förderantrag', ['Bis wann läuft die Frist für den Förderantrag?'], {
    answer: 'Fragen Sie die LaKI.',
  }),
];
const synonyms = {
  groups: [['Telefon', 'Telefonnummer', 'anrufen', 'Nummer'], ['Kita', 'Kindergarten']],
  forward: ['Frist', 'Höhe', 'wie viele'],
};

describe('Matcher', () => {
  const kb = buildKnowledgeBase({ entries, synonyms, files: [] });

  it.each([
    ['Wie ist die Telefonnummer der LaKI?', 'laki-telefon'],
    ['Nummer LaKI', 'laki-telefon'],
    ['Hallo! Unter welcher Nummer kann ich die LaKI anrufen?', 'laki-telefon'],
    ['laki fax', 'laki-fax'],
    ['was ist grifbereit', 'griffbereit'],
    ['rucksackkita', 'rucksack-kita'],
    ['Rucksack Kindergarten', 'rucksack-kita'],
    ['Was regelt Paragraph 7?', 'ki-rechtsgrundlage'],
  ])('should answer %j with %s', (question, id) => {
    const result = kb.match(question);
    expect(result).toMatchObject({ outcome: 'answer', suggestions: [] });
    expect(result.answer?.id).toBe(id);
  });

  it.each([
    ['', 'empty'],
    ['Hallo, danke!', 'empty'],
    ['Wie spät ist es?', 'uncovered-terms'],
    ['Wie melde ich meinen Wohnsitz um?', 'uncovered-terms'],
    ['Gibt es Parkplätze für die Eltern bei Griffbereit?', 'uncovered-terms'],
    ['Was regelt § 8 des Gesetzes?', 'uncovered-terms'],
    ['Wie hoch ist die Förderhöhe nach dem Gesetz?', 'forward-term'],
    ['Wie viele Kinder machen bei Griffbereit mit?', 'forward-term'],
  ])('should decline %j (%s)', (question, reason) => {
    const result = kb.match(question);
    expect(result).toMatchObject({ outcome: 'none', answer: null, suggestions: [], declineReason: reason });
  });

  it('should answer a forward term when an entry asks for exactly that', () => {
    expect(kb.match('Frist Förderantrag').answer?.id).toBe('foerderantrag');
  });

  it('should suggest close candidates when no entry clearly wins', () => {
    const result = kb.match('Programm für Eltern');
    expect(result.outcome).toBe('suggest');
    expect(result.suggestions.map((e) => e.id).sort()).toEqual(['griffbereit', 'rucksack-kita']);
    expect(result.answer).toBeNull();
  });

  it('should return candidates in score order whatever the outcome', () => {
    const { candidates } = kb.match('Telefon oder Fax der LaKI');
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    expect(candidates.map((c) => c.score)).toEqual([...candidates.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('should keep its defaults frozen and accept overrides', () => {
    expect(Object.isFrozen(DEFAULT_MATCHER_SETTINGS)).toBe(true);
    const strict = buildKnowledgeBase({ entries, synonyms, files: [] }, { answerScore: 0.99, suggestScore: 0.98 });
    expect(strict.match('LaKI Telefon Nummer Fax').outcome).toBe('none');
  });
});
