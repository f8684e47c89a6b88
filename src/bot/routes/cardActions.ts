import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, MessageFactory, TurnContext } from 'botbuilder';
import type { z } from 'zod/v4';
import { notHelpfulCard } from '../../cards';
import { collectActions } from '../extensions';
import {
  CardActionMessages,
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
    // A nearby topic does not answer the declined question: its card rates the entry alone, so
    // its "Hilfreich?" is not logged as feedback on an answer to that question.
    await sendAnswer(deps, context, knowledge, entry, payload.origin === 'nearby' ? undefined : payload.question);
    // The entry the user chose is what a follow-up refers to now.
    rememberTopic(deps, state, entry.id);
    if (payload.origin === 'suggestion') {
      await recordEvent(deps, { kind: 'suggestion-chosen', question: payload.question, entryId: entry.id });
    } else if (payload.origin === 'nearby') {
      await recordEvent(deps, { kind: 'nearby-opened', question: payload.question, entryId: entry.id });
    }
  });

  app.adaptiveCards.actionSubmit(Verb.Feedback, async (context, state, data) => {
    const payload = await parsePayload(deps, context, feedbackPayloadSchema, data);
    if (!payload) return;
    // Once per person and card: a second click (a stale card, a double click, a client that
    // did not take the update) records nothing and says what was chosen before.
    const earlier = rememberRating(state, context, payload.entryId, payload.helpful);
    if (earlier !== undefined) {
      await markFeedbackGiven(deps, context, payload.entryId, payload.question, earlier);
      await context.sendActivity(CardActionMessages.feedbackAlreadyGiven(earlier));
      return;
    }
    await recordEvent(deps, {
      kind: payload.helpful ? 'feedback-helpful' : 'feedback-not-helpful',
      question: payload.question,
      entryId: payload.entryId,
    });
    const cardUpdated = await markFeedbackGiven(deps, context, payload.entryId, payload.question, payload.helpful);
    if (payload.helpful) {
      if (!cardUpdated) await context.sendActivity(CardActionMessages.feedbackChosen(true));
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
  helpful: boolean,
): Promise<boolean> {
  const cardActivityId = context.activity.replyToId;
  const knowledge = deps.knowledge.current();
  const entry = knowledge.getEntry(entryId);
  if (!cardActivityId || !entry) return false;
  try {
    await context.updateActivity({
      id: cardActivityId,
      type: ActivityTypes.Message,
      attachments: [buildAnswerCard(deps, knowledge, entry, question, { helpful })],
    });
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, conversationId: context.activity.conversation?.id }, 'could not update the rated answer card');
    return false;
  }
}

/** Conversation state key of the ratings given in this conversation (persisted turn state). */
const RATINGS_STATE_KEY = 'answerRatings';
/** Ratings remembered per conversation; older ones are forgotten (their cards are long updated). */
const MAX_REMEMBERED_RATINGS = 100;

/** One rating: which card (its activity id), by whom, of which entry. `userId` lets privacy:delete find it. */
interface Rating {
  readonly cardId: string;
  readonly userId: string;
  readonly entryId: string;
  readonly helpful: boolean;
}

/**
 * Remembers this person's rating of this card and returns `undefined`, or returns the rating
 * they gave before. Without a card id or user id every click counts (nothing to tell them apart).
 */
function rememberRating(state: AppTurnState, context: TurnContext, entryId: string, helpful: boolean): boolean | undefined {
  const cardId = context.activity.replyToId;
  const userId = context.activity.from?.id;
  if (!cardId || !userId) return undefined;
  const stored = state.conversation[RATINGS_STATE_KEY];
  const ratings: Rating[] = Array.isArray(stored) ? (stored as Rating[]) : [];
  const earlier = ratings.find((rating) => rating.cardId === cardId && rating.userId === userId && rating.entryId === entryId);
  if (earlier) return earlier.helpful;
  state.conversation[RATINGS_STATE_KEY] = [...ratings, { cardId, userId, entryId, helpful }].slice(-MAX_REMEMBERED_RATINGS);
  return undefined;
}

function isValueOnlyMessage(context: TurnContext): boolean {
  const activity = context.activity;
  return activity.type === ActivityTypes.Message && !activity.text && isPlainObject(activity.value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
