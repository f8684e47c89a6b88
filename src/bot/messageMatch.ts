/**
 * How the bot reads a whole chat message: the knowledge base's `matchMessage` (issue 9), with
 * a fallback to `match` for a knowledge base that reads single questions only (test doubles,
 * a snapshot built before message reading existed), which yields one part.
 */
import type { KnowledgeBase, MatchResult } from '../knowledge/types';

/** The topic of the last answer in a conversation, for elliptic follow-ups. */
export interface ConversationContext {
  /** Id of the entry the bot answered last for this person in this conversation. */
  readonly lastEntryId: string;
}

/** The match of one asked part of a message. */
export interface PartMatch extends MatchResult {
  /** The part as the user wrote it. */
  readonly text: string;
}

/** What a whole message asks and how each asked part was matched. */
export interface MessageMatch {
  /** The message's main question. */
  readonly main: MatchResult;
  /** Every asked part in message order; length 1 for a single question. */
  readonly parts: readonly PartMatch[];
  /** Set when the conversation context was used to read the message. */
  readonly followUp?: { readonly entryId: string };
  /** The message's language as the analyzer read it, when it reports one. */
  readonly language?: string;
}

interface MessageReader {
  matchMessage(text: string, context?: ConversationContext): MessageMatch;
}

/** Reads `text` (with the conversation's topic, when there is one) into its asked parts. */
export function readMessage(knowledge: KnowledgeBase, text: string, context?: ConversationContext): MessageMatch {
  const reader = knowledge as KnowledgeBase & Partial<MessageReader>;
  if (typeof reader.matchMessage === 'function') return reader.matchMessage(text, context);
  const main = knowledge.match(text);
  return { main, parts: [{ ...main, text }] };
}
