import type { Application } from '@microsoft/teams-ai';
import { MessageFactory } from 'botbuilder';
import { privacyCard } from '../../cards';
import { Verb } from '../../chat';
import type { AppTurnState } from '../state';
import type { RouteDeps } from './context';

/** "Datenschutz" typed on its own. */
export const PRIVACY_PATTERN = /^\s*datenschutz(erklärung|hinweise?)?\s*[.!?]?\s*$/i;

/**
 * The privacy notice: the "Datenschutz" button of the welcome and help cards, or the word typed.
 * Register before the catch-all question route.
 */
export function registerPrivacyRoutes(app: Application<AppTurnState>, deps: RouteDeps): void {
  const send = async (context: Parameters<Parameters<typeof app.message>[1]>[0]) => {
    await context.sendActivity(MessageFactory.attachment(privacyCard(deps.privacy)));
  };
  app.adaptiveCards.actionSubmit(Verb.Privacy, (context) => send(context));
  app.message(PRIVACY_PATTERN, (context) => send(context));
}
