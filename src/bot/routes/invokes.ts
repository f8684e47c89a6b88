/**
 * The last word on invokes no other route took. Without it botbuilder answers such an invoke
 * with HTTP 501 and no body, which Teams shows as a generic failure:
 * - `adaptiveCard/action` (a junk value, an unknown verb, a payload that failed its check) gets
 *   the Universal Actions error response (`application/vnd.microsoft.error`, status 400), whose
 *   message Teams shows under the card;
 * - any other invoke gets HTTP 400 with `{ error: { code, message } }` naming the invoke.
 * Register after every other route (extensions included).
 */
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { CardActionMessages, InvokeErrorCode, verbForLog } from '../../chat';
import type { Logger } from '../../logger';
import type { AppTurnState } from '../state';

/** The invoke name of `Action.Execute` (Universal Actions). */
export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** Universal Actions' error response body; Teams shows `value.message`. */
export function universalActionError(message: string): Record<string, unknown> {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}

/** Answers `context`'s invoke with the Universal Actions error (HTTP 200, as Teams expects). */
export async function rejectCardAction(context: TurnContext, message: string = CardActionMessages.invalidExecute): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: universalActionError(message) } });
}

/** Registers the fallback; see the module comment. */
export function registerUnhandledInvokeRoute(app: Application<AppTurnState>, logger: Logger): void {
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      const name = String(context.activity.name ?? '');
      if (name === ADAPTIVE_CARD_ACTION_INVOKE) {
        const action = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action;
        logger.warn({ verb: verbForLog(action), code: InvokeErrorCode.InvalidCardAction }, 'card action refused');
        await rejectCardAction(context);
        return;
      }
      logger.warn({ invoke: name.slice(0, 80), code: InvokeErrorCode.UnsupportedInvoke }, 'unsupported invoke refused');
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: {
          status: 400,
          body: { error: { code: InvokeErrorCode.UnsupportedInvoke, message: `This bot does not handle the invoke "${name.slice(0, 80)}".` } },
        },
      });
    },
    true,
  );
}
