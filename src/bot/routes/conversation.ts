import type { Application } from '@microsoft/teams-ai';
import { MessageFactory, TurnContext } from 'botbuilder';
import { helpCard, welcomeCard } from '../../cards';
import { channelInstallNoteOf } from '../extensions';
import { Messages } from '../../chat';
import type { AppTurnState } from '../state';
import type { RouteDeps } from './context';

/** "Hilfe", "help" or "?" on its own. */
export const HELP_PATTERN = /^\s*(hilfe|help|\?)\s*[.!]?\s*$/i;

/**
 * Welcome on install: in a personal chat whenever members are added, in a group chat or team
 * only when the bot itself was added (so new team members do not trigger it). Chats get the
 * welcome card; a team channel, which the whole team reads and which may be the LaKI inbox, gets
 * a short note instead: an extension's note for its channel, else how to ask the bot there.
 */
export function registerWelcomeRoute(app: Application<AppTurnState>, deps: RouteDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    if (!shouldWelcome(context)) return;
    const conversationType = context.activity.conversation?.conversationType;
    if (conversationType === 'channel') {
      const note = channelInstallNoteOf(deps.extensions, context.activity);
      deps.logger.info({ conversationType, extensionNote: Boolean(note) }, 'sending channel install note');
      await context.sendActivity(note ?? Messages.channelInstallHint);
      return;
    }
    deps.logger.info({ conversationType }, 'sending welcome card');
    await context.sendActivity(MessageFactory.attachment(welcomeCard(deps.examples)));
  });
}

/** The help card for "Hilfe". Register before the catch-all question route. */
export function registerHelpRoute(app: Application<AppTurnState>, deps: RouteDeps): void {
  app.message(HELP_PATTERN, async (context) => {
    await context.sendActivity(MessageFactory.attachment(helpCard(deps.examples)));
  });
}

function shouldWelcome(context: TurnContext): boolean {
  const added = context.activity.membersAdded ?? [];
  if (added.length === 0) return false;
  const botId = context.activity.recipient?.id;
  const conversationType = context.activity.conversation?.conversationType;
  const personal = conversationType === undefined || conversationType === 'personal';
  return personal || added.some((member) => member.id === botId);
}
