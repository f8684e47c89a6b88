import type { Attachment } from 'botbuilder';
import { Messages } from '../chat';
import { adaptiveCardAttachment, CardElement, heading, paragraph } from './elements';
import { exampleButtons } from './exampleButtons';

/** The answer to "Hilfe": how to ask, what the bot does not answer, and example questions. */
export function helpCard(examples: readonly string[]): Attachment {
  const body: CardElement[] = [
    heading(Messages.helpTitle),
    paragraph(Messages.helpHowTo),
    paragraph(Messages.helpLimits, { spacing: 'Medium' }),
  ];
  if (examples.length > 0) {
    body.push(paragraph(Messages.welcomeExamplesHeading, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(exampleButtons(examples));
  }
  return adaptiveCardAttachment(body, [], `${Messages.helpTitle}. ${Messages.helpLimits}`);
}
