import type { Attachment } from 'botbuilder';
import { Messages } from '../chat';
import { adaptiveCardAttachment, CardAction, heading, paragraph } from './elements';

export interface NotHelpfulCardOptions {
  /** Extra card-level actions; the escalation feature adds "An die LaKI weiterleiten" here. */
  readonly extraActions?: readonly CardAction[];
}

/** The reply to "Hilfreich? Nein": thanks, and what the user can try next. */
export function notHelpfulCard(options: NotHelpfulCardOptions = {}): Attachment {
  return adaptiveCardAttachment(
    [heading(Messages.feedbackNotHelpfulTitle), paragraph(Messages.feedbackNotHelpfulText)],
    [...(options.extraActions ?? [])],
    `${Messages.feedbackNotHelpfulTitle} ${Messages.feedbackNotHelpfulText}`,
  );
}
