/**
 * Pairs what the bot showed for a message with the parts a test case expects, for both
 * benchmarks: evaluate.ts (match results, in process) and conversations.ts (cards read over the
 * protocol). Only how one item is judged and what it shows differ between them.
 */

/** Regexes that must all match the answer text, or 'none' when the knowledge does not answer it. */
export type Expectation = readonly string[] | 'none';

/**
 * - correct: answered, and the answer text matches every expectation;
 * - oneClick: "Meinten Sie …" offered an entry that matches (answerable cases), or suggestions
 *   were shown for a question the knowledge does not answer (not declined, but not an answer);
 * - declined: no answer (the right outcome for unanswerable cases);
 * - wrong: an answer that does not match, an answer to an unanswerable question, or only
 *   non-matching suggestions.
 */
export type Verdict = 'correct' | 'oneClick' | 'declined' | 'wrong';

/** What a shown item is: an answer, "Meinten Sie …" choices, or neither (a decline). */
export type Shows = 'answer' | 'choices' | 'nothing';

export interface PairedPart<T> {
  /** The shown item judged for the part; undefined when none was left for it. */
  readonly item: T | undefined;
  readonly verdict: Verdict;
}

export interface Pairing<T> {
  /** One per expected part, in order. */
  readonly parts: readonly PairedPart<T>[];
  /** Shown items no part took because they fit it, in shown order (paired later as strays or not at all). */
  readonly leftOver: readonly T[];
}

/**
 * Pairs shown items with expected parts as the user reads them. With one item per part they pair
 * in message order. Otherwise (the bot read fewer or more questions, or did not show again an answer
 * an earlier part brought) each answerable part takes the first item judged correct for it, else
 * one judged one click away (an item may serve two parts that ask the same); a part without one
 * gets an answer no part took (a wrong answer), an unanswerable part else choices no part took
 * (one click away), else nothing (declined). Left-over choices go to one unanswerable part each:
 * the bot showed them once, for one question.
 *
 * `judge` must judge `undefined` (nothing shown) as declined.
 */
export function pairParts<T>(
  items: readonly T[],
  expects: readonly Expectation[],
  judge: (item: T | undefined, expect: Expectation) => Verdict,
  shows: (item: T) => Shows,
): Pairing<T> {
  if (items.length === expects.length) {
    return { parts: expects.map((expect, index) => ({ item: items[index], verdict: judge(items[index], expect) })), leftOver: [] };
  }
  const taken = new Set<T>();
  const fitting = expects.map((expect): PairedPart<T> | undefined => {
    if (expect === 'none') return undefined;
    const verdicts = items.map((item) => judge(item, expect));
    for (const wanted of ['correct', 'oneClick'] as const) {
      const index = verdicts.indexOf(wanted);
      if (index >= 0) {
        taken.add(items[index]!);
        return { item: items[index], verdict: wanted };
      }
    }
    return undefined;
  });
  const leftOver = items.filter((item) => !taken.has(item));
  const strayAnswers = leftOver.filter((item) => shows(item) === 'answer');
  const otherChoices = leftOver.filter((item) => shows(item) === 'choices');
  const parts = expects.map((expect, index): PairedPart<T> => {
    const fit = fitting[index];
    if (fit) return fit;
    const item = strayAnswers.shift() ?? (expect === 'none' ? otherChoices.shift() : undefined);
    return { item, verdict: judge(item, expect) };
  });
  return { parts, leftOver };
}
