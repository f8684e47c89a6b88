/**
 * The search message extension ("Wissensbasis durchsuchen", command `searchKnowledge`) as an
 * {@link AppExtension}: typing in the compose box searches the knowledge base with the bot's
 * matcher; choosing a result inserts the answer card into the chat.
 */
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type MessagingExtensionResult, type TurnContext } from 'botbuilder';
import type { AppExtension, AppTurnState } from '../bot';
import type { Logger } from '../logger';
import { MAX_QUESTION_LENGTH } from '../config';
import { type KnowledgeBase, catalogCategories } from '../knowledge';
import { SearchMessages } from './messages';
import { parseQueryValue, SEARCH_COMMAND, type QueryProblem, type SearchQuery } from './query';
import { searchResultAttachment } from './resultCards';
import { searchEntries } from './search';

/** What the extension needs; the composition root passes the bot's own knowledge holder. */
export interface SearchExtensionDeps {
  /** Asked per query, so a knowledge hot reload applies at once. */
  readonly knowledge: { current(): KnowledgeBase };
  readonly logger: Logger;
}

const QUERY_INVOKE = 'composeExtension/query';

/** Builds the extension; pass it in `createApp({ extensions: [...] })`. */
export function createSearchExtension(deps: SearchExtensionDeps): AppExtension {
  return {
    name: 'searchMessageExtension',
    register(app: Application<AppTurnState>) {
      // Registered first: malformed invokes and unknown commands get a 400 invoke response
      // instead of reaching teams-ai's query route (which would throw) or no route (501).
      app.addRoute(
        async (context) => isQueryInvoke(context) && 'problem' in parseQueryValue(context.activity.value),
        async (context) => {
          const outcome = parseQueryValue(context.activity.value);
          if ('problem' in outcome) await rejectInvoke(context, outcome.problem, deps.logger);
        },
        true,
      );
      app.messageExtensions.query(SEARCH_COMMAND, async (context) => {
        const outcome = parseQueryValue(context.activity.value);
        // The guard route above took every malformed invoke; this keeps the types honest.
        if ('problem' in outcome) throw new Error(outcome.problem.message);
        return searchResult(deps.knowledge.current(), outcome.query, deps.logger);
      });
    },
  };
}

/**
 * The result for one query: the main topics for an empty search, the matcher's results
 * otherwise, or a "Keine Treffer" message.
 */
export function searchResult(kb: KnowledgeBase, query: SearchQuery, logger?: Logger): MessagingExtensionResult {
  if (query.text.length > MAX_QUESTION_LENGTH) return { type: 'message', text: SearchMessages.queryTooLong };
  if (query.text === '') {
    const topics = catalogCategories(kb).map((category) =>
      searchResultAttachment(category.entries[0], SearchMessages.topicSubtitle(category.label)),
    );
    return { type: 'result', attachmentLayout: 'list', attachments: page(topics, query) };
  }
  const entries = searchEntries(kb, query.text);
  logger?.debug({ results: entries.length, ids: entries.map((entry) => entry.id) }, 'message extension search');
  if (entries.length === 0) return { type: 'message', text: SearchMessages.noHits };
  return {
    type: 'result',
    attachmentLayout: 'list',
    attachments: page(entries.map((entry) => searchResultAttachment(entry)), query),
  };
}

function page<T>(items: readonly T[], query: SearchQuery): T[] {
  return items.slice(query.skip, query.skip + query.count);
}

function isQueryInvoke(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === QUERY_INVOKE;
}

async function rejectInvoke(context: TurnContext, problem: QueryProblem, logger: Logger): Promise<void> {
  logger.warn({ code: problem.code, conversationId: context.activity.conversation?.id }, 'message extension invoke rejected');
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 400, body: { error: problem } },
  });
}
