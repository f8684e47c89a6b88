import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { Messages, verbForLog } from '../chat';

/** Handles an error that escaped a route; installed with `app.error(...)`. */
export type TurnErrorHandler = (context: TurnContext, error: Error) => Promise<void>;

/**
 * The bot's one error handler: logs the error with the turn's context (never the user's text)
 * and tells the user in German that something went wrong. A failure to send that message is
 * logged too, never thrown, so the adapter always answers the HTTP request.
 */
export function createErrorHandler(logger: Logger): TurnErrorHandler {
  return async (context, error) => {
    const activity = context.activity;
    logger.error(
      {
        err: error,
        activityType: activity?.type,
        activityId: activity?.id,
        conversationId: activity?.conversation?.id,
        conversationType: activity?.conversation?.conversationType,
        channelId: activity?.channelId,
        verb: activity?.value === undefined ? undefined : verbForLog(activity.value),
      },
      'bot turn failed',
    );
    if (activity?.type !== ActivityTypes.Message) return;
    try {
      await context.sendActivity(Messages.turnError);
    } catch (sendError) {
      logger.warn({ err: sendError, conversationId: activity.conversation?.id }, 'could not send the error message');
    }
  };
}
