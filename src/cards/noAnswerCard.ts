import type { Attachment } from 'botbuilder';
import { Messages } from '../chat';
import type { Entry } from '../knowledge';
import { adaptiveCardAttachment, CardAction, heading, paragraph } from './elements';
import { entryChoices } from './entryChoices';
import { plainTextBlock } from './markdown';

export interface NoAnswerCardOptions {
  /** Extra card-level actions; the escalation feature adds "An die LaKI weiterleiten" here. */
  readonly extraActions?: readonly CardAction[];
  /** Topics the knowledge base holds near the question (the matcher's `nearby`), each a button. */
  readonly nearby?: readonly Entry[];
}

/**
 * The honest answer when the knowledge base does not cover a question: the question as typed
 * (shown literally), that the bot has no verified answer, the topics it holds near the question
 * (plainly not an answer), and what the user can do instead.
 */
export function noAnswerCard(question: string, options: NoAnswerCardOptions = {}): Attachment {
  const nearby = options.nearby ?? [];
  const nearbyTopics = nearby.length
    ? [
        paragraph(Messages.noAnswerNearbyHeading, { weight: 'Bolder', spacing: 'Medium' }),
        paragraph(Messages.noAnswerNearbyIntro, { isSubtle: true }),
        entryChoices(nearby, 'nearby', question),
      ]
    : [];
  return adaptiveCardAttachment(
    [
      heading(Messages.noAnswerTitle),
      paragraph(Messages.noAnswerYourQuestion, { isSubtle: true }),
      plainTextBlock(question, { italic: true }),
      paragraph(Messages.noAnswerExplanation, { spacing: 'Medium' }),
      ...nearbyTopics,
      paragraph(Messages.noAnswerHint, nearby.length ? { isSubtle: true, spacing: 'Medium' } : { isSubtle: true }),
    ],
    [...(options.extraActions ?? [])],
    [`${Messages.noAnswerTitle}. ${Messages.noAnswerExplanation}`, ...(nearby.length ? [`${Messages.noAnswerNearbyHeading}: ${nearby.map((entry) => entry.title).join(' / ')}`] : [])].join(' '),
  );
}
