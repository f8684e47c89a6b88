/** The catalog the tab browses and the message extension's main topics. */
import { buildKnowledgeBase, catalogCategories, categoryLabel, mainTopics } from '../../src/knowledge';
import type { Entry } from '../../src/knowledge/schema';
import { catalogView, entryView } from '../../src/server';
import { allFixtureEntries, contactEntry, rucksackEntry } from '../helpers/entries';

function entry(id: string, category: string, title = id): Entry {
  return { ...rucksackEntry, id, title, category, related: [] };
}

const entries: Entry[] = [
  entry('neu-eins', 'neues-thema', 'Ein ganz neues Thema'),
  entry('kontakt-a', 'kontakt', 'Kontakt A'),
  entry('fb-ueberblick', 'fruehe-bildung', 'Frühe Bildung im Überblick'),
  entry('neu-zwei', 'neues-thema'),
  entry('fb-zwei', 'fruehe-bildung'),
  entry('hf', 'handlungsfelder'),
];
const kb = buildKnowledgeBase({ entries, synonyms: { groups: [], forward: [] }, files: [] });

describe('catalogCategories', () => {
  it('should put known categories in their fixed order and unknown ones after them, each entry once', () => {
    const categories = catalogCategories(kb);
    expect(categories.map((category) => category.id)).toEqual(['handlungsfelder', 'fruehe-bildung', 'kontakt', 'neues-thema']);
    expect(categories.flatMap((category) => category.entries.map((e) => e.id)).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it('should label an unknown category with the title of its first entry, as a topic', () => {
    const unknown = catalogCategories(kb).find((category) => category.id === 'neues-thema');
    expect(unknown).toMatchObject({ label: 'Ein ganz neues Thema', kind: 'topic' });
    expect(categoryLabel(kb, 'neues-thema')).toBe('Ein ganz neues Thema');
    expect(categoryLabel(kb, 'fruehe-bildung')).toBe('Frühe Bildung');
  });

  it('should mark action areas and contacts', () => {
    const kinds = Object.fromEntries(catalogCategories(kb).map((category) => [category.id, category.kind]));
    expect(kinds).toMatchObject({ handlungsfelder: 'action-area', 'fruehe-bildung': 'action-area', kontakt: 'contact' });
  });
});

describe('mainTopics', () => {
  it('should be the first entry of each category, in catalog order', () => {
    expect(mainTopics(kb).map((e) => e.id)).toEqual(['hf', 'fb-ueberblick', 'kontakt-a', 'neu-eins']);
  });
});

describe('views', () => {
  const fixtureKb = buildKnowledgeBase({ entries: [...allFixtureEntries], synonyms: { groups: [], forward: [] }, files: [] });

  it('should list every entry in the catalog view with whether it has contact data', () => {
    const view = catalogView(fixtureKb);
    const listed = view.categories.flatMap((category) => category.entries);
    expect(listed).toHaveLength(allFixtureEntries.length);
    expect(listed.find((e) => e.id === 'laki-telefon')).toEqual({ id: 'laki-telefon', title: 'Telefonnummer der LaKI', hasContact: true });
  });

  it('should give the tab the answer without contact lines, contact facts with links, and existing related entries', () => {
    const view = entryView(fixtureKb, contactEntry);
    expect(view.answer).toBe(contactEntry.answer);
    expect(view.contact).toContainEqual({ label: 'Telefon', value: '02931 82 5215', href: 'tel:+492931825215' });
    expect(view.contact).toContainEqual({ label: 'E-Mail', value: 'gudrun.haarmann@bra.nrw.de', href: 'mailto:gudrun.haarmann@bra.nrw.de' });
    expect(view.related.map((r) => r.id)).toEqual(['laki-email', 'laki-kontakt', 'laki-fax', 'laki-postanschrift']);
    expect(view.category).toEqual({ id: 'kontakt', label: 'Kontakt zur LaKI' });
  });
});
