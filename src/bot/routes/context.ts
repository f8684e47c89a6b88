import { ActivityTypes, TurnContext } from 'botbuilder';
import type { KnowledgeBase } from '../../knowledge';
import type { QuestionEvent, QuestionLog } from '../../questionLog';
import type { AppExtension } from '../extensions';
import type { Logger } from '../../logger';

/** What every route needs; built once by `createApp`. */
export interface RouteDeps {
  readonly knowledge: { current(): KnowledgeBase };
  readonly questionLog: QuestionLog;
  readonly logger: Logger;
  readonly examples: readonly string[];
  readonly extensions: readonly AppExtension[];
  /** The time for follow-up topics (injectable so tests can let a topic expire). */
  readonly clock: () => Date;
}

/**
 * Records a question event. The log is for editors, not for the user: a failure is logged and
 * the turn goes on.
 */
export async function recordEvent(deps: RouteDeps, event: QuestionEvent): Promise<void> {
  try {
    await deps.questionLog.record(event);
  } catch (error) {
    deps.logger.warn({ err: error, kind: event.kind }, 'could not record question event');
  }
}

/** Shows the typing indicator; non-critical, so a failure is logged and not thrown. */
export async function sendTyping(context: TurnContext, logger: Logger): Promise<void> {
  try {
    await context.sendActivity({ type: ActivityTypes.Typing });
  } catch (error) {
    logger.warn({ err: error, conversationId: context.activity.conversation?.id }, 'could not send typing indicator');
  }
}
