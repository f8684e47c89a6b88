/**
 * The topic of the last answer, kept so an elliptic follow-up ("und die E-Mail-Adresse?") can be
 * read against it. It lives in its own turn-state scope (see {@link AppTurnState}), persisted on
 * the project's store like every other scope, and is keyed per conversation, thread and person:
 * in a channel thread or group chat two colleagues asking at the same time must not continue
 * each other's topic.
 */
import type { Activity } from 'botbuilder';
import type { ConversationContext, DeclinedMessage } from '../knowledge';

/**
 * How long after an answer a follow-up is still read against it. Half an hour covers a
 * colleague reading the answer, making a call and coming back; after that a short question is
 * more likely a new one and must be read alone.
 */
export const FOLLOW_UP_TTL_MS = 30 * 60 * 1000;

/** Name of the turn-state scope that holds the topic. */
export const TOPIC_SCOPE = 'topic';

/** What the topic scope stores. */
export interface StoredTopic {
  /** Entry the bot answered last for this person in this conversation/thread. */
  readonly entryId?: string;
  /** When that answer was given (ISO 8601). */
  readonly answeredAt?: string;
  /**
   * What the message the bot declined last named, when it declined the whole message and answered
   * nothing since: the next turn may lean on it. No words of the message are kept.
   */
  readonly declined?: DeclinedMessage;
  /** When that message was declined (ISO 8601). */
  readonly declinedAt?: string;
}

/** Marker Teams puts into a channel conversation id to name the thread's root message. */
const THREAD_MARKER = ';messageid=';

/**
 * The storage key of the topic scope: channel, bot, conversation, thread and user. Teams names a
 * channel thread in the conversation id (`19:…@thread.tacv2;messageid=<root>`); where a channel
 * message arrives without it, a typed reply's `replyToId` stands for the thread. Card clicks
 * never use `replyToId` (it is the clicked card's id, not a thread), and a personal chat has one
 * thread. `undefined` when the activity lacks an id the key needs; the scope is then not kept.
 */
export function topicStorageKey(activity: Partial<Activity> | undefined): string | undefined {
  const channelId = activity?.channelId;
  const botId = activity?.recipient?.id;
  const conversationId = activity?.conversation?.id;
  const userId = activity?.from?.id;
  if (!channelId || !botId || !conversationId || !userId) return undefined;
  const thread = threadOf(activity);
  return `${channelId}/${botId}/conversations/${conversationId}${thread ? `/threads/${thread}` : ''}/users/${userId}/${TOPIC_SCOPE}`;
}

function threadOf(activity: Partial<Activity>): string | undefined {
  const conversation = activity.conversation;
  if (!conversation || conversation.conversationType !== 'channel') return undefined;
  if (conversation.id.includes(THREAD_MARKER)) return undefined;
  const typed = typeof activity.text === 'string' && activity.text.trim() !== '';
  return typed && activity.replyToId ? activity.replyToId : undefined;
}

/**
 * The context to read a message with: the last answer's entry if it was given less than
 * {@link FOLLOW_UP_TTL_MS} ago, and what the message declined right before named, as fresh;
 * `undefined` when neither is there (nothing stored, expired, or unreadable).
 */
export function topicContext(stored: StoredTopic | undefined, now: Date, ttlMs = FOLLOW_UP_TTL_MS): ConversationContext | undefined {
  if (!stored) return undefined;
  const entryId = typeof stored.entryId === 'string' && isFresh(stored.answeredAt, now, ttlMs) ? stored.entryId : undefined;
  const declined = isDeclinedMessage(stored.declined) && isFresh(stored.declinedAt, now, ttlMs) ? stored.declined : undefined;
  if (entryId === undefined && declined === undefined) return undefined;
  return { ...(entryId !== undefined ? { lastEntryId: entryId } : {}), ...(declined ? { declined } : {}) };
}

/** True when `at` is a readable time less than `ttlMs` ago; a time slightly ahead (another instance's clock) counts as fresh. */
function isFresh(at: unknown, now: Date, ttlMs: number): boolean {
  if (typeof at !== 'string') return false;
  const time = Date.parse(at);
  return !Number.isNaN(time) && now.getTime() - time <= ttlMs;
}

/** True when a stored value has the shape of a {@link DeclinedMessage} (the store may hold anything). */
function isDeclinedMessage(value: unknown): value is DeclinedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const declined = value as Record<string, unknown>;
  return (
    (declined.actor === undefined || typeof declined.actor === 'string') &&
    typeof declined.namesOther === 'boolean' &&
    (declined.namesPerson === undefined || declined.namesPerson === true) &&
    typeof declined.capitalised === 'boolean' &&
    typeof declined.unknownThing === 'boolean'
  );
}

/** The value to store after answering with `entryId` at `now`. */
export function topicAfterAnswer(entryId: string, now: Date): Required<Pick<StoredTopic, 'entryId' | 'answeredAt'>> {
  return { entryId, answeredAt: now.toISOString() };
}

/**
 * The value to store after declining a whole message at `now`: the last answer's topic stays (as
 * read this turn, `context`), beside what the declined message named.
 */
export function topicAfterDecline(context: ConversationContext | undefined, stored: StoredTopic | undefined, declined: DeclinedMessage, now: Date): StoredTopic {
  const kept = context?.lastEntryId !== undefined && stored?.answeredAt !== undefined ? { entryId: context.lastEntryId, answeredAt: stored.answeredAt } : {};
  return { ...kept, declined, declinedAt: now.toISOString() };
}

/** The stored topic without its declined message (the next turn no longer follows it); `undefined` when no answer's topic is left. */
export function topicWithoutDeclined(stored: StoredTopic): StoredTopic | undefined {
  const { declined: _declined, declinedAt: _declinedAt, ...kept } = stored;
  return kept.entryId !== undefined ? kept : undefined;
}
