import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, MessageFactory, TurnContext } from 'botbuilder';
import type { z } from 'zod/v4';
import { notHelpfulCard } from '../../cards';
import { collectActions } from '../extensions';
import {
  Messages,
  askPayloadSchema,
  feedbackPayloadSchema,
  noneFitsPayloadSchema,
  parseSubmit,
  showEntryPayloadSchema,
  verbForLog,
  Verb,
} from '../../chat';
import type { AppTurnState } from '../state';
import { recordEvent, RouteDeps } from './context';
import { rememberTopic } from './message';
import { answerQuestion } from './question';
import { buildAnswerCard, sendAnswer, sendNoAnswer } from './replies';

/** Parses a submitted payload of the bot's own cards; an invalid one gets {@link Messages.invalidCardAction}. */
function parsePayload<T extends z.ZodType>(
  deps: RouteDeps,
  context: TurnContext,
  schema: T,
  data: unknown,
): Promise<z.infer<T> | undefined> {
  return parseSubmit(context, schema, data, { logger: deps.logger, reply: Messages.invalidCardAction });
}

/** Routes for the bot's own card buttons (see {@link Verb}). */
export function registerCardActionRoutes(app: Application<AppTurnState>, deps: RouteDeps): void {
  app.adaptiveCards.actionSubmit(Verb.Ask, async (context, state, data) => {
    const payload = await parsePayload(deps, context, askPayloadSchema, data);
    if (payload) await answerQuestion(deps, context, payload.question, state);
  });

  app.adaptiveCards.actionSubmit(Verb.ShowEntry, async (context, state, data) => {
    const payload = await parsePayload(deps, context, showEntryPayloadSchema, data);
    if (!payload) return;
    const knowledge = deps.knowledge.current();
    const entry = knowledge.getEntry(payload.entryId);
    if (!entry) {
      deps.logger.info({ entryId: payload.entryId }, 'card asked for an unknown entry');
      await context.sendActivity(Messages.unknownEntry);
      return;
    }
    await sendAnswer(deps, context, knowledge, entry, payload.question);
    // The entry the user chose is what a follow-up refers to now.
    rememberTopic(deps, state, entry.id);
    if (payload.origin === 'suggestion') {
      await recordEvent(deps, { kind: 'suggestion-chosen', question: payload.question, entryId: entry.id });
    }
  });

  app.adaptiveCards.actionSubmit(Verb.Feedback, async (context, _state, data) => {
    const payload = await parsePayload(deps, context, feedbackPayloadSchema, data);
    if (!payload) return;
    await recordEvent(deps, {
      kind: payload.helpful ? 'feedback-helpful' : 'feedback-not-helpful',
      question: payload.question,
      entryId: payload.entryId,
    });
    const cardUpdated = await markFeedbackGiven(deps, context, payload.entryId, payload.question);
    if (payload.helpful) {
      if (!cardUpdated) await context.sendActivity(Messages.feedbackThanks);
      return;
    }
    const extraActions = collectActions(deps.extensions, 'notHelpful', payload.entryId, payload.question);
    await context.sendActivity(MessageFactory.attachment(notHelpfulCard({ extraActions })));
  });

  app.adaptiveCards.actionSubmit(Verb.NoneFits, async (context, _state, data) => {
    const payload = await parsePayload(deps, context, noneFitsPayloadSchema, data);
    if (payload) await sendNoAnswer(deps, context, payload.question);
  });
}

/**
 * A message without text whose `value` no verb route took: a card action from an old or forged
 * card. Register after every verb route (including extensions').
 */
export function registerUnknownCardActionRoute(app: Application<AppTurnState>, deps: RouteDeps): void {
  app.message(
    async (context) => isValueOnlyMessage(context),
    async (context) => {
      deps.logger.warn({ verb: verbForLog(context.activity.value) }, 'unknown card action');
      await context.sendActivity(Messages.invalidCardAction);
    },
  );
}

/**
 * A message with neither text nor a card payload object (an image, a sticker, `value: null`).
 * Register first: teams-ai's submit selectors do not expect a `null` value.
 */
export function registerNonTextRoute(app: Application<AppTurnState>): void {
  app.message(
    async (context) => {
      const activity = context.activity;
      return activity.type === ActivityTypes.Message && !activity.text && !isPlainObject(activity.value);
    },
    async (context) => {
      const hasValue = context.activity.value !== undefined && context.activity.value !== null;
      await context.sendActivity(hasValue ? Messages.invalidCardAction : Messages.textOnly);
    },
  );
}

/**
 * Replaces the rated answer card (the activity the click came from) with one that thanks
 * instead of asking again, so an answer is rated once. Non-critical: returns `false` and logs
 * when there is no card to update or the update fails.
 */
async function markFeedbackGiven(
  deps: RouteDeps,
  context: TurnContext,
  entryId: string,
  question: string | undefined,
): Promise<boolean> {
  const cardActivityId = context.activity.replyToId;
  const knowledge = deps.knowledge.current();
  const entry = knowledge.getEntry(entryId);
  if (!cardActivityId || !entry) return false;
  try {
    await context.updateActivity({
      id: cardActivityId,
      type: ActivityTypes.Message,
      attachments: [buildAnswerCard(deps, knowledge, entry, question, true)],
    });
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, conversationId: context.activity.conversation?.id }, 'could not update the rated answer card');
    return false;
  }
}

function isValueOnlyMessage(context: TurnContext): boolean {
  const activity = context.activity;
  return activity.type === ActivityTypes.Message && !activity.text && isPlainObject(activity.value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
