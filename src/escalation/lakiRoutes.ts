/**
 * LaKI's side of escalation: "Übernehmen", "Antworten", "Schließen" and "Wieder öffnen" on the
 * ticket card, accepted only from the configured LaKI channel. The service changes the ticket;
 * the outbox delivers what follows (card update, message to the asker).
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppTurnState } from '../bot';
import { verbForLog } from '../chat';
import type { EscalationExtensionDeps } from './extension';
import { EscalationMessages as M } from './messages';
import { parseTicketAction } from './payloads';
import { isFromLakiChannel } from './security';
import type { Actor } from './ticket';
import { userMessageFor } from './userMessages';
import { TicketVerb } from './verbs';

/** Registers the ticket card's actions on `app`. */
export function registerLakiRoutes(app: Application<AppTurnState>, deps: EscalationExtensionDeps): void {
  const { logger, service } = deps;

  async function ticketAction(context: TurnContext, data: unknown): Promise<void> {
    const activity = context.activity;
    if (!deps.lakiChannel || !isFromLakiChannel(activity, deps.lakiChannel)) {
      logger.warn(
        {
          verb: verbForLog(data),
          conversationType: activity.conversation?.conversationType,
          conversationId: activity.conversation?.id,
          fromId: activity.from?.id,
          tenantId: (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id,
        },
        'ticket action refused: not from the LaKI channel',
      );
      await context.sendActivity(M.notFromLakiChannel);
      return;
    }
    const request = parseTicketAction(data);
    if (!request) {
      logger.warn({ verb: verbForLog(data) }, 'invalid ticket action payload');
      await context.sendActivity(M.invalidAction);
      return;
    }
    const actor: Actor = {
      id: activity.from?.id ?? '',
      name: activity.from?.name?.trim() || M.unknownAskerName,
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
    };
    try {
      // The card pressed may be one the ticket does not know (a repeat after a crash): it is updated too.
      const pressedOn = activity.conversation?.id && activity.replyToId ? { threadId: activity.conversation.id, activityId: activity.replyToId } : undefined;
      const { ticket, changed } = await service.act(request.action, request.ticketNumber, actor, request.answer, pressedOn);
      logger.info({ ticket: ticket.number, action: request.action, status: ticket.status, changed }, 'ticket action');
    } catch (error) {
      const reply = userMessageFor(error);
      if (!reply) throw error;
      logger.info({ ticket: request.ticketNumber, action: request.action, reason: (error as Error).name }, 'ticket action refused');
      await context.sendActivity(reply);
    }
  }

  for (const verb of [TicketVerb.Take, TicketVerb.Answer, TicketVerb.Close, TicketVerb.Reopen]) {
    app.adaptiveCards.actionSubmit(verb, (context, _state, data) => ticketAction(context, data));
  }
}
