import { fold, foldDigraphs, formsOf, isStopword, scanWords, splitWords, stem } from '../../src/knowledge/text';

describe('fold', () => {
  it.each([
    ['Übergang', 'ubergang'],
    ['ÖFFENTLICHKEITSARBEIT', 'offentlichkeitsarbeit'],
    ['Straße', 'strasse'],
    ['Kindertagesstätte', 'kindertagesstatte'],
    ['Café', 'cafe'],
  ])('should fold %s to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('foldDigraphs', () => {
  it.each([
    ['uebergang', 'ubergang'],
    ['oeffentlich', 'offentlich'],
    ['aerztin', 'arztin'],
  ])('should fold %s to %s', (input, expected) => {
    expect(foldDigraphs(input)).toBe(expected);
  });
});

describe('splitWords', () => {
  it('should keep hyphenated parts and their joined spelling', () => {
    expect(splitWords('Rucksack-Kita')).toEqual([
      { parts: ['rucksack', 'kita'], written: ['Rucksack', 'Kita'], joined: 'rucksackkita', casing: 'unclear', clause: 0 },
    ]);
  });

  it.each([
    ['Was machen die KIs?', 'ki'],
    ["Was machen KI's?", 'ki'],
    ['Wo sitzen die LaKIs?', 'laki'],
    ['Wer fördert der KIs Arbeit?', 'ki'],
  ])('should read an inflected abbreviation in %j as the abbreviation', (text, expected) => {
    expect(splitWords(text).map((word) => word.parts[0])).toContain(expected);
  });

  it('should not take a plural "s" off ordinary words', () => {
    expect(splitWords('Kurs Kreis Haus').map((word) => word.parts[0])).toEqual(['kurs', 'kreis', 'haus']);
  });

  it('should turn § into a searchable word and keep a paragraph number as one fact', () => {
    expect(splitWords('§ 7').map((w) => w.parts[0])).toEqual(['paragraph', 'paragraph7']);
    expect(splitWords('Paragraph 7').map((w) => w.parts[0])).toEqual(['paragraph', 'paragraph7']);
    expect(splitWords('Ruhrallee 9').map((w) => w.parts[0])).toEqual(['ruhrallee', '9']);
  });

  it('should tell capitalised nouns inside a sentence from lower-case words', () => {
    const casings = splitWords('Gibt es Parkplätze? Wir kommen freitags. parken').map((w) => `${w.parts[0]}:${w.casing}`);
    expect(casings).toEqual(['gibt:unclear', 'es:lower', 'parkplatze:noun', 'wir:unclear', 'kommen:lower', 'freitags:lower', 'parken:unclear']);
    expect(splitWords('alles klein geschrieben').map((w) => w.casing)).toEqual(['unclear', 'unclear', 'unclear']);
  });

  it('should split on punctuation and spaces', () => {
    expect(splitWords('Hallo, LaKI! Wie geht’s?').map((w) => w.parts.join('-'))).toEqual([
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

  it('should keep "verbindlich" (binding) apart from "verbinden" (to join)', () => {
    expect(stem('verbindlichen')).toBe(stem('verbindlich'));
    expect(stem('verbindlichen')).not.toBe(stem('verbinden'));
  });
});

describe('isStopword', () => {
  it.each(['die', 'ist', 'hallo', 'moin', 'bitte', 'euch'])('should treat %s as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['jahr', 'hoch', 'wann', 'schule', 'kita', '7'])('should keep %s as meaningful', (word) => {
    expect(isStopword(fold(word))).toBe(false);
  });

  it.each(['thema', 'sachen', 'bereich', 'steht', 'dran', 'kanns', 'erzählt', 'insgesamt', 'grundsätzlich', 'unserem', 'bzgl', 'fürs', 'aufs'])('should treat the frame or filler word %s as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['bevor', 'ziemlich', 'nich', 'kurzen'])('should treat the chat word %s as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['its', 'really', 'mean', 'saying', 'keep', 'alone', 'whole'])('should treat the English function word %s as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['könntet', 'könntest', 'würdet', 'solltest', 'möchtet'])('should treat the modal %s, addressing du or ihr, as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['fuer', 'ueber', 'waer', 'koennt'])('should treat %s, typed without umlauts, as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['heist', 'gewust'])('should treat %s, its "ß" typed as one "s", as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['dienst', 'kunst'])('should not read the "st" of %s as a typed "ß"', (word) => {
    expect(isStopword(fold(word))).toBe(false);
  });

  it.each(['zusamen', 'vieleicht', 'bekomen'])('should treat %s, a long stopword with its doubled consonant typed once, as a stopword', (word) => {
    expect(isStopword(fold(word))).toBe(true);
  });

  it.each(['ofen', 'wesen', 'konten'])('should not read %s, a short one typed so, as a stopword: it is another word', (word) => {
    expect(isStopword(fold(word))).toBe(false);
  });

  it.each(['treue', 'bauen', 'steuer'])('should not read the vowels of %s as an umlaut', (word) => {
    expect(isStopword(fold(word))).toBe(false);
  });
});

describe('scanWords', () => {
  it.each([
    'Rucksack-Kita und Schule–Beruf, KI/LaKI - oder – nicht.',
    'Wie richtet man ein KI ein? Das geht so: (erst) an, dann aus!',
    'Café Ärzte Straße §§ 7 Paragraphen 9, ende',
    'Mathe 𝐀𝐁𝐂 und 😀 Emoji-𝐀 \uD800 ٣٤ x-–y a--b a-/b trailing-',
    'Zeile eins\nZeile zwei\t, drei "zitiert". vier',
  ])('should find the words and clauses of splitWords in %j', (text) => {
    const scanned: Array<{ parts: readonly string[]; breaksClause: boolean }> = [];
    scanWords(text, (raw, _endsClause, breaksClause) => scanned.push({ parts: formsOf(raw).parts, breaksClause }));
    const words = splitWords(text);
    expect(scanned.map((word) => word.parts)).toEqual(words.map((word) => word.parts));
    // A clause ends after a word exactly when the next word is in another clause (or none follows).
    expect(scanned.map((word) => word.breaksClause)).toEqual(words.map((word, index) => index === words.length - 1 || words[index + 1]!.clause !== word.clause));
  });

  it('should say when a clause mark follows a word after spaces', () => {
    const ends: string[] = [];
    scanWords('Wir richten es ein , bald ein. Und', (raw, endsClause) => endsClause && ends.push(raw));
    expect(ends).toEqual(['ein', 'ein', 'Und']);
  });
});
