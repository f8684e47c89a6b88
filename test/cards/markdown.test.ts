import { cardMarkdown, escapeMarkdown, plainTextBlock } from '../../src/cards/markdown';

describe('escapeMarkdown', () => {
  it.each([
    ['a disguised link', '[Hier klicken](https://evil.example)', '\\[Hier klicken\\]\\(https://evil.example\\)'],
    ['an image', '![x](https://evil.example/x.png)', '\\!\\[x\\]\\(https://evil.example/x.png\\)'],
    ['bold and italic', '**fett** und _kursiv_ und *schräg*', '\\*\\*fett\\*\\* und \\_kursiv\\_ und \\*schräg\\*'],
    ['inline code', 'Nutzen Sie `rm -rf`', 'Nutzen Sie \\`rm -rf\\`'],
    ['a heading', '# Achtung', '\\# Achtung'],
    ['a list marker at the start of a line', '- eins\n+ zwei\n3. drei', '\\- eins\n\\+ zwei\n3\\. drei'],
    ['an HTML-like tag', '<b>laut</b>', '\\<b\\>laut\\</b\\>'],
    ['a backslash', 'C:\\Daten', 'C:\\\\Daten'],
    ['strikethrough', '~~weg~~', '\\~\\~weg\\~\\~'],
  ])('should escape %s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['plain German text with umlauts', 'Wie erreiche ich die LaKI? Straße, Größe, Übung.'],
    ['hyphens and numbers inside a line', 'Rucksack-Kita für 3-6-Jährige, Telefon 02931 82 5215'],
    ['an empty string', ''],
  ])('should leave %s unchanged', (_name, input) => {
    expect(escapeMarkdown(input)).toBe(input);
  });
});

describe('plainTextBlock', () => {
  it('should put the text into a TextRun, which renderers never parse as Markdown', () => {
    const text = '[Hier klicken](https://evil.example) **jetzt**';
    expect(plainTextBlock(text, { italic: true })).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text, italic: true }],
    });
  });
});

describe('cardMarkdown', () => {
  it.each([
    ['keep single lines apart as paragraphs', 'Erste Zeile.\nZweite Zeile.\n', 'Erste Zeile.\n\nZweite Zeile.'],
    ['keep a list together', 'Angebote:\n- Griffbereit\n- Rucksack-Kita\nEnde.', 'Angebote:\n\n- Griffbereit\n- Rucksack-Kita\n\nEnde.'],
    ['not multiply existing blank lines', 'Absatz eins.\n\nAbsatz zwei.', 'Absatz eins.\n\nAbsatz zwei.'],
    ['leave one line alone', '**Telefon** 02931 82 5215', '**Telefon** 02931 82 5215'],
  ])('should %s', (_name, input, expected) => {
    expect(cardMarkdown(input)).toBe(expected);
  });
});
