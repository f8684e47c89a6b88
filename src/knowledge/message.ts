/**
 * Reading a whole chat message, as a sequence of stages:
 *   1. sentences and focus (`sentences.ts`): which pieces ask, which are context;
 *   2.–3. normalising and reading each word (`text.ts`, `analyzer.ts`), per asked part;
 *   4. scoring (`scoring.ts`) with the context's known words as a ranking help;
 *   5. deciding (`decide.ts`) for each part alone;
 * then, given the topic of the last answer, elliptic follow-ups are read against it.
 * `explainMessage` returns every stage's result for `npm run ask -- --json`.
 */
import type { Explanation, Matcher } from './matcher';
import type { Entry } from './schema';
import { findFocus, isElliptic, type MessagePiece } from './sentences';
import { isStopword } from './text';
import type { ConversationContext, MatchResult, MessageMatch, Outcome, PartMatch } from './types';

/** One asked part on its way through the stages. */
export interface PartTrace {
  readonly text: string;
  /** Why this piece was taken as asked. */
  readonly why: string;
  /** Texts whose known words helped ranking. */
  readonly context: readonly string[];
  /** Whether the part leans on something said before ("und die Adresse?"). */
  readonly elliptic: boolean;
  /** Set when the last answer's topic was used to read this part. */
  readonly followUp?: { readonly entryId: string };
  readonly explanation: Explanation;
}

/** Every stage's result for one message. */
export interface MessageTrace {
  readonly pieces: readonly MessagePiece[];
  readonly parts: readonly PartTrace[];
  readonly match: MessageMatch;
}

const RANK: Record<Outcome, number> = { none: 0, suggest: 1, answer: 2 };

/** Words of an entry that name its topic, used as context for a follow-up. */
function topicOf(entry: Entry): string[] {
  return [entry.title, ...entry.keywords];
}

/**
 * Reads an asked part, and again against the last answer's topic when it may be a follow-up.
 * A part that leans back takes the reading with the topic when that is at least as good; a
 * complete question keeps its own reading unless only the topic makes it answerable, so an
 * old topic never bends a new, clear question.
 */
function readPart(
  matcher: Matcher,
  part: { text: string; why: string; context: readonly string[]; antecedent?: string },
  topic: Entry | undefined,
): PartTrace {
  const elliptic = isElliptic(part.text, isStopword);
  const alone = matcher.explain(part.text, part);
  const trace: PartTrace = { ...part, elliptic, explanation: alone };
  if (!topic || (!elliptic && alone.result.outcome === 'answer')) return trace;
  const context = [...part.context, ...topicOf(topic)];
  const withTopic = matcher.explain(part.text, { context, antecedent: part.antecedent ?? topicOf(topic).join(' ') });
  const better = elliptic
    ? RANK[withTopic.result.outcome] >= RANK[alone.result.outcome]
    : withTopic.result.outcome === 'answer';
  return better ? { ...part, context, elliptic, followUp: { entryId: topic.id }, explanation: withTopic } : trace;
}

/**
 * The main question of a message: the first answered part, else the first with suggestions,
 * else the first part; what single-answer clients (GET /api/ask top level, the message
 * extension) show.
 */
function mainOf(parts: readonly PartMatch[]): MatchResult {
  return parts.find((part) => part.outcome === 'answer') ?? parts.find((part) => part.outcome === 'suggest') ?? parts[0]!;
}

/** Reads a message through every stage; see the module comment. */
export function explainMessage(
  matcher: Matcher,
  text: string,
  conversation: ConversationContext | undefined,
  getEntry: (id: string) => Entry | undefined,
): MessageTrace {
  const focus = findFocus(text, isStopword);
  const topic = conversation ? getEntry(conversation.lastEntryId) : undefined;
  const asked = focus.parts.length > 0 ? focus.parts : [{ text, why: 'empty message', context: [] as string[] }];
  const parts = asked.map((part) => readPart(matcher, part, topic));
  const partMatches: PartMatch[] = parts.map((part) => ({ ...part.explanation.result, text: part.text }));
  const followUp = parts.find((part) => part.followUp)?.followUp;
  const match: MessageMatch = { main: mainOf(partMatches), parts: partMatches, ...(followUp ? { followUp } : {}) };
  return { pieces: focus.pieces, parts, match };
}

/** A single question's result as a message match, for knowledge bases that only match one text. */
export function singlePartMessage(text: string, result: MatchResult): MessageMatch {
  return { main: result, parts: [{ ...result, text }] };
}
