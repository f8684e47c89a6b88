/**
 * The real server with the search message extension plugged in, as src/index.ts wires it: the
 * real knowledge base, the real teams-ai Application in local mode, createServer on 127.0.0.1:0.
 */
import { createAdapter, createApp } from '../../src/bot';
import { createKnowledgeHolder, type IndexedKnowledgeBase } from '../../src/knowledge';
import { createLogger } from '../../src/logger';
import { createSearchExtension } from '../../src/messageExtension';
import { createServer } from '../../src/server';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';
import { knowledgeFor } from '../helpers/server';

/** A running server with the extension. */
export interface SearchServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly kb: IndexedKnowledgeBase;
  /** What the bot and the extension logged. */
  readonly logger: RecordingLogger;
  close(): Promise<void>;
}

/** `forwarding`: escalation configured, so "Keine Treffer" may promise forwarding to the LaKI. */
export async function startSearchServer(options: { forwarding?: boolean } = {}): Promise<SearchServer> {
  const kb = await knowledgeFor();
  const knowledge = createKnowledgeHolder(kb);
  const logger = new RecordingLogger();
  const adapter = createAdapter({});
  const app = createApp({
    knowledge,
    questionLog: new MemoryQuestionLog(),
    logger,
    adapter,
    extensions: [createSearchExtension({ knowledge, logger, forwarding: options.forwarding })],
  });
  const server = createServer({ adapter, app, knowledge, logger: createLogger('silent') });
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, kb, logger, close: () => server.close() };
}

/** The `value` of a `composeExtension/query` invoke for the `searchKnowledge` command. */
export function searchValue(query: string | undefined, options: { initialRun?: boolean } = {}) {
  const parameters: Array<{ name: string; value: string }> = [];
  if (options.initialRun) parameters.push({ name: 'initialRun', value: 'true' });
  if (query !== undefined) parameters.push({ name: 'query', value: query });
  return { commandId: 'searchKnowledge', parameters, queryOptions: { skip: 0, count: 25 } };
}

/** The part of an invoke response the tests read. */
export interface ComposeExtensionResult {
  type: 'result' | 'message';
  attachmentLayout?: string;
  attachments?: Array<{
    contentType: string;
    content: { type: string; body: Array<Record<string, unknown>>; actions?: unknown[] };
    preview: { contentType: string; content: { title: string; subtitle?: string; text: string } };
  }>;
  text?: string;
}

export function titlesOf(result: ComposeExtensionResult): string[] {
  return (result.attachments ?? []).map((attachment) => attachment.preview.content.title);
}
