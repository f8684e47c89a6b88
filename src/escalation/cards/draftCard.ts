/**
 * What the asker sees before anything goes to LaKI: the question (editable), an optional field
 * for their Kommune or context, their name, and "Absenden". A pure function.
 */
import type { Attachment } from 'botbuilder';
import {
  adaptiveCardAttachment,
  heading,
  paragraph,
  submitAction,
  type CardAction,
  escapeMarkdown,
} from '../../cards';
import { EscalationMessages as M } from '../messages';
import { DRAFT_LIMITS } from '../service';
import { DraftInput, EscalationVerb } from '../verbs';

export interface DraftCardOptions {
  readonly question: string;
  readonly askerName: string;
  /** Fresh per card (e.g. `randomUUID()`): the ticket's idempotency key. */
  readonly draftId: string;
}

/** Renders the draft card. */
export function draftCard(options: DraftCardOptions): Attachment {
  return adaptiveCardAttachment(
    [
      heading(M.draftTitle),
      paragraph(M.draftIntro),
      {
        type: 'Input.Text',
        id: DraftInput.Question,
        label: M.draftQuestionLabel,
        value: options.question.slice(0, DRAFT_LIMITS.question),
        isMultiline: true,
        isRequired: true,
        maxLength: DRAFT_LIMITS.question,
        errorMessage: M.questionMissing,
      },
      {
        type: 'Input.Text',
        id: DraftInput.Kommune,
        label: M.draftKommuneLabel,
        placeholder: M.draftKommunePlaceholder,
        maxLength: DRAFT_LIMITS.kommune,
      },
      { type: 'FactSet', facts: [{ title: M.draftSenderLabel, value: escapeMarkdown(options.askerName) }] },
    ],
    [
      submitAction(M.draftSubmit, { verb: EscalationVerb.Submit, draftId: options.draftId }, { style: 'positive' }),
      submitAction(M.draftCancel, { verb: EscalationVerb.Cancel, draftId: options.draftId }, { associatedInputs: 'none' }),
    ],
    M.draftTitle,
  );
}

/** The quiet "An die LaKI weiterleiten" button the bot's cards can append. */
export function forwardToLakiAction(question?: string): CardAction {
  return submitAction(M.forwardAction, { verb: EscalationVerb.Start, ...(question ? { question } : {}) });
}
