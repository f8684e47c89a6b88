import { contentFromTicket, entryFromContent, similarQuestions } from '../../src/editors/draftContent';
import { createEditorService } from '../../src/editors/service';
import { EditorMessages as E } from '../../src/chat';
import type { Ticket } from '../../src/escalation';
import type { StoredQuestionEvent } from '../../src/questionLog';
import { tmpStore } from '../storage/tmpStore';
import { copyKnowledge, editorInstance, LEA } from './editorsHarness';

const QUESTION = 'Übernimmt das Land die Kosten für Dolmetscher bei Elterngesprächen?';

describe('similarQuestions', () => {
  it('should pick unanswered questions sharing most of their content words, most similar first, without repeats or the question itself', () => {
    const unanswered = [
      'Wer zahlt Dolmetscher bei Elterngesprächen?',
      'wer zahlt dolmetscher bei elterngesprächen',
      'Übernimmt das Land die Kosten für Dolmetscher bei Elterngesprächen?',
      'Kosten für Dolmetscher?',
      'Wie beantrage ich einen Parkausweis?',
      'Gibt es Fortbildungen für Lehrkräfte?',
    ];
    // A question whose every content word the ticket shares ranks before one sharing two of three.
    expect(similarQuestions(QUESTION, unanswered)).toEqual(['Kosten für Dolmetscher?', 'Wer zahlt Dolmetscher bei Elterngesprächen?']);
    expect(similarQuestions(QUESTION, unanswered, 1)).toEqual(['Kosten für Dolmetscher?']);
    expect(similarQuestions('Hallo?', unanswered)).toEqual([]);
  });
});

describe('draft content', () => {
  it('should name missing fields with the card\'s labels', () => {
    const result = entryFromContent(
      { id: 'x', title: '', answer: 'A', questions: [], keywords: [], category: 'kontakt', related: [], source: { document: 'D', section: 'S' } },
      new Date('2026-03-10T10:00:00Z'),
    );
    expect('problems' in result && result.problems.map((p) => p.message)).toEqual([`${E.fieldLabels.title}: darf nicht leer sein`, E.fieldMissing(E.fieldLabels.questions)]);
  });

  it('should pre-fill a ticket\'s draft with the similar unanswered questions from the question log', async () => {
    const kb = copyKnowledge();
    const store = tmpStore();
    try {
      const instance = await editorInstance(kb.dir, store);
      const events: StoredQuestionEvent[] = [
        { kind: 'declined', question: 'Wer zahlt Dolmetscher bei Elterngesprächen?', recordedAt: new Date() },
        { kind: 'answered', question: 'Dolmetscher Elterngespräche Kosten?', recordedAt: new Date() },
        { kind: 'declined', question: 'Wie beantrage ich einen Parkausweis?', recordedAt: new Date() },
      ];
      const service = createEditorService({
        dir: kb.dir,
        store: store.editors,
        knowledge: instance.holder,
        sync: instance.sync,
        questionLog: { listSince: async () => events },
      });
      const ticket = {
        id: 't',
        number: 'LAKI-2026-0042',
        status: 'answered',
        question: QUESTION,
        askerName: 'E',
        askerUserId: 'u',
        askerConversationReference: {},
        bestGuessIds: [],
        idempotencyKey: 'k',
        createdAt: new Date(),
        updatedAt: new Date(),
        version: 2,
        answer: 'Antwort.',
      } as Ticket;
      const draft = await service.openFromTicket(ticket, LEA);
      expect(draft.content.questions).toEqual([QUESTION, 'Wer zahlt Dolmetscher bei Elterngesprächen?']);
      expect(draft.sourceQuestions).toEqual(draft.content.questions);
      expect(contentFromTicket(ticket, instance.holder.current(), []).source.document).toMatch(/^Antwort der LaKI auf LAKI-2026-0042, \d{2}\.\d{2}\.\d{4}$/);
    } finally {
      await store.cleanup();
      kb.cleanup();
    }
  });
});
