import type { DefaultConversationState, DefaultTempState, DefaultUserState } from '@microsoft/teams-ai';
import { TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { TOPIC_SCOPE, topicStorageKey, type StoredTopic } from './topic';

/**
 * Conversation-scoped turn state. The answering bot keeps nothing here (each card carries what
 * its buttons need); later features (e.g. an escalation draft awaiting "Absenden") add fields.
 */
export interface AppConversationState extends DefaultConversationState {
  [key: string]: unknown;
}

/** User-scoped turn state; empty for the answering bot. */
export interface AppUserState extends DefaultUserState {
  [key: string]: unknown;
}

/** Per-turn scratch state. */
export type AppTempState = DefaultTempState;

/**
 * The turn state of every route of the LaKI-Assistent: teams-ai's conversation, user and temp
 * scopes, plus the `topic` scope (the last answer, for follow-ups) keyed by conversation, thread
 * and person (see `topicStorageKey`), stored as its own item so colleagues in one channel never
 * share or overwrite each other's topic.
 */
export class AppTurnState extends TurnState<AppConversationState, AppUserState, AppTempState> {
  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const keys = await super.onComputeStorageKeys(context);
    const topicKey = topicStorageKey(context.activity);
    return topicKey ? { ...keys, [TOPIC_SCOPE]: topicKey } : keys;
  }

  /** The stored topic of this person's conversation/thread; `undefined` when it cannot be kept. */
  get topic(): StoredTopic | undefined {
    return this.getScope(TOPIC_SCOPE)?.value as StoredTopic | undefined;
  }

  /** Replaces the stored topic (saved with the turn state at the end of the turn). */
  set topic(value: StoredTopic) {
    const scope = this.getScope(TOPIC_SCOPE);
    if (!scope) return;
    void scope.value; // undoes a deletion earlier in the turn, so the new topic is written
    scope.replace({ ...value });
  }

  /**
   * Deletes the stored topic (e.g. once expired), so no stale row stays behind. Reading
   * {@link topic} afterwards in the same turn undoes the deletion (teams-ai's scope semantics).
   */
  clearTopic(): void {
    this.getScope(TOPIC_SCOPE)?.delete();
  }
}
