import { fold, isStopword, splitWords, stem } from '../../src/knowledge/text';

describe('fold', () => {
  it.each([
    ['Übergang', 'ubergang'],
    ['Uebergang', 'ubergang'],
    ['ÖFFENTLICHKEITSARBEIT', 'offentlichkeitsarbeit'],
    ['Straße', 'strasse'],
    ['Kindertagesstätte', 'kindertagesstatte'],
    ['Café', 'cafe'],
  ])('should fold %s to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('splitWords', () => {
  it('should keep hyphenated parts and their joined spelling', () => {
    expect(splitWords(fold('Rucksack-Kita'))).toEqual([{ parts: ['rucksack', 'kita'], joined: 'rucksackkita' }]);
  });

  it('should turn § into a searchable word', () => {
    expect(splitWords(fold('§ 7')).map((w) => w.parts[0])).toEqual(['paragraph', '7']);
  });

  it('should split on punctuation and spaces', () => {
    expect(splitWords(fold('Hallo, LaKI! Wie geht’s?')).map((w) => w.parts.join('-'))).toEqual([
      'hallo',
      'laki',
      'wie',
      'geht',
      's',
    ]);
  });
});

describe('stem', () => {
  it.each([
    ['schulen', 'schul'],
    ['schule', 'schul'],
    ['integrationszentren', 'integrationszentr'],
    ['beratung', 'berat'],
    ['fortbildungen', 'fortbild'],
  ])('should stem %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('should leave numbers alone', () => {
    expect(stem('5215')).toBe('5215');
  });
});

describe('isStopword', () => {
  it.each(['die', 'ist', 'hallo', 'moin', 'bitte', 'euch'])('should treat %s as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['jahr', 'hoch', 'wann', 'schule', 'kita', '7'])('should keep %s as meaningful', (word) => {
    expect(isStopword(fold(word))).toBe(false);
  });
});
