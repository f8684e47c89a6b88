import type { Application } from '@microsoft/teams-ai';
import { Attachment, MessageFactory, TurnContext } from 'botbuilder';
import { answerCard, noAnswerCard, suggestCard } from '../../cards';
import type { Entry, KnowledgeBase } from '../../knowledge';
import { collectActions } from '../extensions';
import { Messages, plainMessageText } from '../../chat';
import { MAX_QUESTION_LENGTH } from '../../config';
import type { AppTurnState } from '../state';
import { recordEvent, RouteDeps, sendTyping } from './context';

/**
 * Answers one question: typing indicator, match against the current knowledge base, then the
 * answer card, the "Meinten Sie …" card or the honest no-answer card, and a question-log event.
 * A message of only greetings or filler words gets a short pointer instead of a no-answer card.
 * Used for typed questions and for example-question buttons alike.
 */
export async function answerQuestion(deps: RouteDeps, context: TurnContext, rawQuestion: string): Promise<void> {
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

  const knowledge = deps.knowledge.current();
  const result = knowledge.match(question);
  const score = result.candidates[0]?.score;
  deps.logger.info(
    { outcome: result.outcome, score, entryId: result.answer?.id, declineReason: result.declineReason },
    'question matched',
  );

  if (result.outcome === 'answer' && result.answer) {
    await sendAnswer(deps, context, knowledge, result.answer, question);
    await recordEvent(deps, { kind: 'answered', question, outcome: 'answer', score, entryId: result.answer.id });
    return;
  }
  if (result.outcome === 'suggest' && result.suggestions.length > 0) {
    const extraActions = collectActions(deps.extensions, 'suggest', question, result.suggestions);
    await context.sendActivity(MessageFactory.attachment(suggestCard(question, result.suggestions, { extraActions })));
    await recordEvent(deps, {
      kind: 'suggested',
      question,
      outcome: 'suggest',
      score,
      suggestedIds: result.suggestions.map((entry) => entry.id),
    });
    return;
  }
  if (result.declineReason === 'empty') {
    // Only greetings, thanks or filler words: not a question editors need to see.
    await context.sendActivity(Messages.smallTalk);
    return;
  }
  await sendNoAnswer(deps, context, question);
  await recordEvent(deps, { kind: 'declined', question, outcome: 'none', score });
}

/** Sends the answer card for `entry`, with its related entries and the extensions' actions. */
export async function sendAnswer(
  deps: RouteDeps,
  context: TurnContext,
  knowledge: KnowledgeBase,
  entry: Entry,
  question: string | undefined,
): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(buildAnswerCard(deps, knowledge, entry, question)));
}

/** The answer card for `entry` as the bot shows it: related entries resolved, extensions' actions added. */
export function buildAnswerCard(
  deps: RouteDeps,
  knowledge: KnowledgeBase,
  entry: Entry,
  question: string | undefined,
  feedbackGiven = false,
): Attachment {
  const related = entry.related.flatMap((id) => {
    const other = knowledge.getEntry(id);
    return other ? [other] : [];
  });
  const extraActions = collectActions(deps.extensions, 'answer', entry, question);
  return answerCard(entry, { related, question, extraActions, feedbackGiven });
}

/** Sends the honest no-answer card with the extensions' actions (e.g. forwarding to the LaKI). */
export async function sendNoAnswer(deps: RouteDeps, context: TurnContext, question: string): Promise<void> {
  const extraActions = collectActions(deps.extensions, 'noAnswer', question);
  await context.sendActivity(MessageFactory.attachment(noAnswerCard(question, { extraActions })));
}

/**
 * The catch-all: every text message no earlier route took is a question. Register it last.
 */
export function registerQuestionRoute(app: Application<AppTurnState>, deps: RouteDeps): void {
  app.message(/[\s\S]*/, async (context) => {
    await answerQuestion(deps, context, context.activity.text ?? '');
  });
}
