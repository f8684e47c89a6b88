/**
 * Escalation as a bot feature ({@link AppExtension}): the asker's side (offer, draft card,
 * "Absenden", "Meine Fragen", feedback on LaKI's answer) and LaKI's side (ticket card actions,
 * accepted only from the configured LaKI channel). Routes only talk to the escalation service;
 * every message caused by a ticket change is delivered by the outbox.
 */
import type { Application } from '@microsoft/teams-ai';
import type { AppExtension, AppTurnState } from '../bot';
import type { Logger } from '../logger';
import { registerAskerRoutes } from './askerRoutes';
import { forwardToLakiAction } from './cards/draftCard';
import { registerLakiRoutes } from './lakiRoutes';
import { EscalationMessages as M } from './messages';
import { isInLakiChannel, type LakiChannelIdentity } from './security';
import type { EscalationService } from './service';

export { ASK_LAKI_PATTERN, DRAFTS_STATE_KEY, MAX_OPEN_DRAFTS, MY_TICKETS_PATTERN } from './askerRoutes';

export interface EscalationExtensionDeps {
  readonly service: EscalationService;
  /** Where ticket actions are accepted from; absent (e-mail only): ticket actions are refused everywhere. */
  readonly lakiChannel?: LakiChannelIdentity;
  readonly logger: Logger;
  /** Fresh id per draft card; the ticket's idempotency key. Default `randomUUID`. */
  readonly newDraftId?: () => string;
  readonly clock?: () => Date;
}

/** Builds the feature; pass it in `createApp({ extensions: [...] })`. */
export function createEscalationExtension(deps: EscalationExtensionDeps): AppExtension {
  return {
    name: 'escalation',
    register(app: Application<AppTurnState>) {
      registerAskerRoutes(app, deps);
      registerLakiRoutes(app, deps);
    },
    channelInstallNote: (activity) =>
      deps.lakiChannel && isInLakiChannel(activity, deps.lakiChannel) ? M.lakiChannelNote : undefined,
    cardActions: {
      answer: (_entry, question) => [forwardToLakiAction(question)],
      noAnswer: (question) => [forwardToLakiAction(question)],
      notHelpful: (_entryId, question) => [forwardToLakiAction(question)],
    },
  };
}
