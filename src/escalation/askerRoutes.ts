/**
 * The asker's side of escalation: "An die LaKI weiterleiten" / "LaKI fragen: …" shows a draft
 * card, "Absenden" forwards it (once, by its draft id), "Abbrechen" drops it, "Meine Fragen" lists
 * the asker's tickets, and "Hilfreich?" under LaKI's answer is acknowledged.
 */
import { randomUUID } from 'node:crypto';
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { z } from 'zod/v4';
import type { AppTurnState } from '../bot';
import { parseSubmit, plainMessageText } from '../chat';
import { draftCard } from './cards/draftCard';
import { draftSentCard } from './cards/draftSentCard';
import { myTicketsCard } from './cards/myTicketsCard';
import type { EscalationExtensionDeps } from './extension';
import { EscalationMessages as M } from './messages';
import {
  escalationCancelPayloadSchema,
  escalationStartPayloadSchema,
  escalationSubmitPayloadSchema,
  ticketFeedbackPayloadSchema,
} from './payloads';
import { DRAFT_LIMITS } from './service';
import type { Ticket } from './ticket';
import { userMessageFor } from './userMessages';
import { EscalationVerb, TicketVerb } from './verbs';

/** "LaKI fragen: <Frage>" typed in the chat: the same as pressing "An die LaKI weiterleiten". */
export const ASK_LAKI_PATTERN = /^\s*laki\s+fragen\s*:/i;
/** "Meine Fragen" on its own: the asker's tickets with status. */
export const MY_TICKETS_PATTERN = /^\s*meine\s+fragen\s*[.!?]?\s*$/i;

/** Drafts kept per conversation (oldest dropped first), so the state stays small. */
export const MAX_OPEN_DRAFTS = 20;

/** The conversation state this feature keeps: drafts shown and not yet cancelled. */
export const DRAFTS_STATE_KEY = 'escalationDrafts';

/** A draft card the bot showed, kept in the persisted turn state until "Abbrechen". */
interface OpenDraft {
  readonly issuedAt: string;
  /**
   * Who the draft was shown to: in a channel or group chat others see the card too, and the
   * card names this person as the sender. Absent in drafts stored before it was recorded.
   */
  readonly userId?: string;
}

/** Registers the asker's routes on `app`, in the order the bot routes them. */
export function registerAskerRoutes(app: Application<AppTurnState>, deps: EscalationExtensionDeps): void {
  const newDraftId = deps.newDraftId ?? randomUUID;
  const clock = deps.clock ?? (() => new Date());
  const { logger, service } = deps;

  /** Parses a submit; an invalid one gets a clear reply and a log line without user text. */
  function parse<T extends z.ZodType>(context: TurnContext, schema: T, data: unknown): Promise<z.infer<T> | undefined> {
    return parseSubmit(context, schema, data, { logger, reply: M.invalidAction });
  }

  function openDrafts(state: AppTurnState): Record<string, OpenDraft> {
    const stored = state.conversation[DRAFTS_STATE_KEY];
    return stored && typeof stored === 'object' ? (stored as Record<string, OpenDraft>) : {};
  }

  /** Shows the draft card and remembers it in the (persisted) conversation state. */
  async function showDraft(context: TurnContext, state: AppTurnState, question: string): Promise<void> {
    const draftId = newDraftId();
    const draft: OpenDraft = { issuedAt: clock().toISOString(), userId: context.activity.from?.id };
    const drafts = Object.entries({ ...openDrafts(state), [draftId]: draft })
      .sort(([, a], [, b]) => a.issuedAt.localeCompare(b.issuedAt))
      .slice(-MAX_OPEN_DRAFTS);
    state.conversation[DRAFTS_STATE_KEY] = Object.fromEntries(drafts);
    const card = draftCard({ question: cleanQuestion(question), askerName: askerNameOf(context.activity), draftId });
    await context.sendActivity(MessageFactory.attachment(card));
  }

  /**
   * True when someone other than the person a draft was shown to pressed its button; they are
   * told so, and nothing is sent or cancelled.
   */
  async function refusedAsNotOwn(context: TurnContext, draft: OpenDraft | undefined): Promise<boolean> {
    if (!draft?.userId || draft.userId === context.activity.from?.id) return false;
    logger.warn({ conversationType: context.activity.conversation?.conversationType }, 'escalation draft pressed by another user');
    await context.sendActivity(M.draftNotYours);
    return true;
  }

  async function submit(context: TurnContext, state: AppTurnState, data: unknown): Promise<void> {
    const payload = await parse(context, escalationSubmitPayloadSchema, data);
    if (!payload) return;
    const question = payload.question ?? '';
    const draft = openDrafts(state)[payload.draftId];
    if (await refusedAsNotOwn(context, draft)) return;
    if (!draft) {
      // Sent long ago (its draft since dropped from the state): say so, never send it again.
      const sent = await service.ticketForDraft(context.activity.from?.id ?? '', payload.draftId);
      if (sent) {
        await context.sendActivity(M.alreadySent(sent.number));
        return;
      }
      // Cancelled, or from before the state was lost: nothing goes out without a fresh "Absenden".
      logger.info({ conversationType: context.activity.conversation?.conversationType }, 'escalation draft is not open');
      await context.sendActivity(M.draftExpired);
      await showDraft(context, state, question);
      return;
    }
    const activity = context.activity;
    try {
      const result = await service.escalate({
        question,
        kommune: payload.kommune,
        askerName: askerNameOf(activity),
        askerUserId: activity.from?.id ?? '',
        askerAadObjectId: activity.from?.aadObjectId,
        conversationReference: TurnContext.getConversationReference(activity),
        idempotencyKey: payload.draftId,
      });
      switch (result.outcome) {
        case 'created':
          logger.info({ ticket: result.ticket.number }, 'question forwarded to the LaKI');
          // The sent card is the confirmation; the text only when the card could not be replaced.
          if (!(await markDraftSent(context, result.ticket))) await context.sendActivity(M.confirmation(result.ticket.number));
          return;
        case 'duplicate':
          logger.info({ ticket: result.ticket.number }, 'repeated "Absenden": no second ticket');
          await context.sendActivity(M.alreadySent(result.ticket.number));
          return;
        case 'rate-limited':
          logger.warn({ limit: result.limit }, 'escalation refused: per-user limit reached');
          await context.sendActivity(M.rateLimited(result.limit));
          return;
      }
    } catch (error) {
      const reply = userMessageFor(error);
      if (!reply) throw error;
      await context.sendActivity(reply);
    }
  }

  /**
   * Replaces the draft card (the activity the click came from) with what was sent, so there is
   * no "Absenden" left to press. True when replaced; non-critical: a failure is logged, and the
   * caller confirms by message instead.
   */
  async function markDraftSent(context: TurnContext, ticket: Ticket): Promise<boolean> {
    const cardActivityId = context.activity.replyToId;
    if (!cardActivityId) return false;
    try {
      await context.updateActivity({ id: cardActivityId, type: ActivityTypes.Message, attachments: [draftSentCard(ticket)] });
      return true;
    } catch (error) {
      logger.warn({ err: error, ticket: ticket.number }, 'could not replace the sent draft card');
      return false;
    }
  }

  app.message(ASK_LAKI_PATTERN, async (context, state) => {
    await showDraft(context, state, plainMessageText(context.activity.text ?? '').replace(ASK_LAKI_PATTERN, ''));
  });
  app.message(MY_TICKETS_PATTERN, async (context) => {
    if (context.activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(M.myTicketsPersonalOnly);
      return;
    }
    const userId = context.activity.from?.id;
    const tickets = userId ? await service.listForUser(userId) : [];
    await context.sendActivity(MessageFactory.attachment(myTicketsCard(tickets)));
  });
  app.adaptiveCards.actionSubmit(EscalationVerb.Start, async (context, state, data) => {
    const payload = await parse(context, escalationStartPayloadSchema, data);
    if (payload) await showDraft(context, state, payload.question ?? '');
  });
  app.adaptiveCards.actionSubmit(EscalationVerb.Submit, (context, state, data) => submit(context, state, data));
  app.adaptiveCards.actionSubmit(EscalationVerb.Cancel, async (context, state, data) => {
    const payload = await parse(context, escalationCancelPayloadSchema, data);
    if (!payload) return;
    if (await refusedAsNotOwn(context, openDrafts(state)[payload.draftId])) return;
    const { [payload.draftId]: _cancelled, ...rest } = openDrafts(state);
    state.conversation[DRAFTS_STATE_KEY] = rest;
    await context.sendActivity(M.draftCancelled);
  });
  app.adaptiveCards.actionSubmit(TicketVerb.Feedback, async (context, _state, data) => {
    const payload = await parse(context, ticketFeedbackPayloadSchema, data);
    if (!payload) return;
    logger.info({ ticket: payload.ticketNumber, helpful: payload.helpful }, 'feedback on a LaKI answer');
    await context.sendActivity(M.feedbackThanks);
  });
}

/** The asker's display name as Teams sends it; the draft card shows what LaKI will see. */
function askerNameOf(activity: Partial<Activity>): string {
  return activity.from?.name?.trim().slice(0, DRAFT_LIMITS.askerName) || M.unknownAskerName;
}

function cleanQuestion(text: string): string {
  return plainMessageText(text).slice(0, DRAFT_LIMITS.question);
}
