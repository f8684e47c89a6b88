import { askerUpdateCard } from '../../src/escalation/cards/askerUpdateCard';
import { ticketCard } from '../../src/escalation/cards/ticketCard';
import { TICKET_TRANSITIONS, type Ticket, type TicketAction, type TicketStatus } from '../../src/escalation/ticket';
import { draftCard, forwardToLakiAction } from '../../src/escalation/cards/draftCard';
import { myTicketsCard } from '../../src/escalation/cards/myTicketsCard';
import { draftSentCard } from '../../src/escalation/cards/draftSentCard';
import { EscalationVerb, TicketVerb } from '../../src/escalation/verbs';

const TICKET: Ticket = {
  id: 't1',
  number: 'LAKI-2026-0042',
  status: 'open',
  question: 'Gibt es [Geld](https://evil.example) für **uns**?',
  kommune: 'Stadt [Hamm](https://evil.example)\nZeile 2',
  askerName: 'Erika *Muster*',
  askerUserId: '29:erika',
  askerConversationReference: {},
  bestGuessIds: ['foerderung'],
  idempotencyKey: 'k',
  createdAt: new Date('2026-03-10T09:00:00Z'),
  updatedAt: new Date('2026-03-10T09:00:00Z'),
  version: 1,
};
const GUESSES = [{ id: 'foerderung', title: 'Förderung der KI' }];

type Card = { body: Array<Record<string, any>>; actions?: Array<Record<string, any>> };
const content = (attachment: { content?: unknown }) => attachment.content as Card;
const texts = (card: Card) => JSON.stringify(card.body);
const verbs = (card: Card) =>
  (card.actions ?? []).map((action) => action.data?.verb ?? action.card?.actions?.[0]?.data?.verb);

describe('ticketCard', () => {
  it('should render an open ticket', () => {
    expect(content(ticketCard(TICKET, GUESSES))).toMatchSnapshot();
  });

  it('should show the question only as plain text runs, never as Markdown', () => {
    const card = content(ticketCard(TICKET, GUESSES));
    const markdownBlocks = card.body.filter((element) => element.type === 'TextBlock').map((element) => element.text as string);
    expect(markdownBlocks.join('\n')).not.toContain('](https://evil.example)');
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: TICKET.question }] });
  });

  it('should escape Markdown in asker name and Kommune and keep them on one line', () => {
    const facts = content(ticketCard(TICKET, GUESSES)).body.find((element) => element.type === 'FactSet')!.facts as Array<{ title: string; value: string }>;
    expect(facts.find((fact) => fact.title === 'Von')!.value).toBe('Erika \\*Muster\\*');
    expect(facts.find((fact) => fact.title === 'Kommune / Kontext')!.value).toBe('Stadt \\[Hamm\\]\\(https://evil.example\\) Zeile 2');
  });

  it.each<[TicketStatus, string[]]>([
    ['open', [TicketVerb.Take, TicketVerb.Answer, TicketVerb.Close]],
    ['assigned', [TicketVerb.Answer, TicketVerb.Close]],
    ['answered', [TicketVerb.Close, TicketVerb.Reopen]],
    ['closed', [TicketVerb.Reopen]],
  ])('should offer for a %s ticket exactly the actions %j', (status, expected) => {
    const card = content(ticketCard({ ...TICKET, status, assignee: { id: '29:lea', name: 'Lea' } }, GUESSES));
    expect(verbs(card)).toEqual(expected);
    expect(texts(card)).toContain({ open: 'Offen', assigned: 'In Bearbeitung', answered: 'Beantwortet', closed: 'Geschlossen' }[status]);
  });

  it.each<[TicketStatus, string]>([
    ['open', 'Neue Frage LAKI-2026-0042'],
    ['assigned', 'Frage LAKI-2026-0042 · In Bearbeitung'],
    ['answered', 'Frage LAKI-2026-0042 · Beantwortet'],
    ['closed', 'Frage LAKI-2026-0042 · Geschlossen'],
  ])('should title a %s ticket "%s"', (status, title) => {
    const attachment = ticketCard({ ...TICKET, status, assignee: { id: '29:lea', name: 'Lea' } }, GUESSES);
    expect(content(attachment).body[0].text).toBe(title);
    expect(JSON.stringify(content(attachment))).not.toContain(status === 'open' ? 'Frage LAKI-2026-0042 ·' : 'Neue Frage');
  });

  it.each<TicketStatus>(['open', 'assigned', 'answered', 'closed'])(
    'should never offer on a %s ticket an action the state machine refuses',
    (status) => {
      const actionOf: Record<string, TicketAction> = {
        [TicketVerb.Take]: 'take',
        [TicketVerb.Answer]: 'answer',
        [TicketVerb.Close]: 'close',
        [TicketVerb.Reopen]: 'reopen',
      };
      const card = content(ticketCard({ ...TICKET, status, assignee: { id: '29:lea', name: 'Lea' } }, GUESSES));
      for (const verb of verbs(card)) expect(TICKET_TRANSITIONS[actionOf[verb]!]).toContain(status);
    },
  );

  it('should list best guesses by title only, never by their raw id', () => {
    const guesses = [...GUESSES, { id: 'handlungsfelder-ueberblick', title: 'Handlungsfelder im Überblick' }];
    const card = content(ticketCard({ ...TICKET, bestGuessIds: guesses.map((guess) => guess.id) }, guesses));
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '• Förderung der KI' }] });
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '• Handlungsfelder im Überblick' }] });
    expect(texts(card)).not.toContain('(handlungsfelder-ueberblick)');
    expect(texts(card)).not.toContain('(foerderung)');
  });

  it('should show who answered and when, and the answer as plain text', () => {
    const answered: Ticket = {
      ...TICKET,
      status: 'answered',
      answer: 'Siehe [hier](https://x.example).',
      answeredBy: { id: '29:lea', name: 'Lea LaKI' },
      answeredAt: new Date('2026-03-11T14:30:00Z'),
    };
    const card = content(ticketCard(answered, []));
    expect(texts(card)).toContain('Beantwortet von Lea LaKI am 11.03.2026, 15:30');
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Siehe [hier](https://x.example).' }] });
    expect(texts(card)).toContain('Keine passenden Einträge gefunden.');
  });
});

describe('askerUpdateCard', () => {
  it('should deliver the answer with the number, the question and "Hilfreich?" buttons', () => {
    const card = content(askerUpdateCard(TICKET, { notice: 'answered', answer: 'Ja, **so**.', answeredBy: 'Lea LaKI' }));
    expect(card).toMatchSnapshot();
    expect(texts(card)).toContain('LAKI-2026-0042');
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: TICKET.question, italic: true }] });
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Ja, **so**.' }] });
    expect(card.actions!.map((action) => action.data)).toEqual([
      { verb: TicketVerb.Feedback, ticketNumber: 'LAKI-2026-0042', helpful: true },
      { verb: TicketVerb.Feedback, ticketNumber: 'LAKI-2026-0042', helpful: false },
    ]);
  });

  it.each([
    ['taken', 'Ihre Frage LAKI-2026-0042 wird bearbeitet'],
    ['closed', 'Ihre Frage LAKI-2026-0042 wurde geschlossen'],
  ] as const)('should tell the asker their ticket was %s', (notice, title) => {
    const card = content(askerUpdateCard({ ...TICKET, assignee: { id: '29:lea', name: 'Lea' } }, { notice }));
    expect(card.body[0].text).toBe(title);
    expect(card.actions).toBeUndefined();
  });
});

describe('askerUpdateCard without a LaKI member\'s name', () => {
  it.each([
    ['taken', { notice: 'taken' } as const, 'Die LaKI kümmert sich um Ihre Frage. Sie erhalten die Antwort hier im Chat.'],
    ['answered', { notice: 'answered', answer: 'Ja.' } as const, 'Antwort der LaKI:'],
  ])('should name the LaKI itself when %s has no name', (_notice, payload, line) => {
    const card = content(askerUpdateCard({ ...TICKET, assignee: undefined }, payload));
    expect(card.body.map((element) => element.text)).toContain(line);
  });
});

describe('draftCard', () => {
  it('should show the editable question, an optional Kommune field, the sender and Absenden/Abbrechen', () => {
    const card = content(draftCard({ question: 'Frage mit [Link](https://x.example)', askerName: 'Erika _M_', draftId: 'draft-1' }));
    expect(card).toMatchSnapshot();
    expect(card.body.find((element) => element.id === 'question')).toMatchObject({ type: 'Input.Text', value: 'Frage mit [Link](https://x.example)', isRequired: true, maxLength: 1000 });
    expect(card.body.find((element) => element.id === 'kommune')).toMatchObject({ type: 'Input.Text', maxLength: 200 });
    expect(texts(card)).toContain('Erika \\\\_M\\\\_');
    expect(card.actions!.map((action) => [action.title, action.data])).toEqual([
      ['Absenden', { verb: EscalationVerb.Submit, draftId: 'draft-1' }],
      ['Abbrechen', { verb: EscalationVerb.Cancel, draftId: 'draft-1' }],
    ]);
  });

  it('should offer forwarding as a submit action carrying the question', () => {
    expect(forwardToLakiAction('Frage?')).toEqual({ type: 'Action.Submit', title: 'An die LaKI weiterleiten', data: { verb: EscalationVerb.Start, question: 'Frage?' } });
  });
});

describe('myTicketsCard', () => {
  it('should list number, status, date and the question as plain text', () => {
    const card = content(myTicketsCard([{ ...TICKET, status: 'answered' }]));
    expect(texts(card)).toContain('**LAKI-2026-0042** · Beantwortet · 10.03.2026, 10:00');
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: TICKET.question }] });
  });

  it('should open an answered ticket\'s answer in place with one click, and show none for an open one', () => {
    const answered = { ...TICKET, status: 'answered' as const, answer: 'Ja, **so**.', answeredAt: new Date('2026-03-11T09:00:00Z') };
    const card = content(myTicketsCard([answered, { ...TICKET, id: 't2', number: 'LAKI-2026-0043' }]));
    const toggles = card.body.filter((element) => element.type === 'ActionSet').flatMap((set) => set.actions);
    expect(toggles).toEqual([
      { type: 'Action.ToggleVisibility', title: 'Antwort zu LAKI-2026-0042 anzeigen', targetElements: ['answer-t1'] },
    ]);
    const hidden = card.body.find((element) => element.id === 'answer-t1')!;
    expect(hidden.isVisible).toBe(false);
    expect(JSON.stringify(hidden.items)).toContain('Antwort der LaKI vom 11.03.2026, 10:00:');
    // LaKI's text as plain text: Markdown characters are shown, not interpreted.
    expect(hidden.items).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Ja, **so**.' }] });
  });

  it('should say so when there are no tickets', () => {
    expect(texts(content(myTicketsCard([])))).toContain('Sie haben noch keine Fragen an die LaKI weitergeleitet.');
  });
});

describe('draftSentCard', () => {
  it('should show the ticket number and what was sent as plain text, with no buttons', () => {
    const card = content(draftSentCard(TICKET));
    expect(card).toMatchSnapshot();
    expect(card.actions ?? []).toEqual([]);
    expect(card.body).toContainEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: TICKET.question, italic: true }] });
    expect(texts(card)).toContain('An die LaKI weitergeleitet: LAKI-2026-0042');
    expect(texts(card)).not.toContain('[Hamm](https://evil.example)');
  });

  it('should say what happens next and show the Kommune as a fact, not as the form field', () => {
    const card = content(draftSentCard(TICKET));
    expect(texts(card)).toContain('Sie erhalten die Antwort hier im Chat.');
    expect(texts(card)).not.toContain('(optional)');
    const facts = card.body.find((element) => element.type === 'FactSet')!.facts as Array<{ title: string; value: string }>;
    expect(facts.map((fact) => fact.title)).toEqual(['Kommune / Kontext']);
    expect(texts(content(draftSentCard({ ...TICKET, kommune: undefined })))).not.toContain('Kommune');
  });
});
