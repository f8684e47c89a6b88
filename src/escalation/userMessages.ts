/** Turns escalation errors into the short German sentence the bot replies with. */
import { InvalidDraftError, TicketNotFoundError, TicketTransitionError } from './errors';
import { EscalationMessages as M } from './messages';
import { DRAFT_LIMITS } from './service';
import { MAX_ANSWER_LENGTH } from './ticket';

const FIELD_LABELS: Record<string, [label: string, max: number]> = {
  question: [M.fieldLabels.question, DRAFT_LIMITS.question],
  kommune: [M.fieldLabels.kommune, DRAFT_LIMITS.kommune],
  askerName: [M.fieldLabels.askerName, DRAFT_LIMITS.askerName],
};

/**
 * The user-facing text for an error the escalation service throws on bad input or a refused
 * action; `undefined` for anything else (an internal failure the bot's error handler reports).
 */
export function userMessageFor(error: unknown): string | undefined {
  if (error instanceof TicketNotFoundError) return M.ticketNotFound(error.ticketNumber);
  if (error instanceof TicketTransitionError) {
    if (error.code === 'empty-answer') return M.answerEmpty;
    if (error.code === 'answer-too-long') return M.answerTooLong(MAX_ANSWER_LENGTH);
    return M.transitionRefused(error.ticketNumber, error.status);
  }
  if (error instanceof InvalidDraftError) {
    if (error.field === 'question' && error.reason === 'is empty') return M.questionMissing;
    const field = FIELD_LABELS[error.field];
    if (field && error.reason !== 'is empty') return M.fieldTooLong(field[0], field[1]);
  }
  return undefined;
}
