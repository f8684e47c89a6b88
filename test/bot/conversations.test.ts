/**
 * Regression thresholds for whole conversations over the Bot Framework protocol: the real
 * service (a child process, port 0, its own data) and the runner of `npm run bench:conversations`
 * acting as Teams, on the multi-question, follow-up and unanswerable cases of the tuning set.
 */
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge';
import { startBotService, type BotService } from '../../scripts/quality/botService';
import { countVerdicts } from '../../scripts/quality/conversationReport';
import {
  combine,
  judgeParts,
  judgeSingle,
  readConversationCases,
  runConversation,
  type ConversationResult,
  type ReadReply,
} from '../../scripts/quality/conversations';
import type { KnowledgeBase } from '../../src/knowledge';

const FILE = join(__dirname, '../fixtures/eval/real-messages.yaml');
const CATEGORIES = ['multi', 'followup', 'none'];

jest.setTimeout(180_000);

describe('conversations over the protocol (real-messages.yaml: multi, followup, none)', () => {
  let service: BotService;
  let results: ConversationResult[];

  beforeAll(async () => {
    const kb = await loadKnowledgeBase('knowledge');
    service = await startBotService({ knowledgeDir: 'knowledge' });
    results = [];
    for (const testCase of readConversationCases(FILE).filter((c) => CATEGORIES.includes(c.cat))) {
      results.push(await runConversation(service, kb, testCase));
    }
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('should answer every covered part of ≥ 80 % of the two-question messages', () => {
    const multi = countVerdicts(results.filter((r) => r.cat === 'multi').map((r) => r.verdict));
    expect(multi.total).toBeGreaterThanOrEqual(10);
    expect(multi.correct / multi.total).toBeGreaterThanOrEqual(0.8);
  });

  it('should answer ≥ 80 % of the answerable follow-up turns correctly', () => {
    const turns = results.filter((r) => r.turns.length > 1).flatMap((r) => r.turns.slice(1)).filter((t) => t.answerable);
    const counts = countVerdicts(turns.map((t) => t.verdict));
    expect(counts.total).toBeGreaterThanOrEqual(10);
    expect(counts.correct / counts.total).toBeGreaterThanOrEqual(0.8);
  });

  it('should decline every unanswerable case, part and turn', () => {
    const unanswerableCases = results.filter((r) => !r.answerable).map((r) => r.verdict);
    const unanswerableTurns = results.flatMap((r) => r.turns).filter((t) => !t.answerable && !t.parts).map((t) => t.verdict);
    const unanswerableParts = results.flatMap((r) => r.turns.flatMap((t) => (t.parts ?? []).filter((_v, i) => !t.partsAnswerable?.[i])));
    expect(unanswerableCases.length + unanswerableTurns.length + unanswerableParts.length).toBeGreaterThanOrEqual(20);
    for (const verdict of [...unanswerableCases, ...unanswerableTurns, ...unanswerableParts]) expect(verdict).toBe('declined');
  });

  it('should give at most 2 wrong answers in all these conversations', () => {
    const wrong = results.filter((r) => r.verdict === 'wrong').map((r) => r.turns.map((t) => `${t.q} → ${t.shown}`).join(' / '));
    if (wrong.length > 2) expect(wrong).toEqual([]); // shows which
    expect(wrong.length).toBeLessThanOrEqual(2);
  });
});

describe('judging the cards of one turn', () => {
  const entries: Record<string, string> = { fax: 'Fax: 02931 82 5230', phone: 'Telefon: 02931 82 5215' };
  const kb = { getEntry: (id: string) => (entries[id] ? { id, answer: entries[id] } : undefined) } as unknown as KnowledgeBase;
  const answer = (text: string): ReadReply => ({ kind: 'answer', text });
  const suggest = (...entryIds: string[]): ReadReply => ({ kind: 'suggest', entryIds });
  const none: ReadReply = { kind: 'none' };

  it.each<[string, ReadReply[], string[] | 'none', string]>([
    ['a fitting answer', [answer('… 5215 …')], ['5215'], 'correct'],
    ['an answer that does not fit', [answer('… 5230 …')], ['5215'], 'wrong'],
    ['a fitting choice', [suggest('fax', 'phone')], ['5215'], 'oneClick'],
    ['only unfitting choices', [suggest('fax')], ['5215'], 'wrong'],
    ['a decline', [none], ['5215'], 'declined'],
    ['an answer to an unanswerable question', [answer('5215')], 'none', 'wrong'],
    ['a decline of an unanswerable question', [none], 'none', 'declined'],
    ['a fitting and an unfitting answer card', [answer('5215'), answer('5230')], ['5215'], 'wrong'],
    ['a decline beside a fitting answer', [none, answer('5215')], ['5215'], 'correct'],
    ['two answers that together hold what was asked', [answer('Telefon 5215'), answer('Fax 5230')], ['5215', '5230'], 'correct'],
  ])('should judge %s', (_name, cards, expect_, verdict) => {
    expect(judgeSingle(kb, cards, expect_)).toBe(verdict);
  });

  it('should pair one card per part in order, and judge the message by its covered parts', () => {
    const parts = judgeParts(kb, [answer('5215'), none], [['5215'], 'none']);
    expect(parts).toEqual(['correct', 'declined']);
    expect(combine(parts, [['5215'], 'none'])).toBe('correct');
    const swapped = judgeParts(kb, [answer('5230'), answer('5215')], [['5215'], ['5230']]);
    expect(combine(swapped, [['5215'], ['5230']])).toBe('wrong');
  });

  it('should find parts in fewer cards, and count a missing part as declined', () => {
    expect(judgeParts(kb, [answer('5215 und 5230')], [['5215'], ['5230']])).toEqual(['correct', 'correct']);
    const missing = judgeParts(kb, [answer('5215')], [['5215'], ['5230']]);
    expect(missing).toEqual(['correct', 'declined']);
    expect(combine(missing, [['5215'], ['5230']])).toBe('declined');
    expect(judgeParts(kb, [answer('nichts davon')], [['5215'], ['5230']])).toEqual(['wrong', 'declined']);
  });
});
