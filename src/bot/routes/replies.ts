/**
 * The bot's replies to a question: the answer card, "Meinten Sie …" and the honest no-answer
 * card, each with the extensions' actions. Shared by the question route and the card verbs.
 */
import { Attachment, MessageFactory, TurnContext } from 'botbuilder';
import { answerCard, noAnswerCard, suggestCard } from '../../cards';
import type { Entry, KnowledgeBase } from '../../knowledge';
import { collectActions } from '../extensions';
import type { RouteDeps } from './context';

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
  feedbackGiven: boolean | { readonly helpful: boolean } = false,
): Attachment {
  const related = entry.related.flatMap((id) => {
    const other = knowledge.getEntry(id);
    return other ? [other] : [];
  });
  const extraActions = collectActions(deps.extensions, 'answer', entry, question);
  const rating = typeof feedbackGiven === 'object' ? { feedbackChoice: feedbackGiven.helpful } : { feedbackGiven };
  return answerCard(entry, { related, question, extraActions, ...rating });
}

/** Sends "Meinten Sie …" for `question` with the extensions' actions. */
export async function sendSuggestions(
  deps: RouteDeps,
  context: TurnContext,
  question: string,
  suggestions: readonly Entry[],
): Promise<void> {
  const extraActions = collectActions(deps.extensions, 'suggest', question, suggestions);
  await context.sendActivity(MessageFactory.attachment(suggestCard(question, suggestions, { extraActions })));
}

/**
 * Sends the honest no-answer card with the topics near the question (`nearby`, none after "Nichts
 * davon passt") and the extensions' actions (e.g. forwarding to the LaKI).
 */
export async function sendNoAnswer(deps: RouteDeps, context: TurnContext, question: string, nearby: readonly Entry[] = []): Promise<void> {
  const extraActions = collectActions(deps.extensions, 'noAnswer', question);
  await context.sendActivity(MessageFactory.attachment(noAnswerCard(question, { extraActions, nearby })));
}
