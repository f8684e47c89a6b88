/** Fixed knowledge entries for card snapshots and unit tests (not the editors' knowledge base). */
import type { Entry } from '../../src/knowledge/schema';

export const contactEntry: Entry = {
  id: 'laki-telefon',
  title: 'Telefonnummer der LaKI',
  answer: 'Sie erreichen die LaKI telefonisch unter **02931 82 5215**.',
  questions: ['Wie ist die Telefonnummer der LaKI?'],
  keywords: ['Telefon'],
  category: 'kontakt',
  related: ['laki-email', 'laki-kontakt', 'laki-fax', 'laki-postanschrift'],
  source: { document: 'LaKI-Faltblatt', section: 'Kontakt' },
  reviewed: '2026-11-28',
  contact: {
    organisation: 'Landesweite Koordinierungsstelle Kommunale Integrationszentren (LaKI)',
    phone: '02931 82 5215',
    email: 'gudrun.haarmann@bra.nrw.de',
    website: 'www.kommunale-integrationszentren-nrw.de',
  },
};

function simpleEntry(id: string, title: string, related: string[] = []): Entry {
  return {
    id,
    title,
    answer: `Antwort zu ${title}.`,
    questions: [`Frage zu ${title}?`],
    keywords: [],
    category: 'test',
    related,
    source: { document: 'LaKI-Faltblatt', section: 'Test', url: 'https://example.org/faltblatt.pdf' },
    reviewed: '2026-01-05',
  };
}

export const emailEntry = simpleEntry('laki-email', 'E-Mail-Adresse der LaKI');
export const kontaktEntry = simpleEntry('laki-kontakt', 'Kontakt zur LaKI');
export const faxEntry = simpleEntry('laki-fax', 'Faxnummer der LaKI');
export const postEntry = simpleEntry('laki-postanschrift', 'Postanschrift der LaKI');
export const rucksackEntry = simpleEntry('rucksack-kita', 'Rucksack-Kita', ['griffbereit']);
export const griffbereitEntry = simpleEntry('griffbereit', 'Griffbereit', ['rucksack-kita']);

export const allFixtureEntries: readonly Entry[] = [
  contactEntry,
  emailEntry,
  kontaktEntry,
  faxEntry,
  postEntry,
  rucksackEntry,
  griffbereitEntry,
];
