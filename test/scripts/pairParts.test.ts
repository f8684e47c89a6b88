import { pairParts, type Expectation, type Shows, type Verdict } from '../../scripts/quality/pairParts';

/** A shown item as both benchmarks reduce it: what it shows and the text its verdict is read from. */
interface Item {
  readonly shows: Shows;
  readonly text: string;
}

const answer = (text: string): Item => ({ shows: 'answer', text });
const choices = (text: string): Item => ({ shows: 'choices', text });
const none: Item = { shows: 'nothing', text: '' };

// The benchmarks' rules in small: a fitting answer is correct, fitting choices one click away.
function judge(item: Item | undefined, expect: Expectation): Verdict {
  const shows = item?.shows ?? 'nothing';
  if (shows === 'nothing') return 'declined';
  if (expect === 'none') return shows === 'choices' ? 'oneClick' : 'wrong';
  const fits = expect.every((pattern) => new RegExp(pattern).test(item!.text));
  if (!fits) return 'wrong';
  return shows === 'answer' ? 'correct' : 'oneClick';
}

const pair = (items: readonly Item[], expects: readonly Expectation[]) => pairParts(items, expects, judge, (item) => item.shows);

describe('pairing shown items with expected parts', () => {
  it('should pair in message order when as many items were shown as parts are expected', () => {
    const items = [answer('5230'), answer('5215')];
    const { parts } = pair(items, [['5215'], ['5230']]);
    expect(parts).toEqual([
      { item: items[0], verdict: 'wrong' },
      { item: items[1], verdict: 'wrong' },
    ]);
  });

  it('should count an answer no part took as a wrong answer to the first part without one', () => {
    const items = [answer('5215'), answer('Ruhrallee')];
    const { parts, leftOver } = pair(items, [['5215'], ['5230'], 'none']);
    expect(parts).toEqual([
      { item: items[0], verdict: 'correct' },
      { item: items[1], verdict: 'wrong' },
      { item: undefined, verdict: 'declined' },
    ]);
    expect(leftOver).toEqual([items[1]]);
  });

  it('should give left-over choices to one unanswerable part only', () => {
    const items = [answer('5215'), choices('Ruhrallee'), none, none];
    const { parts } = pair(items, [['5215'], 'none', 'none']);
    expect(parts.map((part) => part.verdict)).toEqual(['correct', 'oneClick', 'declined']);
    expect(parts[1]!.item).toBe(items[1]);
  });
});
