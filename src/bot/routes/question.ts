import type { Application } from '@microsoft/teams-ai';
import { Activity, TurnContext } from 'botbuilder';
import { messageLines, Messages } from '../../chat';
import { MAX_QUESTION_LENGTH } from '../../config';
import type { AppTurnState } from '../state';
import { RouteDeps, sendTyping } from './context';
import { answerMessage } from './message';

/**
 * Answers a message: typing indicator, then the whole message read against the current
 * knowledge base and the person's last topic (see `answerMessage`). Empty or oversized text
 * gets a short German pointer instead. Used for typed questions and example-question buttons.
 */
export async function answerQuestion(
  deps: RouteDeps,
  context: TurnContext,
  rawQuestion: string,
  state?: AppTurnState,
): Promise<void> {
  const question = messageLines(rawQuestion);
  if (!question) {
    await context.sendActivity(Messages.textOnly);
    return;
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    await context.sendActivity(Messages.questionTooLong(MAX_QUESTION_LENGTH));
    return;
  }
  await sendTyping(context, deps.logger);
  await answerMessage(deps, context, state, question);
}

/**
 * The catch-all: every text message no earlier route took is a question. Register it last.
 */
export function registerQuestionRoute(app: Application<AppTurnState>, deps: RouteDeps): void {
  app.message(/[\s\S]*/, async (context, state) => {
    await answerQuestion(deps, context, questionTextOf(context.activity), state);
  });
}

/** A mention in a message's HTML (`<at id="0">LaKI-Assistent</at>`) and its text. */
const MENTION = /<at\b[^>]*>([\s\S]*?)<\/at>/gi;

/**
 * The text of a message activity with the user's line breaks. Teams joins a message's lines with
 * spaces in `text` and keeps them only in the `text/html` attachment it sends beside it; a pasted
 * e-mail's header and signature, or a list of questions, are lines to the analyzer. That HTML is
 * read when it says what `text` says (a mention the bot already removed from `text` dropped from it
 * too); otherwise, and for clients that send no HTML, `text` as it is.
 */
export function questionTextOf(activity: Pick<Activity, 'text' | 'attachments'>): string {
  const text = activity.text ?? '';
  const html = activity.attachments?.find((attachment) => attachment.contentType === 'text/html' && typeof attachment.content === 'string')?.content as string | undefined;
  if (!html) return text;
  const oneLine = (lines: string) => messageLines(lines).replace(/\s+/g, ' ');
  const withoutRemovedMentions = html.replace(MENTION, (mention, name: string) => (oneLine(text).includes(oneLine(name)) ? mention : ' '));
  return oneLine(withoutRemovedMentions) === oneLine(text) ? withoutRemovedMentions : text;
}
