/**
 * Answer-quality evaluation: runs question cases (the format of shared/eval/dev-questions.yaml,
 * plus multi-part messages and follow-up conversations) through the knowledge base and
 * classifies each result. Used by `npm run bench:quality` and by the regression tests.
 *
 * Case shapes:
 * - `{cat, q, expect}`: one question; judged on the message's main result (what `match` returns);
 * - `{cat, q, parts: [{expect}, …]}`: a message with several questions; every part of
 *   `matchMessage(q).parts` is judged against the expectation at its position;
 * - `{cat, turns: [{q, expect}, …]}`: a conversation; each turn is matched with the context of
 *   the last answered entry, as the bot keeps it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { answerText, askedParts, type ConversationContext, type Entry, type KnowledgeBase, type MatchResult, type MessageMatch, type PartMatch } from '../../src/knowledge';
import { pairParts, type Expectation, type Verdict } from './pairParts';

export type { Expectation, Verdict } from './pairParts';

export interface EvalCase {
  readonly cat: string;
  readonly q?: string;
  readonly expect?: Expectation;
  readonly parts?: ReadonlyArray<{ readonly expect: Expectation }>;
  readonly turns?: ReadonlyArray<{ readonly q: string; readonly expect: Expectation }>;
}

/** One judged question: a single case, a part of a message or a turn of a conversation. */
export interface Judged {
  readonly q: string;
  readonly expect: Expectation;
  readonly verdict: Verdict;
  readonly outcome: string;
  readonly shown: readonly string[];
  /** Declined although answerable: whether an entry that answers it was among the nearby topics shown. */
  readonly nearbyHolds?: boolean;
  /** Declined and unanswerable: true when nearby topics were shown beside the no-answer. */
  readonly nearbyShown?: boolean;
}

export interface CaseResult {
  readonly cat: string;
  /** The message (or the turns joined by " ⏎ "). */
  readonly q: string;
  /** 'none' when every judged item of the case is unanswerable. */
  readonly expect: Expectation;
  /** The case as a whole: wrong if any item is wrong, correct if every item is right. */
  readonly verdict: Verdict;
  readonly outcome: string;
  readonly shown: readonly string[];
  /** The judged parts or turns (one item for a single question). */
  readonly items: readonly Judged[];
}

export function readCases(file: string): EvalCase[] {
  const doc = parse(readFileSync(file, 'utf8')) as { cases?: EvalCase[] };
  if (!Array.isArray(doc?.cases)) throw new Error(`${file}: no "cases" list`);
  for (const c of doc.cases) {
    const shapes = [c.expect !== undefined && c.q !== undefined, c.parts !== undefined && c.q !== undefined, c.turns !== undefined];
    if (shapes.filter(Boolean).length !== 1) throw new Error(`${file}: case ${JSON.stringify(c)} needs q + expect, q + parts, or turns`);
  }
  return doc.cases;
}

function matchesAll(entry: Entry, patterns: readonly string[]): boolean {
  const text = answerText(entry);
  return patterns.every((pattern) => new RegExp(pattern, 'i').test(text));
}

/** Judges one result against one expectation. */
export function judge(q: string, result: MatchResult | undefined, expect: Expectation): Judged {
  const outcome = result?.outcome ?? 'none';
  const shown = result ? (result.answer ? [result.answer.id] : result.suggestions.map((entry) => entry.id)) : [];
  const verdict = ((): Verdict => {
    if (!result) return 'declined';
    if (expect === 'none') {
      if (result.outcome === 'none') return 'declined';
      return result.outcome === 'suggest' ? 'oneClick' : 'wrong';
    }
    if (result.outcome === 'answer') return matchesAll(result.answer!, expect) ? 'correct' : 'wrong';
    if (result.outcome === 'suggest') return result.suggestions.some((entry) => matchesAll(entry, expect)) ? 'oneClick' : 'wrong';
    return 'declined';
  })();
  if (verdict === 'declined' && expect !== 'none') {
    return { q, expect, verdict, outcome, shown, nearbyHolds: (result?.nearby ?? []).some((entry) => matchesAll(entry, expect)) };
  }
  if (verdict === 'declined' && result?.nearby?.length) return { q, expect, verdict, outcome, shown, nearbyShown: true };
  return { q, expect, verdict, outcome, shown };
}

/** Right for its expectation: answered correctly, or declined when unanswerable. */
export function isRight(item: Pick<Judged, 'expect' | 'verdict'>): boolean {
  return item.expect === 'none' ? item.verdict === 'declined' : item.verdict === 'correct';
}

function combine(cat: string, q: string, items: readonly Judged[]): CaseResult {
  const allNone = items.every((item) => item.expect === 'none');
  const verdict: Verdict = items.some((item) => item.verdict === 'wrong')
    ? 'wrong'
    : items.every(isRight)
      ? allNone
        ? 'declined'
        : 'correct'
      : items.some((item) => item.verdict === 'oneClick')
        ? 'oneClick'
        : 'declined';
  return {
    cat,
    q,
    expect: allNone ? 'none' : items.find((item) => item.expect !== 'none')!.expect,
    verdict,
    outcome: items.map((item) => item.outcome).join('+'),
    shown: items.flatMap((item) => item.shown),
    items,
  };
}

export function evaluateCase(kb: KnowledgeBase, testCase: EvalCase): CaseResult {
  if (testCase.turns) {
    let context: ConversationContext | undefined;
    const items = testCase.turns.map((turn) => {
      const message = kb.matchMessage(turn.q, context);
      // As the bot keeps it (src/bot/routes/message.ts): the last answer's entry, and the message
      // right before when it was declined.
      const lastEntryId = message.main.answer?.id ?? context?.lastEntryId;
      const declined = message.declined;
      context = lastEntryId !== undefined || declined !== undefined ? { ...(lastEntryId !== undefined ? { lastEntryId } : {}), ...(declined !== undefined ? { declined } : {}) } : undefined;
      return judge(turn.q, message.main, turn.expect);
    });
    return combine(testCase.cat, testCase.turns.map((turn) => turn.q).join(' ⏎ '), items);
  }
  if (testCase.parts) {
    const shown = askedParts(kb.matchMessage(testCase.q!));
    return combine(testCase.cat, testCase.q!, judgeParts(shown, testCase.parts.map((part) => part.expect)));
  }
  return combine(testCase.cat, testCase.q!, [judgeMessage(testCase.q!, kb.matchMessage(testCase.q!), testCase.expect!)]);
}

/**
 * Judges the parts of a message as the user reads them, paired with the shown parts as
 * `bench:conversations` pairs its cards (see pairParts).
 */
export function judgeParts(shown: readonly PartMatch[], expects: readonly Expectation[]): Judged[] {
  const { parts, leftOver } = pairParts(
    shown,
    expects,
    (part, expect) => judge(part?.text ?? '', part, expect).verdict,
    (part) => (part.answer ? 'answer' : part.outcome === 'suggest' ? 'choices' : 'nothing'),
  );
  return parts.map(({ item }, index) => {
    // A part judged declined keeps the text of a part the bot read in its place, for the report.
    const label = item ?? leftOver[0];
    return judge(label ? label.text : `(part ${index + 1} not found)`, item, expects[index]!);
  });
}

/**
 * True when answers together hold every expected fact and each holds one of them: the user asked
 * for two things and got one answer for each, not a right answer beside a wrong one.
 */
export function holdTogether(texts: readonly string[], expect: readonly string[]): boolean {
  const patterns = expect.map((pattern) => new RegExp(pattern, 'i'));
  const joined = texts.join('\n\n');
  return patterns.every((pattern) => pattern.test(joined)) && texts.every((text) => patterns.some((pattern) => pattern.test(text)));
}

/**
 * Judges a message with one expectation. When the bot answers it in several parts ("die Mailadresse
 * und die Website"), the user reads every answer: the expectation holds when their texts together
 * match it, each with a part of it. Otherwise the main question's result is judged.
 */
function judgeMessage(q: string, message: MessageMatch, expect: Expectation): Judged {
  const answered = message.parts.flatMap((part) => (part.answer ? [part.answer] : []));
  if (expect !== 'none' && answered.length > 1 && holdTogether(answered.map(answerText), expect)) {
    return { q, expect, verdict: 'correct', outcome: 'answer', shown: answered.map((entry) => entry.id) };
  }
  return judge(q, message.main, expect);
}

export interface Tally {
  total: number;
  correct: number;
  oneClick: number;
  declined: number;
  wrong: number;
}

export function tally(results: ReadonlyArray<{ verdict: Verdict }>): Tally {
  const t: Tally = { total: 0, correct: 0, oneClick: 0, declined: 0, wrong: 0 };
  for (const r of results) {
    t.total++;
    t[r.verdict]++;
  }
  return t;
}

/**
 * The nearby topics the no-answer card shows: for answerable parts and turns that were declined,
 * how often an entry that answers them was among them (one click away, though not offered as an
 * answer); for unanswerable ones, how often any were shown.
 */
export function nearbyLine(results: readonly CaseResult[]): string {
  const items = itemsOf(results);
  const declined = items.filter((item) => item.expect !== 'none' && item.verdict === 'declined');
  const unanswerable = items.filter((item) => item.expect === 'none' && item.verdict === 'declined');
  return (
    `nearby topics: declined though answerable ${declined.length}, an answering entry among them in ${declined.filter((item) => item.nearbyHolds).length}; ` +
    `unanswerable declined ${unanswerable.length}, nearby topics shown in ${unanswerable.filter((item) => item.nearbyShown).length}`
  );
}

/** Every judged item (parts and turns counted one by one). */
export function itemsOf(results: readonly CaseResult[]): Judged[] {
  return results.flatMap((result) => result.items);
}

/** One line with the figures the targets are stated in, over every judged item. */
export function summaryLine(results: readonly CaseResult[]): string {
  const items = itemsOf(results);
  const answerable = tally(items.filter((r) => r.expect !== 'none'));
  const unanswerable = tally(items.filter((r) => r.expect === 'none'));
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
  const wrong = answerable.wrong + unanswerable.wrong;
  const confidentWrong = items.filter((item) => item.verdict === 'wrong' && item.outcome === 'answer').length;
  return (
    `answerable ${answerable.correct}/${answerable.total} correct (${pct(answerable.correct, answerable.total)}), ` +
    `${answerable.oneClick} one click away; unanswerable ${unanswerable.declined}/${unanswerable.total} declined ` +
    `(${pct(unanswerable.declined, unanswerable.total)}); wrong ${wrong}/${items.length} (${pct(wrong, items.length)}); ` +
    `confident wrong answers ${confidentWrong}/${items.length} (${pct(confidentWrong, items.length)})`
  );
}
