import type { Application } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { Messages, plainMessageText } from '../../chat';
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
  const question = plainMessageText(rawQuestion);
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
    await answerQuestion(deps, context, context.activity.text ?? '', state);
  });
}
