import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { MemoryStorage, Storage } from 'botbuilder';
import type { KnowledgeBase } from '../knowledge';
import type { QuestionLog } from '../questionLog';
import { createAdapter } from './adapter';
import { createErrorHandler } from './errors';
import type { AppExtension } from './extensions';
import type { Logger } from '../logger';
import { EXAMPLE_QUESTIONS } from '../chat';
import { registerCardActionRoutes, registerNonTextRoute, registerUnknownCardActionRoute } from './routes/cardActions';
import type { RouteDeps } from './routes/context';
import { registerHelpRoute, registerWelcomeRoute } from './routes/conversation';
import { registerQuestionRoute } from './routes/question';
import { AppTurnState } from './state';

/** What the bot needs; the service factory (src/service.ts) provides it. */
export interface AppDeps {
  /** Asked on every turn, so a hot reload of the knowledge base takes effect at once. */
  readonly knowledge: { current(): KnowledgeBase };
  /** Where questions, suggestions and feedback are recorded for editors. */
  readonly questionLog: QuestionLog;
  readonly logger: Logger;
  /** Turn state storage; defaults to memory (lost on restart). */
  readonly storage?: Storage;
  /**
   * The adapter `/api/messages` processes requests with; the error handler is installed on it.
   * Defaults to a local-mode adapter, available as `app.adapter`.
   */
  readonly adapter?: TeamsAdapter;
  /**
   * The bot's Microsoft app id, needed by `app.sendProactiveActivity` (e.g. relaying LaKI's
   * answer to the asker). Absent in local mode.
   */
  readonly botAppId?: string;
  /** Example questions on the welcome and help cards; defaults to {@link EXAMPLE_QUESTIONS}. */
  readonly examples?: readonly string[];
  /** Features that add routes and card buttons (e.g. escalation to the LaKI). */
  readonly extensions?: readonly AppExtension[];
  /** The time for follow-up topics (see `FOLLOW_UP_TTL_MS`); defaults to the system clock. */
  readonly clock?: () => Date;
}

/**
 * Builds the LaKI-Assistent's teams-ai Application. Route order matters (first match wins):
 * non-text messages, welcome, "Hilfe", card verbs, extensions' routes, unknown card actions,
 * and last the catch-all that treats any text as a question.
 *
 * The typing indicator is sent explicitly before matching instead of by teams-ai's typing timer,
 * whose single timer per Application is shared by concurrent turns.
 */
export function createApp(deps: AppDeps): Application<AppTurnState> {
  const app = new Application<AppTurnState>({
    adapter: deps.adapter ?? createAdapter(),
    storage: deps.storage ?? new MemoryStorage(),
    ...(deps.botAppId ? { botAppId: deps.botAppId } : {}),
    turnStateFactory: () => new AppTurnState(),
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });
  app.error(createErrorHandler(deps.logger));

  const routeDeps: RouteDeps = {
    knowledge: deps.knowledge,
    questionLog: deps.questionLog,
    logger: deps.logger,
    examples: deps.examples ?? EXAMPLE_QUESTIONS,
    extensions: deps.extensions ?? [],
    clock: deps.clock ?? (() => new Date()),
  };

  registerNonTextRoute(app);
  registerWelcomeRoute(app, routeDeps);
  registerHelpRoute(app, routeDeps);
  registerCardActionRoutes(app, routeDeps);
  for (const extension of routeDeps.extensions) extension.register?.(app);
  registerUnknownCardActionRoute(app, routeDeps);
  registerQuestionRoute(app, routeDeps);
  return app;
}
