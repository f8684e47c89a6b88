/**
 * Profiling driver for the `/api/ask` work without HTTP: builds the real knowledge base and runs
 * what the route runs per request (`matchMessage`, then the JSON shaping and serialising) over
 * the benchmark's generated questions, and prints the CPU time per question.
 *
 * A first run over questions of another seed warms the JIT, so the passes measure the matcher:
 * pass 1 reads each question for the first time (as the server does in a benchmark's first
 * round), later passes read them again with every word's reading cached. In a tight loop the
 * figures are about a third of what a question costs inside the server, where HTTP work between
 * requests evicts the matcher's data from the CPU caches; compare builds with each other, not
 * with the server. Run under a profiler:
 *
 *   npx tsc -p tsconfig.build.json && node --cpu-prof --cpu-prof-dir=/tmp/prof dist/scripts/bench/profileAsk.js [count] [passes]
 */
import { join, resolve } from 'node:path';
import { buildKnowledgeBase, readKnowledgeSource } from '../../src/knowledge';
import { toAskResponse } from '../../src/server/routes/ask';
import { generateQuestions } from './questions';

/** The compiled script lives in dist/scripts/bench; the project root is three levels up. */
const KNOWLEDGE_DIR = join(resolve(__dirname, '..', '..', '..'), 'knowledge');
/** Seed of the warm-up questions: other questions than the measured ones (seed 42, as `npm run bench`). */
const WARM_UP_SEED = 7;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20_000);
  const passes = Number(process.argv[3] ?? 3);
  const kb = buildKnowledgeBase(await readKnowledgeSource(KNOWLEDGE_DIR));
  /** CPU µs per question of one run over `questions`. */
  const run = (questions: readonly string[]) => {
    const before = process.cpuUsage();
    for (const question of questions) JSON.stringify(toAskResponse(kb.matchMessage(question)));
    const used = process.cpuUsage(before);
    return (used.user + used.system) / questions.length;
  };
  console.log(`warm-up: ${run(generateQuestions(count, WARM_UP_SEED)).toFixed(1)} µs per question`);
  const questions = generateQuestions(count);
  for (let pass = 1; pass <= passes; pass++) {
    console.log(`pass ${pass}: ${run(questions).toFixed(1)} µs per question (${questions.length} questions)`);
  }
}

void main();
