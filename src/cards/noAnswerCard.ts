import type { Attachment } from 'botbuilder';
import { Messages } from '../chat';
import { adaptiveCardAttachment, CardAction, heading, paragraph } from './elements';
import { plainTextBlock } from './markdown';

export interface NoAnswerCardOptions {
  /** Extra card-level actions; the escalation feature adds "An die LaKI weiterleiten" here. */
  readonly extraActions?: readonly CardAction[];
}

/**
 * The honest answer when the knowledge base does not cover a question: the question as typed
 * (shown literally), that the bot has no verified answer, and what the user can do instead.
 */
export function noAnswerCard(question: string, options: NoAnswerCardOptions = {}): Attachment {
  return adaptiveCardAttachment(
    [
      heading(Messages.noAnswerTitle),
      paragraph(Messages.noAnswerYourQuestion, { isSubtle: true }),
      plainTextBlock(question, { italic: true }),
      paragraph(Messages.noAnswerExplanation, { spacing: 'Medium' }),
      paragraph(Messages.noAnswerHint, { isSubtle: true }),
    ],
    [...(options.extraActions ?? [])],
    `${Messages.noAnswerTitle}. ${Messages.noAnswerExplanation}`,
  );
}
