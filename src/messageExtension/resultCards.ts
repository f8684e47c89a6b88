/**
 * Cards of the search message extension: for each entry a small preview for the result list
 * and the full answer card that is inserted into the chat. Pure functions.
 */
import { type Attachment, CardFactory, type MessagingExtensionAttachment } from 'botbuilder';
import { Messages } from '../chat';
import { answerCard } from '../cards';
import type { Entry } from '../knowledge';
import { previewText } from './preview';

/** Actions that need the bot in the conversation; they are removed from inserted cards. */
const BOT_ACTIONS = new Set(['Action.Submit', 'Action.Execute']);

/**
 * One search result: the preview shows the entry's title and the start of its answer; choosing
 * it inserts {@link insertableAnswerCard}. `subtitle` labels main topics in the empty search.
 */
export function searchResultAttachment(entry: Entry, subtitle?: string): MessagingExtensionAttachment {
  const preview = CardFactory.thumbnailCard(entry.title, [], [], {
    ...(subtitle ? { subtitle } : {}),
    text: previewText(entry.answer),
  });
  return { ...insertableAnswerCard(entry), preview };
}

/**
 * The bot's answer card for `entry` (title, answer, contact facts with call/mail/web buttons,
 * source and review date) without the buttons that talk back to the bot: "Hilfreich? Ja /
 * Nein" and related-entry buttons. The card is posted by the user into any chat, often one
 * without the bot, where such clicks would fail or record feedback of people who never asked.
 */
export function insertableAnswerCard(entry: Entry): Attachment {
  const attachment = answerCard(entry);
  const content = attachment.content as { body: unknown[]; actions?: unknown[] };
  const body = content.body.flatMap((element) => {
    if (isHelpfulQuestion(element)) return [];
    if (!isActionSet(element)) return [element];
    const actions = element.actions.filter((action) => !isBotAction(action));
    return actions.length > 0 ? [{ ...element, actions }] : [];
  });
  const actions = (content.actions ?? []).filter((action) => !isBotAction(action));
  const { actions: _dropped, ...rest } = content;
  return { ...attachment, content: { ...rest, body, ...(actions.length > 0 ? { actions } : {}) } };
}

function isActionSet(element: unknown): element is { type: 'ActionSet'; actions: unknown[] } {
  const record = element as { type?: unknown; actions?: unknown };
  return record?.type === 'ActionSet' && Array.isArray(record.actions);
}

function isBotAction(action: unknown): boolean {
  return BOT_ACTIONS.has(String((action as { type?: unknown })?.type));
}

function isHelpfulQuestion(element: unknown): boolean {
  const record = element as { type?: unknown; text?: unknown };
  return record?.type === 'TextBlock' && record.text === Messages.answerHelpfulQuestion;
}
