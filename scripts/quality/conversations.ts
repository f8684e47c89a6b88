/**
 * Answer quality of whole conversations, measured over the Bot Framework protocol: every case
 * of a question set (the format of test/fixtures/eval/real-messages.yaml) is played in its own
 * personal chat with the real service, and each reply is classified the way evaluate.ts
 * classifies a match — from what the user sees:
 * - an answer card whose text (its `fallbackText`, the answer as users read it) matches every
 *   regex is correct, another answer card is wrong;
 * - "Meinten Sie …" is one click away when one of its entries matches, else wrong;
 * - the no-answer card or the small-talk pointer is declined.
 * A case is a single question (`q` + `expect`), a message with several questions (`q` + `parts`,
 * each part with its `expect`, answered by one card per part in message order), or a
 * conversation (`turns`, each `q` + `expect`, sent in order in the same chat).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Messages, Verb } from '../../src/chat';
import { answerText, type KnowledgeBase } from '../../src/knowledge';
import type { BotActivity, BotService } from './botService';
import { holdTogether, type Verdict } from './evaluate';
import { pairParts } from './pairParts';

export type { Verdict } from './evaluate';

/** Regexes that must all match the answer text, or 'none' when the knowledge does not answer it. */
export type Expectation = readonly string[] | 'none';

/** One message sent to the bot and what its reply must be. */
export interface ConversationTurn {
  readonly q: string;
  /** For a single question. */
  readonly expect?: Expectation;
  /** For a message with several questions: one expectation per question, in message order. */
  readonly parts?: ReadonlyArray<{ readonly expect: Expectation }>;
}

/** A case of the question set, normalised to turns. */
export interface ConversationCase {
  readonly cat: string;
  readonly turns: readonly ConversationTurn[];
}

/** How one reply (card) was read. */
export interface ReadReply {
  readonly kind: 'answer' | 'suggest' | 'none';
  /** The answer text (answer) or the suggested entry ids (suggest). */
  readonly text?: string;
  readonly entryIds?: readonly string[];
  /** The "Meinten Sie …" choices' submit data, to click one. */
  readonly choices?: ReadonlyArray<Record<string, unknown> & { readonly entryId: string }>;
  /** The card's activity id (a click replies to it). */
  readonly activityId?: string;
}

export interface TurnResult {
  readonly q: string;
  /** False when the turn's expectation (every part's) is 'none'. */
  readonly answerable: boolean;
  readonly verdict: Verdict;
  /** Part verdicts of a message with several questions. */
  readonly parts?: readonly Verdict[];
  /** Per part: false when its expectation is 'none'. */
  readonly partsAnswerable?: readonly boolean[];
  /** What the bot showed, short: `answer`, `suggest(a,b)`, `none` per card. */
  readonly shown: string;
}

export interface ConversationResult {
  readonly cat: string;
  /** False when nothing in the case is answerable (every expectation is 'none'): right when declined. */
  readonly answerable: boolean;
  readonly verdict: Verdict;
  readonly turns: readonly TurnResult[];
}

/** Reads every case of a question set; single questions become one-turn conversations. */
export function readConversationCases(file: string): ConversationCase[] {
  const doc = parse(readFileSync(file, 'utf8')) as { cases?: unknown[] };
  if (!Array.isArray(doc?.cases)) throw new Error(`${file}: no "cases" list`);
  return doc.cases.map((raw, index) => toCase(raw, `${file}: case ${index + 1}`));
}

function toCase(raw: unknown, where: string): ConversationCase {
  const item = raw as { cat?: unknown; q?: unknown; expect?: unknown; parts?: unknown; turns?: unknown };
  const cat = typeof item?.cat === 'string' ? item.cat : 'uncategorised';
  const turns = Array.isArray(item?.turns) ? item.turns : [item];
  return {
    cat,
    turns: turns.map((turn, index) => {
      const t = turn as { q?: unknown; expect?: unknown; parts?: unknown };
      if (typeof t?.q !== 'string' || t.q.trim() === '') throw new Error(`${where}, turn ${index + 1}: no "q"`);
      if (Array.isArray(t.parts)) {
        return { q: t.q, parts: t.parts.map((part, p) => ({ expect: toExpectation((part as { expect?: unknown })?.expect, `${where}, part ${p + 1}`) })) };
      }
      return { q: t.q, expect: toExpectation(t.expect, `${where}, turn ${index + 1}`) };
    }),
  };
}

function toExpectation(value: unknown, where: string): Expectation {
  if (value === 'none') return 'none';
  if (Array.isArray(value) && value.every((pattern) => typeof pattern === 'string')) return value as string[];
  throw new Error(`${where}: "expect" must be a list of regexes or none`);
}

/**
 * Reads the replies of one turn into cards: answer, "Meinten Sie …" or none (the no-answer card,
 * the small-talk pointer). Text lines (the multi-question note, the English line) and typing
 * indicators carry no answer and are skipped.
 */
export function readReplies(replies: readonly BotActivity[]): ReadReply[] {
  const read: ReadReply[] = [];
  for (const reply of replies) {
    if (reply.type !== 'message' || reply.operation !== 'send') continue;
    const card = reply.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
      | { body?: unknown; fallbackText?: string }
      | undefined;
    if (!card) {
      if (reply.text === Messages.smallTalk) read.push({ kind: 'none' });
      continue;
    }
    const title = firstHeading(card.body);
    if (title === Messages.noAnswerTitle) read.push({ kind: 'none' });
    else if (title === Messages.suggestTitle) {
      const choices = suggestionChoices(card);
      read.push({ kind: 'suggest', entryIds: choices.map((choice) => choice.entryId), choices, activityId: reply.id });
    }
    else if (typeof card.fallbackText === 'string') read.push({ kind: 'answer', text: card.fallbackText });
  }
  return read;
}

function firstHeading(body: unknown): string | undefined {
  const first = Array.isArray(body) ? (body[0] as { type?: string; text?: unknown }) : undefined;
  return first?.type === 'TextBlock' && typeof first.text === 'string' ? first.text : undefined;
}

function suggestionChoices(card: unknown): Array<Record<string, unknown> & { entryId: string }> {
  const ids: Array<Record<string, unknown> & { entryId: string }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const data = record.data as { verb?: unknown; entryId?: unknown; origin?: unknown } | undefined;
    if (record.type === 'Action.Submit' && data?.verb === Verb.ShowEntry && data.origin === 'suggestion' && typeof data.entryId === 'string') {
      ids.push({ ...(data as Record<string, unknown>), entryId: data.entryId });
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return ids;
}

/** The verdict for one card against one expectation (evaluate.ts's rules). */
export function judge(kb: KnowledgeBase, reply: ReadReply | undefined, expect: Expectation): Verdict {
  const kind = reply?.kind ?? 'none';
  if (expect === 'none') return kind === 'none' ? 'declined' : kind === 'suggest' ? 'oneClick' : 'wrong';
  const fits = (text: string) => expect.every((pattern) => new RegExp(pattern, 'i').test(text));
  if (kind === 'answer') return fits(reply!.text ?? '') ? 'correct' : 'wrong';
  if (kind === 'suggest') {
    const entries = (reply!.entryIds ?? []).flatMap((id) => kb.getEntry(id) ?? []);
    return entries.some((entry) => fits(answerText(entry))) ? 'oneClick' : 'wrong';
  }
  return 'declined';
}

/**
 * The verdict of a message with several questions: wrong when any part got a wrong answer;
 * correct when every answerable part was answered correctly; one click away when each was at
 * least one click away; else declined. Unanswerable parts must not be answered (declined or
 * "Meinten Sie …" are both fine, as in evaluate.ts).
 */
export function combine(parts: readonly Verdict[], expects: readonly Expectation[]): Verdict {
  if (parts.includes('wrong')) return 'wrong';
  const answerable = parts.filter((_verdict, index) => expects[index] !== 'none');
  if (answerable.every((verdict) => verdict === 'correct')) return 'correct';
  if (answerable.every((verdict) => verdict === 'correct' || verdict === 'oneClick')) return 'oneClick';
  return 'declined';
}

/**
 * Judges a single question that got several cards (the bot read more than one question in it):
 * correct when the answers together hold what is expected, each a part of it ("die Mailadresse
 * und die Website", as evaluate.ts judges it); else any wrong answer makes it wrong (the user read it); else the
 * best card counts.
 */
export function judgeSingle(kb: KnowledgeBase, cards: readonly ReadReply[], expect: Expectation): Verdict {
  if (cards.length <= 1) return judge(kb, cards[0], expect);
  const answers = cards.filter((card) => card.kind === 'answer').map((card) => card.text ?? '');
  if (expect !== 'none' && answers.length > 1 && holdTogether(answers, expect)) return 'correct';
  const verdicts = cards.map((card) => judge(kb, card, expect));
  for (const verdict of ['wrong', 'correct', 'oneClick'] as const) if (verdicts.includes(verdict)) return verdict;
  return 'declined';
}

/** Judges a turn with several expected parts, paired with its cards as evaluate.ts pairs shown parts (see pairParts). */
export function judgeParts(kb: KnowledgeBase, cards: readonly ReadReply[], expects: readonly Expectation[]): Verdict[] {
  const { parts } = pairParts(
    cards,
    expects,
    (card, expect) => judge(kb, card, expect),
    (card) => (card.kind === 'answer' ? 'answer' : card.kind === 'suggest' ? 'choices' : 'nothing'),
  );
  return parts.map((part) => part.verdict);
}

/**
 * A conversation's verdict from its turns': wrong when any turn is wrong; else the worst of the
 * answerable turns (declined, then one click away, then correct); a conversation with nothing
 * answerable is declined unless suggestions were shown.
 */
function worst(verdicts: readonly Verdict[], turns: readonly ConversationTurn[]): Verdict {
  if (verdicts.includes('wrong')) return 'wrong';
  const answerable = verdicts.filter((_v, i) => turns[i].expect !== 'none');
  if (answerable.length === 0) return verdicts.includes('oneClick') ? 'oneClick' : 'declined';
  if (answerable.includes('declined')) return 'declined';
  if (answerable.includes('oneClick')) return 'oneClick';
  return 'correct';
}

/** The first "Meinten Sie …" choice whose entry fits `expect`, with the card it is on. */
function fittingChoice(
  kb: KnowledgeBase,
  cards: readonly ReadReply[],
  expect: readonly string[],
): { data: Record<string, unknown> & { entryId: string }; activityId?: string } | undefined {
  for (const card of cards) {
    for (const data of card.choices ?? []) {
      const entry = kb.getEntry(data.entryId);
      if (entry && expect.every((pattern) => new RegExp(pattern, 'i').test(answerText(entry)))) return { data, activityId: card.activityId };
    }
  }
  return undefined;
}

let conversationCounter = 0;

/**
 * Plays one case in a fresh personal chat of a fresh user and judges every turn. `kb` is the
 * knowledge the service serves (to read "Meinten Sie …" entries).
 */
export async function runConversation(service: BotService, kb: KnowledgeBase, testCase: ConversationCase): Promise<ConversationResult> {
  const n = ++conversationCounter;
  const conversationId = `a:conversations-bench-${process.pid}-${n}`;
  const user = { id: `29:bench-user-${n}`, name: 'Bench Nutzerin', aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` };
  const turns: TurnResult[] = [];
  const send = async (id: string, content: Record<string, unknown>): Promise<void> => {
    const status = await service.post({
      type: 'message',
      id,
      channelId: 'msteams',
      timestamp: new Date().toISOString(),
      from: user,
      recipient: { id: '28:laki-assistent', name: 'LaKI-Assistent' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000001' },
      locale: 'de-DE',
      ...content,
    });
    if (status >= 300) throw new Error(`The bot answered HTTP ${status} in ${conversationId}\n${service.stderr()}`);
  };
  for (const [index, turn] of testCase.turns.entries()) {
    const before = service.activities(conversationId).length;
    await send(`bench-${n}-${index + 1}`, { text: turn.q, textFormat: 'plain' });
    const cards = readReplies(service.activities(conversationId).slice(before));
    let shown = cards.map((card) => (card.kind === 'suggest' ? `suggest(${card.entryIds?.join(',')})` : card.kind)).join(' + ') || 'nothing';
    if (turn.parts) {
      const expects = turn.parts.map((part) => part.expect);
      const parts = judgeParts(kb, cards, expects);
      turns.push({
        q: turn.q,
        answerable: expects.some((e) => e !== 'none'),
        verdict: combine(parts, expects),
        parts,
        partsAnswerable: expects.map((e) => e !== 'none'),
        shown,
      });
      continue;
    }
    const expect = turn.expect ?? 'none';
    const verdict = judgeSingle(kb, cards, expect);
    // One click away and the conversation goes on: click the fitting choice, as the user would,
    // so the next turn follows the entry they chose.
    const choice = verdict === 'oneClick' && expect !== 'none' && index < testCase.turns.length - 1 ? fittingChoice(kb, cards, expect) : undefined;
    if (choice) {
      await send(`bench-${n}-${index + 1}-click`, { value: choice.data, replyToId: choice.activityId });
      shown += ` → clicked ${choice.data.entryId}`;
    }
    turns.push({ q: turn.q, answerable: expect !== 'none', verdict, shown });
  }
  const answerable = testCase.turns.some((turn) =>
    turn.parts ? turn.parts.some((part) => part.expect !== 'none') : turn.expect !== 'none',
  );
  return { cat: testCase.cat, answerable, verdict: worst(turns.map((t) => t.verdict), testCase.turns), turns };
}
