/**
 * Answering a whole chat message: read it against the person's last topic (follow-ups), then
 * reply to each asked part — one card per part, so every answer keeps its own "Hilfreich?" (a
 * click updates that card in place) and an unanswered part gets its own "An die LaKI
 * weiterleiten" carrying only that part.
 */
import { TurnContext } from 'botbuilder';
import { EnglishMessages, Messages } from '../../chat';
import { askedParts, type KnowledgeBase, type MessageMatch, type PartMatch } from '../../knowledge';
import type { AppTurnState } from '../state';
import { detectEnglish } from '../language';
import { topicAfterAnswer, topicAfterDecline, topicContext, topicWithoutDeclined } from '../topic';
import { recordEvent, RouteDeps } from './context';
import { sendAnswer, sendNoAnswer, sendSuggestions } from './replies';

/** What replying to one part did, so the caller can keep the topic and log the turn. */
type PartOutcome = { readonly kind: 'answered'; readonly entryId: string } | { readonly kind: 'suggested' | 'declined' };

/**
 * Answers a validated, plain-text message. A single question is answered as always (its card
 * echoes and forwards the whole message, whose context helps the LaKI); a message with several
 * questions gets a short note and one card per part, in message order, each echoing and
 * forwarding only its part. An English message gets one English line saying the answer is
 * German. After an answer the topic moves to the (last) answered entry.
 */
export async function answerMessage(
  deps: RouteDeps,
  context: TurnContext,
  state: AppTurnState | undefined,
  question: string,
): Promise<void> {
  const knowledge = deps.knowledge.current();
  const now = deps.clock();
  const stored = state?.topic;
  const topic = topicContext(stored, now);
  // An expired topic is deleted rather than left in the store (not read again this turn:
  // reading the scope would undo the deletion).
  if (state && !topic && (stored?.entryId !== undefined || stored?.declined !== undefined)) state.clearTopic();
  const message = knowledge.matchMessage(question, topic);
  const asked = askedParts(message);
  logMatch(deps, message, asked.length, Boolean(topic));

  if (asked.length === 0) {
    // Only greetings, thanks or filler words: not a question editors need to see. A question
    // of that kind right after the topic expired most likely meant the old topic: ask for it.
    const expired = !topic && stored?.entryId !== undefined;
    await context.sendActivity(expired && question.includes('?') ? Messages.followUpExpired : Messages.smallTalk);
    return;
  }

  const english = (languageOf(message) ?? detectEnglish(question)) === 'en';
  const outcomes: PartOutcome[] = [];
  if (asked.length === 1) {
    // One question: the whole message is what the user asked (and what LaKI would need).
    const single = { ...asked[0], text: question };
    if (english) await context.sendActivity(englishLine([single]));
    outcomes.push(await replyToPart(deps, context, knowledge, single));
  } else {
    await context.sendActivity(english ? `${Messages.multiPartIntro(asked.length)}\n\n${englishLine(asked)}` : Messages.multiPartIntro(asked.length));
    for (const part of asked) outcomes.push(await replyToPart(deps, context, knowledge, part));
  }

  const answered = outcomes.filter((outcome) => outcome.kind === 'answered');
  const last = answered[answered.length - 1];
  if (!state) return;
  if (last?.kind === 'answered') state.topic = topicAfterAnswer(last.entryId, now);
  // A message declined as a whole is what the next turn may lean on ("und wer fördert die?").
  else if (message.declined) state.topic = topicAfterDecline(topic, stored, message.declined, now);
  // Suggestions only: the next turn no longer follows the declined message.
  else if (stored?.declined !== undefined) {
    const kept = topicWithoutDeclined(stored);
    if (kept) state.topic = kept;
    else state.clearTopic();
  }
}

/** Remembers `entryId` as the person's topic (e.g. after a "Meinten Sie …" choice). */
export function rememberTopic(deps: RouteDeps, state: AppTurnState | undefined, entryId: string): void {
  if (state) state.topic = topicAfterAnswer(entryId, deps.clock());
}

/** Sends the card for one asked part and records it in the question log. */
async function replyToPart(deps: RouteDeps, context: TurnContext, knowledge: KnowledgeBase, part: PartMatch): Promise<PartOutcome> {
  const question = part.text;
  const score = part.candidates[0]?.score;
  if (part.outcome === 'answer' && part.answer) {
    await sendAnswer(deps, context, knowledge, part.answer, question);
    await recordEvent(deps, { kind: 'answered', question, outcome: 'answer', score, entryId: part.answer.id });
    return { kind: 'answered', entryId: part.answer.id };
  }
  if (part.outcome === 'suggest' && part.suggestions.length > 0) {
    await sendSuggestions(deps, context, question, part.suggestions);
    await recordEvent(deps, {
      kind: 'suggested',
      question,
      outcome: 'suggest',
      score,
      suggestedIds: part.suggestions.map((entry) => entry.id),
    });
    return { kind: 'suggested' };
  }
  await sendNoAnswer(deps, context, question, part.nearby);
  await recordEvent(deps, { kind: 'declined', question, outcome: 'none', score });
  return { kind: 'declined' };
}

/** The English line for an English message: the answer is German, or there is none. */
function englishLine(parts: readonly PartMatch[]): string {
  return parts.some((part) => part.outcome !== 'none') ? EnglishMessages.answerInGerman : EnglishMessages.noAnswer;
}

/** One log line per message, without its text (question text is logged only at debug). */
function logMatch(deps: RouteDeps, message: MessageMatch, askedParts: number, withTopic: boolean): void {
  const { main } = message;
  deps.logger.info(
    {
      outcome: main.outcome,
      score: main.candidates[0]?.score,
      entryId: main.answer?.id,
      declineReason: main.declineReason,
      parts: askedParts,
      partOutcomes: askedParts > 1 ? message.parts.map((part) => part.outcome) : undefined,
      withTopic,
      resolvedByContext: message.followUp ? true : undefined,
      language: languageOf(message),
    },
    'question matched',
  );
}

/** The language the matcher read the message in, when it reports one (e.g. 'en'). */
function languageOf(message: MessageMatch): string | undefined {
  const language = (message as MessageMatch & { readonly language?: unknown }).language;
  return typeof language === 'string' ? language : undefined;
}
