import { draftFromTicket, entryIdFor } from '../../src/editors/report/draft';
import { entrySchema } from '../../src/knowledge/schema';
import { parse } from 'yaml';
import type { Ticket } from '../../src/escalation/ticket';
import { contactEntry } from '../helpers/entries';
import type { KnowledgeBase } from '../../src/knowledge/types';

const kb = { getEntry: (id: string) => (id === contactEntry.id ? contactEntry : undefined) } as unknown as KnowledgeBase;

function answeredTicket(question: string, answer: string | undefined): Ticket {
  return {
    id: 'uuid',
    number: 'LAKI-2026-0042',
    status: 'answered',
    question,
    askerName: 'Erika Mustermann',
    askerUserId: '29:asker',
    askerConversationReference: {},
    bestGuessIds: ['laki-telefon', 'gibt-es-nicht'],
    idempotencyKey: 'k',
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 2,
    ...(answer ? { answer } : {}),
  };
}

describe('entryIdFor', () => {
  it.each([
    ['Gibt es Förderung für Dolmetscher?', new Set<string>(), 'foerderung-dolmetscher'],
    ['Gibt es Förderung für Dolmetscher?', new Set(['foerderung-dolmetscher']), 'foerderung-dolmetscher-2'],
    ['Wer?', new Set<string>(), 'ticket-laki-2026-0042'],
    ['Straße: Öffnungszeiten & Parkplätze im Büro der LaKI in Dortmund?', new Set<string>(), 'strasse-oeffnungszeiten-parkplaetze-buero-laki'],
  ])('should turn "%s" into a unique kebab-case id', (question, taken, expected) => {
    expect(entryIdFor(question, 'LAKI-2026-0042', taken)).toBe(expected);
  });
});

describe('draftFromTicket', () => {
  it('should build a schema-valid entry with the ticket as source and today as reviewed', () => {
    const draft = draftFromTicket(answeredTicket('Hat die LaKI eine Hotline: auch abends?', 'Nein.\n\nBitte rufen Sie tagsüber an: 02931 82 5215.'), kb, {
      today: new Date('2026-11-28T23:30:00Z'),
      takenIds: new Set(),
    });
    expect(draft.fileName).toBe('laki-2026-0042.yaml');
    const parsed = parse(draft.yaml) as { entries: unknown[] };
    const entry = entrySchema.parse(parsed.entries[0]);
    expect(entry).toEqual(draft.entry);
    expect(entry).toMatchObject({
      title: 'Hat die LaKI eine Hotline: auch abends?',
      category: contactEntry.category,
      answer: 'Nein.\n\nBitte rufen Sie tagsüber an: 02931 82 5215.',
      questions: ['Hat die LaKI eine Hotline: auch abends?'],
      related: ['laki-telefon'],
      source: { document: 'Antwort der LaKI', section: 'Ticket LAKI-2026-0042' },
      reviewed: '2026-11-29',
    });
    expect(draft.yaml).not.toContain('Mustermann');
  });

  it('should refuse a ticket without an answer', () => {
    expect(() => draftFromTicket(answeredTicket('Frage?', undefined), kb, { today: new Date(), takenIds: new Set() })).toThrow(
      'Ticket LAKI-2026-0042 hat noch keine Antwort der LaKI',
    );
  });
});
