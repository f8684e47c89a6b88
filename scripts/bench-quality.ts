/**
 * `npm run bench:quality [-- FILE …] [--verbose] [--show-held-out]`: answer quality on question sets in the format of
 * shared/eval/dev-questions.yaml (the default when present; otherwise the in-repository set, see
 * quality/defaultSets.ts), including multi-part messages (`parts`) and
 * follow-up conversations (`turns`, evaluated in process with the conversation context chained).
 * Prints one table per file with correct / one click away / declined / wrong per category (cases
 * as a whole, and every part or turn), then the misses (never a held-out set's, unless
 * `--show-held-out`) and a summary line.
 */
import path from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';
import { defaultQuestionSets, HELD_OUT_NOTE, isHeldOut } from './quality/defaultSets';
import { evaluateCase, isRight, itemsOf, nearbyLine, readCases, summaryLine, tally, type CaseResult } from './quality/evaluate';

const ROOT = path.resolve(__dirname, '..');

function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${Math.round((100 * n) / d)} %`;
}

function table(results: readonly CaseResult[]): string[] {
  const categories = [...new Set(results.map((r) => r.cat)), 'overall'];
  const lines = [
    '| category | cases | right | correct | one click away | declined | wrong | parts/turns right |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const cat of categories) {
    const subset = cat === 'overall' ? results : results.filter((r) => r.cat === cat);
    const t = tally(subset);
    const right = subset.filter(isRight).length;
    const items = itemsOf(subset);
    const itemsRight = items.filter(isRight).length;
    lines.push(
      `| ${cat} | ${t.total} | ${right} (${pct(right, t.total)}) | ${t.correct} | ${t.oneClick} | ${t.declined} | ${t.wrong} | ${itemsRight}/${items.length} |`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const showHeldOut = args.includes('--show-held-out');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const kb = await loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const all: CaseResult[] = [];
  const defaults = defaultQuestionSets(ROOT);
  if (!files.length && defaults.note) console.error(defaults.note);
  for (const file of files.length ? files : defaults.files) {
    const results = readCases(file).map((c) => evaluateCase(kb, c));
    all.push(...results);
    console.log(`\n${path.basename(file)}\n`);
    console.log(table(results).join('\n'));
    const misses = results.filter((r) => !isRight(r));
    if (isHeldOut(file) && !showHeldOut) {
      if (misses.length > 0) console.log(HELD_OUT_NOTE);
    } else if (verbose || misses.length <= 25) {
      for (const r of misses) {
        console.log(`  ${r.verdict.padEnd(8)} [${r.cat}] ${r.q}`);
        for (const item of r.items) {
          if (r.items.length > 1 || !isRight(item)) console.log(`      ${isRight(item) ? 'ok      ' : item.verdict.padEnd(8)} ${item.q} → ${item.outcome} ${item.shown.join(', ')}`);
        }
      }
    }
    console.log(summaryLine(results));
    console.log(nearbyLine(results));
  }
  console.log('\n("right": answered correctly, or declined when the knowledge does not answer it. A case with parts or turns is right when every part/turn is.)');
  if (files.length > 1) console.log(`all files: ${summaryLine(all)}\nall files: ${nearbyLine(all)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
