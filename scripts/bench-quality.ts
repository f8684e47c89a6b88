/**
 * `npm run bench:quality [-- FILE …] [--verbose]`: answer quality on question sets in the format of
 * shared/eval/dev-questions.yaml (the default when present; otherwise the in-repository set, see
 * quality/defaultSets.ts). Prints correct / one click away / declined / wrong
 * per category and overall; the last line is the summary.
 */
import path from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';
import { defaultQuestionSets } from './quality/defaultSets';
import { evaluateCase, readCases, summaryLine, tally, type CaseResult } from './quality/evaluate';

/** This script runs from scripts/ (ts-node); the project root is one level up. */
const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const kb = await loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const defaults = defaultQuestionSets(ROOT);
  if (!files.length && defaults.note) console.error(defaults.note);
  const results: CaseResult[] = (files.length ? files : defaults.files).flatMap((file) =>
    readCases(file).map((c) => evaluateCase(kb, c)),
  );

  const categories = [...new Set(results.map((r) => r.cat))];
  const rows = categories.map((cat) => ({ cat, ...tally(results.filter((r) => r.cat === cat)) }));
  rows.push({ cat: 'overall', ...tally(results) });
  console.log('| category | cases | correct | one click away | declined | wrong |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.cat} | ${r.total} | ${r.correct} | ${r.oneClick} | ${r.declined} | ${r.wrong} |`);
  console.log('\n(For unanswerable cases "declined" is the right outcome; "one click away" there means suggestions were shown.)');

  const misses = results.filter((r) => r.verdict === 'wrong' || (r.expect !== 'none' && r.verdict !== 'correct') || (r.expect === 'none' && r.verdict !== 'declined'));
  if (verbose || misses.length <= 15) {
    for (const r of misses) console.log(`  ${r.verdict.padEnd(8)} [${r.cat}] ${r.q} → ${r.outcome} ${r.shown.join(', ')}`);
  }
  console.log(summaryLine(results));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
