/**
 * `npm run bench:conversations [-- FILE …] [--verbose] [--show-held-out]`: answer quality of whole conversations
 * over the Bot Framework protocol. Starts the real service (port 0, throwaway data), acts as the
 * Teams connector, plays every case of the question sets (default:
 * test/fixtures/eval/real-messages.yaml) in its own personal chat and prints correct / one click
 * away / declined / wrong per category, then per turn of multi-turn conversations and per part
 * of messages with several questions, then the misses (not for a held-out set, unless
 * `--show-held-out`). The last line is the summary.
 */
import path from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';
import { startBotService } from './quality/botService';
import { conversationReport } from './quality/conversationReport';
import { isHeldOut } from './quality/defaultSets';
import { readConversationCases, runConversation, type ConversationResult } from './quality/conversations';

const DEFAULT_FILE = path.resolve(__dirname, '../test/fixtures/eval/real-messages.yaml');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const showMisses = args.includes('--show-held-out') || !files.some(isHeldOut);
  const cases = (files.length ? files : [DEFAULT_FILE]).flatMap((file) => readConversationCases(file));
  const knowledgeDir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
  const kb = await loadKnowledgeBase(knowledgeDir);
  const service = await startBotService({ knowledgeDir });
  const results: ConversationResult[] = [];
  try {
    for (const testCase of cases) results.push(await runConversation(service, kb, testCase));
  } finally {
    await service.stop();
  }
  console.log(conversationReport(results, { verbose, showMisses }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
