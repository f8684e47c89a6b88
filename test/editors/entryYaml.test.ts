/**
 * The YAML writer changes only the text of the entry it writes: every other byte of the file
 * (other entries, comments, quoting, flow and block styles, blank lines) stays as the editor wrote
 * it, including formatting the `yaml` package would print differently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseDocument } from 'yaml';
import { appendEntry, entryHash, findEntry, newEntryFile, printEntry, removeEntry, replaceEntry } from '../../src/editors/entryYaml';
import { entrySchema, type Entry } from '../../src/knowledge';
import { ROOT } from '../helpers/service';

const HAND_WRITTEN = `# yaml-language-server: $schema=./schema/entries.schema.json
# Kommentar am Dateianfang: bleibt.
entries:
  # Kommentar vor dem ersten Eintrag
  - id: erster
    title: "Erster Eintrag"   # Kommentar am Titel
    category: test
    answer: >
      Gefaltete Antwort,
      über zwei Zeilen.
    questions: [ 'Frage eins?', "Frage zwei?" ]
    source:
      document: Faltblatt
      section: Eins
    reviewed: 2026-11-28

  # Kommentar zwischen Einträgen
  - id: zweiter
    title: Zweiter Eintrag
    category: test
    # Kommentar im Eintrag
    answer: |
      Antwort zwei.
    questions:
      - Wie geht zwei?
      - Zwei?   # Kommentar an einer Frage
    keywords: [zwei]
    source: {document: Faltblatt, section: Zwei}
    reviewed: 2026-11-28


  - id: dritter
    title: Dritter Eintrag
    category: test
    answer: Einzeilige Antwort drei.
    questions:
    - Drei ohne Einrückung?
    source: {document: Faltblatt, section: Drei}
    reviewed: '2026-11-28'
# Kommentar am Dateiende
`;

const entryAt = (text: string, index: number): Entry => entrySchema.parse((parse(text) as { entries: unknown[] }).entries[index]);

/** The text before and after entry `index` must be unchanged: the slices around its node. */
function surroundings(text: string, index: number): [string, string] {
  const node = (parseDocument(text).get('entries', true) as any).items[index];
  let end = node.range[1];
  while (/\s/.test(text[end - 1]!)) end--;
  return [text.slice(0, node.range[0]), text.slice(end)];
}

describe('entry YAML writer', () => {
  it('should leave a hand-written file byte-identical when an entry is written back unchanged', () => {
    for (const index of [0, 1, 2]) expect(replaceEntry(HAND_WRITTEN, index, entryAt(HAND_WRITTEN, index))).toBe(HAND_WRITTEN);
  });

  it('should leave every real knowledge file byte-identical when any entry is written back unchanged', () => {
    const dir = path.join(ROOT, 'knowledge');
    let entries = 0;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'synonyms.yaml')) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const count = (parse(text) as { entries: unknown[] }).entries.length;
      for (let index = 0; index < count; index++) expect(replaceEntry(text, index, entryAt(text, index))).toBe(text);
      entries += count;
    }
    expect(entries).toBeGreaterThan(50);
  });

  it('should change only the edited fields of the edited entry, keeping its comments, its other fields and every other byte', () => {
    const entry = entryAt(HAND_WRITTEN, 1);
    const edited = replaceEntry(HAND_WRITTEN, 1, { ...entry, title: 'Zweiter Eintrag, neu', questions: [...entry.questions, 'Neue Frage zwei?'] });
    const [before, after] = surroundings(HAND_WRITTEN, 1);
    const [newBefore, newAfter] = surroundings(edited, 1);
    expect(newBefore).toBe(before);
    expect(newAfter).toBe(after);
    expect(edited).toContain('    # Kommentar im Eintrag\n    answer: |\n      Antwort zwei.\n');
    // The changed list keeps its items' comments (printed with one space before "#").
    expect(edited).toContain('      - Wie geht zwei?\n      - Zwei? # Kommentar an einer Frage\n      - Neue Frage zwei?\n    keywords: [zwei]\n');
    expect(edited).toContain('    title: Zweiter Eintrag, neu\n');
    // Exactly the two changed fields differ, line for line.
    const changedLines = edited.split('\n').filter((line) => !HAND_WRITTEN.split('\n').includes(line));
    expect(changedLines).toEqual(['    title: Zweiter Eintrag, neu', '      - Zwei? # Kommentar an einer Frage', '      - Neue Frage zwei?']);
    expect(entryAt(edited, 1)).toEqual({ ...entry, title: 'Zweiter Eintrag, neu', questions: [...entry.questions, 'Neue Frage zwei?'] });
    expect(entryAt(edited, 0)).toEqual(entryAt(HAND_WRITTEN, 0));
    expect(entryAt(edited, 2)).toEqual(entryAt(HAND_WRITTEN, 2));
  });

  it('should drop a removed field with its line and add a new field after the last one', () => {
    const entry = entryAt(HAND_WRITTEN, 1);
    const edited = replaceEntry(HAND_WRITTEN, 1, { ...entry, keywords: [], related: ['erster', 'dritter'] });
    expect(entryAt(edited, 1)).toEqual({ ...entry, keywords: [], related: ['erster', 'dritter'] });
    expect(edited).not.toContain('keywords: [zwei]');
    expect(edited).toContain('    reviewed: 2026-11-28\n    related: [erster, dritter]\n\n\n  - id: dritter');
    const [before, after] = surroundings(HAND_WRITTEN, 1);
    expect(surroundings(edited, 1)).toEqual([before, after]);
  });

  it('should append a new entry in the house style after the last one and remove it again to the same bytes', () => {
    const entry = entrySchema.parse({
      id: 'vierter',
      title: 'Vierter: mit Doppelpunkt',
      category: 'test',
      answer: 'Zeile eins.\n\nZeile drei mit **fett**.',
      questions: ['Vier?', '#4 mit Raute?'],
      keywords: ['vier', 'IV'],
      related: ['erster'],
      source: { document: 'Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026', section: 'Ticket LAKI-2026-0042' },
      reviewed: '2026-12-05',
    });
    const appended = appendEntry(HAND_WRITTEN, entry);
    expect(appended.startsWith(HAND_WRITTEN.slice(0, HAND_WRITTEN.indexOf('# Kommentar am Dateiende')).trimEnd())).toBe(true);
    expect(appended).toContain(
      [
        '  - id: vierter',
        '    title: "Vierter: mit Doppelpunkt"',
        '    category: test',
        '    answer: |',
        '      Zeile eins.',
        '',
        '      Zeile drei mit **fett**.',
        '    questions:',
        '      - Vier?',
        '      - "#4 mit Raute?"',
        '    keywords: [vier, IV]',
        '    related: [erster]',
        '    source: {document: "Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026", section: Ticket LAKI-2026-0042}',
        '    reviewed: 2026-12-05',
      ].join('\n'),
    );
    expect(entryAt(appended, 3)).toEqual(entry);
    expect(removeEntry(appended, 3)).toBe(HAND_WRITTEN);
    expect(findEntry(new Map([['a.yaml', appended]]), 'vierter')).toMatchObject({ file: 'a.yaml', index: 3, entry });
  });

  it('should remove a first or middle entry with its lines and keep the rest', () => {
    for (const index of [0, 1]) {
      const removed = removeEntry(HAND_WRITTEN, index);
      const ids = (parse(removed) as { entries: Array<{ id: string }> }).entries.map((e) => e.id);
      expect(ids).toEqual(['erster', 'zweiter', 'dritter'].filter((_, i) => i !== index));
      expect(removed).toContain('# Kommentar am Dateiende');
    }
  });

  it('should write a new file that parses to the entry, and version entries by content, not formatting', () => {
    const entry = entryAt(HAND_WRITTEN, 0);
    expect(entrySchema.parse((parse(newEntryFile(entry)) as { entries: unknown[] }).entries[0])).toEqual(entry);
    expect(entryHash(entrySchema.parse(parse(printEntry(entry))))).toBe(entryHash(entry));
    expect(entryHash({ ...entry, title: 'anders' })).not.toBe(entryHash(entry));
    expect(entryHash(undefined)).toBe('absent');
  });
});
