/**
 * The real service with the search message extension plugged in, from the service factory as
 * src/index.ts builds it: the real knowledge base, the real teams-ai Application in local mode,
 * the server on 127.0.0.1:0, a SQLite store in a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexedKnowledgeBase } from '../../src/knowledge';
import { createService } from '../../src/service';
import { RecordingLogger } from '../helpers/logger';
import { knowledgeFor, testConfig } from '../helpers/server';

/** A running server with the extension. */
export interface SearchServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly kb: IndexedKnowledgeBase;
  /** What the service (bot, extension, server) logged. */
  readonly logger: RecordingLogger;
  close(): Promise<void>;
}

export async function startSearchServer(): Promise<SearchServer> {
  // The editors' real knowledge on purpose: the tests check real search results and titles.
  const kb = await knowledgeFor();
  const logger = new RecordingLogger();
  const dataDir = mkdtempSync(join(tmpdir(), 'laki-search-test-'));
  const service = await createService(testConfig({ DATA_DIR: dataDir }), { logger, knowledge: kb });
  return {
    url: service.url,
    kb,
    logger,
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
