import type { Application } from '@microsoft/teams-ai';
import type { CardAction } from '../cards/elements';
import type { Entry } from '../knowledge/schema';
import type { AppTurnState } from './state';

/**
 * Extra buttons a feature adds to the answering bot's cards. Each provider returns actions for
 * one card; all extensions' actions are shown, in extension order.
 */
export interface CardActionProviders {
  /** Card-level actions on every answer card (e.g. a quiet "An die LaKI weiterleiten"). */
  answer?(entry: Entry, question: string | undefined): CardAction[];
  /** Card-level actions on the "Meinten Sie …" card. */
  suggest?(question: string, suggestions: readonly Entry[]): CardAction[];
  /** Card-level actions on the no-answer card (also shown after "Nichts davon passt"). */
  noAnswer?(question: string): CardAction[];
  /** Card-level actions on the reply to "Hilfreich? Nein". */
  notHelpful?(entryId: string, question: string | undefined): CardAction[];
}

/**
 * A feature plugged into the bot by the composition root (e.g. escalation to the LaKI).
 *
 * `register` adds the feature's routes after the bot's own card verbs and before the catch-all
 * question route, so a specific message route (e.g. "LaKI fragen: …") wins over matching.
 */
export interface AppExtension {
  readonly name: string;
  register?(app: Application<AppTurnState>): void;
  readonly cardActions?: CardActionProviders;
}

/** Collects one card's extra actions from all extensions. */
export function collectActions<K extends keyof CardActionProviders>(
  extensions: readonly AppExtension[],
  card: K,
  ...args: Parameters<NonNullable<CardActionProviders[K]>>
): CardAction[] {
  return extensions.flatMap((extension) => {
    const provider = extension.cardActions?.[card] as ((...a: typeof args) => CardAction[]) | undefined;
    return provider ? provider(...args) : [];
  });
}
