/**
 * Small builders shared by the card functions: the card envelope and common actions.
 * Pure functions; no I/O.
 */
import { Attachment, CardFactory } from 'botbuilder';

/** Adaptive Card schema version; Teams renders up to 1.5. */
export const CARD_VERSION = '1.5';

/** An Adaptive Card element (TextBlock, FactSet, ActionSet, …) as plain JSON. */
export type CardElement = Record<string, unknown> & { type: string };

/**
 * An Adaptive Card action as plain JSON. Later features pass their own actions (e.g. "An die
 * LaKI weiterleiten") to the cards' `extraActions` options in this shape.
 */
export type CardAction = Record<string, unknown> & { type: string; title: string };

/** Wraps body and actions into an Adaptive Card attachment. */
export function adaptiveCardAttachment(
  body: CardElement[],
  actions: CardAction[] = [],
  fallbackText?: string,
): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    ...(fallbackText ? { fallbackText } : {}),
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  });
}

/** A heading `TextBlock` (trusted text only). */
export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

/** A wrapping Markdown `TextBlock` (trusted text only; see markdown.ts for user text). */
export function paragraph(text: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/** An `Action.Submit` whose data goes back to the bot; `data.verb` selects the route. */
export function submitAction<TData extends { verb: string }>(title: string, data: TData, extra: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Submit', title, data, ...extra };
}

/** An `Action.OpenUrl` (tel:, mailto:, https:). */
export function openUrlAction(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

/** Actions placed inside the body, e.g. a row of buttons under a heading. */
export function actionSet(actions: CardAction[], extra: Record<string, unknown> = {}): CardElement {
  return { type: 'ActionSet', actions, ...extra };
}

/**
 * Clickable rows, one per choice, for labels that may be long (entry titles, example
 * questions): unlike buttons in an `ActionSet`, whose titles are cut off after one line, a row's
 * text wraps. Each row is a `Container` whose `selectAction` submits the choice's data.
 */
export function choiceList(choices: ReadonlyArray<{ title: string; data: { verb: string } }>, extra: Record<string, unknown> = {}): CardElement {
  return {
    type: 'Container',
    ...extra,
    items: choices.map((choice) => ({
      type: 'Container',
      spacing: 'Small',
      selectAction: submitAction(choice.title, choice.data),
      items: [{ type: 'TextBlock', text: `› ${choice.title}`, color: 'Accent', weight: 'Bolder', wrap: true }],
    })),
  };
}
