/** The tables `npm run bench:conversations` prints, from conversation results. */
import type { ConversationResult, Verdict } from './conversations';
import { HELD_OUT_NOTE } from './defaultSets';

export interface VerdictCounts {
  total: number;
  correct: number;
  oneClick: number;
  declined: number;
  wrong: number;
}

/** Counts verdicts. */
export function countVerdicts(verdicts: readonly Verdict[]): VerdictCounts {
  const counts: VerdictCounts = { total: 0, correct: 0, oneClick: 0, declined: 0, wrong: 0 };
  for (const verdict of verdicts) {
    counts.total++;
    counts[verdict]++;
  }
  return counts;
}

/**
 * Per-category verdicts of whole cases. The category `none` (and unanswerable turns and parts)
 * are right when declined; for the others "correct" is the target.
 */
export function perCategory(results: readonly ConversationResult[]): Array<{ cat: string; answerable: boolean } & VerdictCounts> {
  const rows: Array<{ cat: string; answerable: boolean } & VerdictCounts> = [];
  for (const cat of new Set(results.map((r) => r.cat))) {
    for (const answerable of [true, false]) {
      const group = results.filter((r) => r.cat === cat && r.answerable === answerable);
      if (group.length === 0) continue;
      const name = answerable || cat === 'none' ? cat : `${cat} (unanswerable)`;
      rows.push({ cat: name, answerable, ...countVerdicts(group.map((r) => r.verdict)) });
    }
  }
  rows.push({ cat: 'all answerable', answerable: true, ...countVerdicts(results.filter((r) => r.answerable).map((r) => r.verdict)) });
  rows.push({ cat: 'all unanswerable', answerable: false, ...countVerdicts(results.filter((r) => !r.answerable).map((r) => r.verdict)) });
  return rows;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

type Row = { cat: string; answerable?: boolean } & VerdictCounts;

/** A Markdown table; the share is given for the right outcome (correct, or declined when unanswerable). */
function table(title: string, rows: readonly Row[]): string[] {
  return [
    `| ${title} | cases | correct | one click away | declined | wrong |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      r.answerable === false
        ? `| ${r.cat} | ${r.total} | ${r.correct} | ${r.oneClick} | ${r.declined} (${pct(r.declined, r.total)}) | ${r.wrong} |`
        : `| ${r.cat} | ${r.total} | ${r.correct} (${pct(r.correct, r.total)}) | ${r.oneClick} | ${r.declined} | ${r.wrong} |`,
    ),
  ];
}

/** The printed report (`showMisses: false` leaves the missed questions out, for held-out sets): per category, per follow-up turn, per part; misses; a summary line. */
export function conversationReport(results: readonly ConversationResult[], options: { verbose?: boolean; showMisses?: boolean } = {}): string {
  const lines = table('category (whole case)', perCategory(results));

  const laterTurns = results.filter((r) => r.turns.length > 1).flatMap((r) => r.turns.slice(1));
  if (laterTurns.length > 0) {
    lines.push(
      '',
      ...table('turns after the first (follow-ups)', [
        { cat: 'answerable', ...countVerdicts(laterTurns.filter((t) => t.answerable).map((t) => t.verdict)) },
        { cat: 'unanswerable', answerable: false, ...countVerdicts(laterTurns.filter((t) => !t.answerable).map((t) => t.verdict)) },
      ]),
    );
  }
  const parts = results.flatMap((r) => r.turns.flatMap((t) => (t.parts ?? []).map((verdict, i) => ({ verdict, answerable: t.partsAnswerable?.[i] ?? true }))));
  if (parts.length > 0) {
    lines.push(
      '',
      ...table('parts of messages with several questions', [
        { cat: 'answerable parts', ...countVerdicts(parts.filter((p) => p.answerable).map((p) => p.verdict)) },
        { cat: 'unanswerable parts', answerable: false, ...countVerdicts(parts.filter((p) => !p.answerable).map((p) => p.verdict)) },
      ]),
    );
  }
  lines.push('', '(Unanswerable cases, turns and parts are right when declined; "one click away" there means suggestions were shown.)');

  const misses = results.filter((r) => (r.answerable ? r.verdict !== 'correct' : r.verdict !== 'declined'));
  if (options.showMisses === false) {
    if (misses.length > 0) lines.push(HELD_OUT_NOTE);
  } else if (options.verbose || misses.length <= 25) {
    for (const r of misses) {
      for (const t of r.turns) {
        const partText = t.parts ? ` [parts: ${t.parts.join(', ')}]` : '';
        lines.push(`  ${t.verdict.padEnd(8)} [${r.cat}] ${t.q} → ${t.shown}${partText}`);
      }
    }
  }

  const wrong = results.filter((r) => r.verdict === 'wrong').length;
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  lines.push(
    `conversations: answerable ${answerable.filter((r) => r.verdict === 'correct').length}/${answerable.length} fully correct ` +
      `(${pct(answerable.filter((r) => r.verdict === 'correct').length, answerable.length)}); ` +
      `unanswerable ${unanswerable.filter((r) => r.verdict === 'declined').length}/${unanswerable.length} declined; ` +
      `wrong ${wrong}/${results.length} (${pct(wrong, results.length)})`,
  );
  return lines.join('\n');
}
