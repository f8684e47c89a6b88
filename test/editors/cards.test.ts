import { EditorMessages as E, EditorVerb, EntryInput, editEntryAction, newEntryAction } from '../../src/chat';
import { entryDraftCard } from '../../src/editors/cards/entryDraftCard';
import { publishedCard, undoneCard } from '../../src/editors/cards/publishedCard';
import type { Review } from '../../src/editors/review';
import { ticketCard } from '../../src/escalation/cards/ticketCard';
import type { Ticket } from '../../src/escalation';
import type { EntryDraft, KnowledgeRevision } from '../../src/storage';
import { submitDataOf } from '../helpers/activities';

const LEA = { id: '29:lea', name: 'Lea LaKI' };
const DRAFT: EntryDraft = {
  id: 'd1',
  status: 'open',
  content: {
    id: 'dolmetscher-elterngespraeche',
    title: 'Dolmetscher für Elterngespräche',
    answer: 'Antwort mit [Link](https://evil.example).',
    questions: ['Frage eins?', 'Frage zwei?'],
    keywords: ['Sprachmittlung'],
    category: 'kontakt',
    related: ['laki-kontakt'],
    source: { document: 'Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026', section: 'Ticket LAKI-2026-0042' },
  },
  baseHash: 'absent',
  sourceQuestions: ['Frage eins?'],
  ticketNumber: 'LAKI-2026-0042',
  createdBy: LEA,
  createdAt: new Date('2026-03-10T10:00:00Z'),
  updatedBy: LEA,
  updatedAt: new Date('2026-03-10T10:05:00Z'),
  version: 3,
};
const REVIEW: Review = {
  currentHash: 'absent',
  findings: [
    { severity: 'error', message: '„Frage zwei?“ wird mit „Kontakt“ [laki-kontakt] beantwortet, nicht mit diesem Eintrag.' },
    { severity: 'warning', message: 'nur 2 Fragen' },
  ],
  preview: [
    { question: 'Frage eins?', outcome: 'answer', entryId: 'dolmetscher-elterngespraeche', entryTitle: 'Dolmetscher für Elterngespräche', isDraft: true, today: { outcome: 'none' } },
    { question: 'Frage zwei?', outcome: 'answer', entryId: 'laki-kontakt', entryTitle: 'Kontakt', isDraft: false, today: { outcome: 'answer', entryTitle: 'Kontakt' } },
  ],
};

type Card = { body: Array<Record<string, any>>; actions?: Array<Record<string, any>> };
const inputs = (card: Card) => Object.fromEntries(card.body.filter((e) => String(e.type).startsWith('Input.')).map((e) => [e.id, e.value]));

describe('entryDraftCard', () => {
  it('should show every field as a pre-filled input and carry the draft id and version on its buttons', () => {
    const card = entryDraftCard({ draft: DRAFT, categories: ['laki', 'kontakt'], entries: [{ id: 'laki-kontakt', title: 'Kontakt' }] }).content as Card;
    expect(inputs(card)).toEqual({
      [EntryInput.Title]: 'Dolmetscher für Elterngespräche',
      [EntryInput.Answer]: 'Antwort mit [Link](https://evil.example).',
      [EntryInput.Questions]: 'Frage eins?\nFrage zwei?',
      [EntryInput.Keywords]: 'Sprachmittlung',
      [EntryInput.Category]: 'kontakt',
      [EntryInput.NewCategory]: '',
      [EntryInput.Related]: 'laki-kontakt',
      [EntryInput.SourceDocument]: 'Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026',
      [EntryInput.SourceSection]: 'Ticket LAKI-2026-0042',
    });
    expect(submitDataOf(card).map(({ title, ...data }) => [title, data])).toEqual([
      [E.actionCheck, { verb: EditorVerb.Check, draftId: 'd1', version: 3 }],
      [E.actionPublish, { verb: EditorVerb.Publish, draftId: 'd1', version: 3 }],
      [E.actionDiscard, { verb: EditorVerb.Discard, draftId: 'd1', version: 3 }],
    ]);
    expect(JSON.stringify(card)).toContain(E.cardFromTicket('LAKI-2026-0042'));
  });

  it('should show errors, warnings and how the assistant would answer, with user text as plain text runs', () => {
    const card = entryDraftCard({ draft: DRAFT, categories: [], entries: [], review: REVIEW }).content as Card;
    const text = JSON.stringify(card.body);
    expect(text).toContain(E.checkErrors(1));
    expect(text).toContain(E.checkWarnings(1));
    expect(text).toContain(E.previewHeading);
    expect(text).toContain(`→ ${E.previewAnswer('Dolmetscher für Elterngespräche', true)}`);
    expect(text).toContain(`→ ${E.previewAnswer('Kontakt', false)}`);
    expect(text).toContain(E.previewBefore(E.previewNone));
    expect(text).toContain(E.publishBlocked);
    const markdown = card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text).join('\n');
    expect(markdown).not.toContain('Frage zwei?');
  });
});

describe('publishedCard and undoneCard', () => {
  const revision: KnowledgeRevision = {
    seq: 7,
    entryId: 'dolmetscher-elterngespraeche',
    file: 'kontakt.yaml',
    action: 'publish',
    title: 'Dolmetscher für Elterngespräche',
    beforeHash: 'absent',
    afterHash: 'abc',
    after: { id: 'dolmetscher-elterngespraeche' },
    actor: LEA,
    at: new Date('2026-03-10T10:06:00Z'),
  };

  it('should say who published when and offer "Rückgängig"', () => {
    const card = publishedCard(revision).content as Card;
    expect(JSON.stringify(card.body)).toContain('Veröffentlicht von Lea LaKI am 10.03.2026, 11:06');
    expect(submitDataOf(card).map(({ title, ...data }) => [title, data])).toEqual([[E.actionUndo, { verb: EditorVerb.Undo, seq: 7 }]]);
  });

  it('should say an undone new entry is gone, and offer editing an entry that is back in its old version', () => {
    const removed = undoneCard({ ...revision, action: 'undo', after: undefined, before: revision.after }).content as Card;
    expect(JSON.stringify(removed.body)).toContain('ist nicht mehr in der Wissensbasis');
    expect(submitDataOf(removed)).toEqual([]);
    const restored = undoneCard({ ...revision, action: 'undo' }).content as Card;
    expect(submitDataOf(restored).map((data) => data.verb)).toEqual([EditorVerb.EditEntry]);
  });
});

describe('buttons for other cards (EDITORS_API.md)', () => {
  it('should build "Eintrag anlegen" with at most ten cleaned questions and "Eintrag bearbeiten" with the id', () => {
    const many = Array.from({ length: 12 }, (_, i) => ` Frage\n${i}? `);
    expect(newEntryAction(['', ...many])).toEqual({
      type: 'Action.Submit',
      title: E.actionNewEntry,
      data: { verb: EditorVerb.NewDraft, questions: many.slice(0, 10).map((q) => q.replace(/\s+/g, ' ').trim()) },
    });
    expect(editEntryAction('laki-kontakt', 'Bearbeiten')).toEqual({ type: 'Action.Submit', title: 'Bearbeiten', data: { verb: EditorVerb.EditEntry, entryId: 'laki-kontakt' } });
  });

  it('should put "In die Wissensbasis übernehmen" on answered and closed ticket cards with an answer only', () => {
    const base = { id: 't', number: 'LAKI-2026-0042', question: 'F?', askerName: 'E', askerUserId: 'u', askerConversationReference: {}, bestGuessIds: [], idempotencyKey: 'k', createdAt: new Date(), updatedAt: new Date(), version: 1 };
    const verbs = (ticket: Ticket) => submitDataOf(ticketCard(ticket, []).content).map((data) => data.verb);
    expect(verbs({ ...base, status: 'answered', answer: 'A' } as Ticket)).toContain(EditorVerb.FromTicket);
    expect(verbs({ ...base, status: 'closed', answer: 'A' } as Ticket)).toContain(EditorVerb.FromTicket);
    expect(verbs({ ...base, status: 'closed' } as Ticket)).not.toContain(EditorVerb.FromTicket);
    expect(verbs({ ...base, status: 'open' } as Ticket)).not.toContain(EditorVerb.FromTicket);
  });
});
