import { Analyzer } from '../../src/knowledge/analyzer';
import { EntryFacts, indexedTexts } from '../../src/knowledge/entryFacts';
import type { Entry } from '../../src/knowledge';

const bildung: Entry = {
  id: 'schule-bildung',
  title: 'Beratung von Bildungseinrichtungen',
  questions: ['Beraten die Zentren Bildungseinrichtungen?'],
  answer: 'Die Zentren beraten Schulen und andere Bildungseinrichtungen.',
  keywords: ['freie Träger'],
  category: 'test',
  related: [],
  source: { document: 'Test', section: 'Test' },
  reviewed: '2026-12-07',
};

/** What an entry's words are, looked up by the decisions (answer fit, forward terms). */
describe('EntryFacts', () => {
  const analyzer = new Analyzer(indexedTexts(bildung), { groups: [['Schule', 'Schulen']], forward: [] }, undefined, () => false);
  const facts = new EntryFacts(analyzer);
  const token = (word: string) => analyzer.analyzeQuery(word).tokens[0]!;

  it('should find a token in any field, and a key noun as the last word of a compound', () => {
    expect(facts.has(bildung, token('Schulen'))).toBe(true);
    // "Bildungseinrichtungen" is a kind of "Einrichtungen".
    expect(facts.has(bildung, analyzer.rawStems('Einrichtungen')[0]!)).toBe(true);
    expect(facts.has(bildung, analyzer.rawStems('Kosten')[0]!)).toBe(false);
  });

  it('should say an entry covers a forward phrase only as its questions, title or keywords write it together', () => {
    expect(facts.covers(bildung, analyzer.rawStems('freie Träger').join(' '))).toBe(true);
    // The answer text does not count: the entry was not written for that kind of question.
    expect(facts.covers(bildung, analyzer.rawStems('andere').join(' '))).toBe(false);
    expect(facts.covers(bildung, analyzer.rawStems('freie Stellen').join(' '))).toBe(false);
  });
});
