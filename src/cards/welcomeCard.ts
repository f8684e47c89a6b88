import type { Attachment } from 'botbuilder';
import { Messages } from '../chat';
import { adaptiveCardAttachment, CardElement, heading, paragraph } from './elements';
import { exampleButtons } from './exampleButtons';

/**
 * Sent when the bot is installed: what it knows and a few example questions as buttons.
 * The examples must be questions the knowledge base answers.
 */
export function welcomeCard(examples: readonly string[]): Attachment {
  const body: CardElement[] = [
    heading(Messages.welcomeTitle),
    paragraph(Messages.welcomeIntro),
    paragraph(Messages.welcomeTopics),
  ];
  if (examples.length > 0) {
    body.push(paragraph(Messages.welcomeExamplesHeading, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(exampleButtons(examples));
  }
  body.push(paragraph(Messages.welcomeOutro, { isSubtle: true, spacing: 'Medium' }));
  return adaptiveCardAttachment(body, [], `${Messages.welcomeTitle}. ${Messages.welcomeIntro}`);
}
