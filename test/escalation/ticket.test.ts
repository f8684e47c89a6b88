import { EscalationErrorMessage, TicketTransitionError } from '../../src/escalation/errors';
import {
  applyTicketAction,
  formatTicketNumber,
  isTicketNumber,
  MAX_ANSWER_LENGTH,
  type Ticket,
  type TicketAction,
  type TicketStatus,
} from '../../src/escalation/ticket';

const NOW = new Date('2026-03-10T09:00:00Z');
const LEA = { id: '29:lea', name: 'Lea LaKI' };
const MAX = { id: '29:max', name: 'Max LaKI' };

function ticket(status: TicketStatus, extra: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    number: 'LAKI-2026-0042',
    status,
    question: 'Frage?',
    askerName: 'Erika',
    askerUserId: '29:erika',
    askerConversationReference: {},
    bestGuessIds: [],
    idempotencyKey: 'k',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    version: 1,
    ...extra,
  };
}

describe('applyTicketAction', () => {
  it.each<[TicketAction, TicketStatus, TicketStatus | 'refused']>([
    ['take', 'open', 'assigned'],
    ['take', 'assigned', 'assigned'],
    ['take', 'answered', 'refused'],
    ['take', 'closed', 'refused'],
    ['answer', 'open', 'answered'],
    ['answer', 'assigned', 'answered'],
    ['answer', 'answered', 'refused'],
    ['answer', 'closed', 'refused'],
    ['close', 'open', 'closed'],
    ['close', 'assigned', 'closed'],
    ['close', 'answered', 'closed'],
    ['close', 'closed', 'refused'],
    ['reopen', 'open', 'refused'],
    ['reopen', 'assigned', 'refused'],
    ['reopen', 'answered', 'open'],
    ['reopen', 'closed', 'open'],
  ])('should %s a ticket that is %s → %s', (action, from, expected) => {
    const current = ticket(from, from === 'assigned' ? { assignee: MAX } : {});
    const apply = () => applyTicketAction(current, action, LEA, NOW, 'Die Antwort.');
    if (expected === 'refused') {
      expect(apply).toThrow(new TicketTransitionError('LAKI-2026-0042', action, from));
      expect(apply).toThrow(EscalationErrorMessage.transition('LAKI-2026-0042', action, from));
    } else {
      expect(apply()).toMatchObject({ status: expected, updatedAt: NOW });
    }
  });

  it('should record the assignee on take and change nothing when the same person takes again', () => {
    const taken = applyTicketAction(ticket('open'), 'take', LEA, NOW)!;
    expect(taken.assignee).toEqual(LEA);
    expect(applyTicketAction(taken, 'take', LEA, NOW)).toBeUndefined();
    expect(applyTicketAction(taken, 'take', MAX, NOW)!.assignee).toEqual(MAX);
  });

  it('should treat the same answer sent again as no change, and a different one as refused', () => {
    const answered = applyTicketAction(ticket('open'), 'answer', LEA, NOW, 'Die Antwort.')!;
    expect(applyTicketAction(answered, 'answer', MAX, NOW, ' Die Antwort. ')).toBeUndefined();
    expect(() => applyTicketAction(answered, 'answer', MAX, NOW, 'Eine andere.')).toThrow(TicketTransitionError);
  });

  it('should record the trimmed answer, who answered and when', () => {
    const answered = applyTicketAction(ticket('open'), 'answer', LEA, NOW, '  Die Antwort.  ')!;
    expect(answered).toMatchObject({ answer: 'Die Antwort.', answeredBy: LEA, answeredAt: NOW, assignee: LEA });
  });

  it.each([
    ['', 'empty-answer'],
    ['   \n ', 'empty-answer'],
    ['x'.repeat(MAX_ANSWER_LENGTH + 1), 'answer-too-long'],
  ])('should refuse the answer %j with %s', (answer, code) => {
    expect(() => applyTicketAction(ticket('open'), 'answer', LEA, NOW, answer)).toThrow(
      expect.objectContaining({ name: 'TicketTransitionError', code }),
    );
  });
});

describe('ticket numbers', () => {
  it('should format year and zero-padded sequence', () => {
    expect([formatTicketNumber(2026, 42), formatTicketNumber(2026, 12345)]).toEqual(['LAKI-2026-0042', 'LAKI-2026-12345']);
  });

  it.each([
    ['LAKI-2026-0042', true],
    ['LAKI-2026-42', false],
    ['laki-2026-0042', false],
    ['LAKI-2026-0042 ', false],
  ])('should recognise %j as %s', (value, expected) => {
    expect(isTicketNumber(value)).toBe(expected);
  });
});
