/**
 * Answer-quality evaluation: runs question cases (the format of shared/eval/dev-questions.yaml)
 * through the matcher and classifies each result. Used by `npm run bench:quality` and by the
 * regression test on the development set.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { answerText, type Entry, type KnowledgeBase } from '../../src/knowledge';

export interface EvalCase {
  readonly cat: string;
  readonly q: string;
  /** Regexes that must all match the answer text, or 'none' when the knowledge does not answer it. */
  readonly expect: readonly string[] | 'none';
}

/**
 * - correct: answered, and the answer text matches every expectation;
 * - oneClick: "Meinten Sie …" offered an entry that matches (answerable cases), or suggestions
 *   were shown for a question the knowledge does not answer (not declined, but not an answer);
 * - declined: no answer (the right outcome for unanswerable cases);
 * - wrong: an answer that does not match, an answer to an unanswerable question, or only
 *   non-matching suggestions.
 */
export type Verdict = 'correct' | 'oneClick' | 'declined' | 'wrong';

export interface CaseResult extends EvalCase {
  readonly verdict: Verdict;
  readonly outcome: string;
  readonly shown: readonly string[];
}

export function readCases(file: string): EvalCase[] {
  const doc = parse(readFileSync(file, 'utf8')) as { cases?: EvalCase[] };
  if (!Array.isArray(doc?.cases)) throw new Error(`${file}: no "cases" list`);
  return doc.cases;
}

function matchesAll(entry: Entry, patterns: readonly string[]): boolean {
  const text = answerText(entry);
  return patterns.every((pattern) => new RegExp(pattern, 'i').test(text));
}

export function evaluateCase(kb: KnowledgeBase, testCase: EvalCase): CaseResult {
  const result = kb.match(testCase.q);
  const shown = result.answer ? [result.answer.id] : result.suggestions.map((entry) => entry.id);
  const verdict = ((): Verdict => {
    if (testCase.expect === 'none') {
      if (result.outcome === 'none') return 'declined';
      return result.outcome === 'suggest' ? 'oneClick' : 'wrong';
    }
    const patterns = testCase.expect;
    if (result.outcome === 'answer') return matchesAll(result.answer!, patterns) ? 'correct' : 'wrong';
    if (result.outcome === 'suggest') {
      return result.suggestions.some((entry) => matchesAll(entry, patterns)) ? 'oneClick' : 'wrong';
    }
    return 'declined';
  })();
  return { ...testCase, verdict, outcome: result.outcome, shown };
}

export interface Tally {
  total: number;
  correct: number;
  oneClick: number;
  declined: number;
  wrong: number;
}

export function tally(results: readonly CaseResult[]): Tally {
  const t: Tally = { total: 0, correct: 0, oneClick: 0, declined: 0, wrong: 0 };
  for (const r of results) {
    t.total++;
    t[r.verdict]++;
  }
  return t;
}

/** One line with the figures the targets are stated in. */
export function summaryLine(results: readonly CaseResult[]): string {
  const answerable = tally(results.filter((r) => r.expect !== 'none'));
  const unanswerable = tally(results.filter((r) => r.expect === 'none'));
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
  const wrong = answerable.wrong + unanswerable.wrong;
  return (
    `answerable ${answerable.correct}/${answerable.total} correct (${pct(answerable.correct, answerable.total)}), ` +
    `${answerable.oneClick} one click away; unanswerable ${unanswerable.declined}/${unanswerable.total} declined ` +
    `(${pct(unanswerable.declined, unanswerable.total)}); wrong ${wrong}/${results.length} (${pct(wrong, results.length)})`
  );
}
