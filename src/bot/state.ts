import type { DefaultConversationState, DefaultTempState, DefaultUserState } from '@microsoft/teams-ai';
import { TurnState } from '@microsoft/teams-ai';

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

/** The turn state of every route of the LaKI-Assistent. */
export class AppTurnState extends TurnState<AppConversationState, AppUserState, AppTempState> {}
