import type { Application } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { CardAction } from '../cards';
import type { Entry } from '../knowledge';
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
  /**
   * A note for a team channel the bot was just added to, posted instead of the bot's own hint
   * when the channel is one the feature uses (e.g. the LaKI inbox channel explains the ticket
   * cards); `undefined` elsewhere. The first extension with a note wins.
   */
  channelInstallNote?(activity: Partial<Activity>): string | undefined;
}

/** The first extension's note for the channel the bot was added to, if any. */
export function channelInstallNoteOf(extensions: readonly AppExtension[], activity: Partial<Activity>): string | undefined {
  for (const extension of extensions) {
    const note = extension.channelInstallNote?.(activity);
    if (note) return note;
  }
  return undefined;
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
