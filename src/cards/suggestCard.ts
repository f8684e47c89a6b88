import type { Attachment } from 'botbuilder';
import type { Entry } from '../knowledge';
import { Messages, type NoneFitsPayload, Verb } from '../chat';
import { actionSet, adaptiveCardAttachment, CardAction, heading, paragraph, submitAction } from './elements';
import { entryChoices } from './entryChoices';
import { plainTextBlock } from './markdown';

export interface SuggestCardOptions {
  /** Extra card-level actions, e.g. "An die LaKI weiterleiten" from the escalation feature. */
  readonly extraActions?: readonly CardAction[];
}

/**
 * "Meinten Sie …": the user's question (shown literally, never as Markdown), one button per
 * candidate entry that opens its answer, and "Nichts davon passt".
 */
export function suggestCard(question: string, entries: readonly Entry[], options: SuggestCardOptions = {}): Attachment {
  const noneFits = submitAction<NoneFitsPayload>(Messages.suggestNoneFits, { verb: Verb.NoneFits, question });
  return adaptiveCardAttachment(
    [
      heading(Messages.suggestTitle),
      paragraph(Messages.suggestIntro, { isSubtle: true }),
      plainTextBlock(question, { italic: true }),
      entryChoices(entries, 'suggestion', question, { spacing: 'Medium' }),
      actionSet([noneFits]),
    ],
    [...(options.extraActions ?? [])],
    `${Messages.suggestTitle} ${entries.map((entry) => entry.title).join(' / ')}`,
  );
}
