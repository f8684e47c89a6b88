/**
 * Builders for incoming Bot Framework activities and a small driver for botbuilder's
 * TestAdapter, shared by the bot tests (and anyone who needs a Teams-shaped activity).
 */
import { Activity, ActivityTypes, ChannelAccount, TestAdapter } from 'botbuilder';

/** The user every builder speaks as, unless overridden. */
export const TEST_USER: ChannelAccount = { id: 'user-1', name: 'Erika Mustermann' };
/** The bot's account in the test conversation. */
export const TEST_BOT: ChannelAccount = { id: 'bot-1', name: 'LaKI-Assistent' };

/** A typed message, as Teams sends it. */
export function userMessage(text: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain', from: TEST_USER, recipient: TEST_BOT, ...overrides };
}

/** An `Action.Submit` click: a message with the button's data as `value` and no text. */
export function cardSubmit(value: unknown, overrides: Partial<Activity> = {}): Partial<Activity> {
  return { type: ActivityTypes.Message, value, from: TEST_USER, recipient: TEST_BOT, ...overrides } as Partial<Activity>;
}

/** A `conversationUpdate` announcing added members (the bot's install sends one with the bot). */
export function membersAdded(
  members: ChannelAccount[],
  conversationType: 'personal' | 'groupChat' | 'channel' = 'personal',
): Partial<Activity> {
  return {
    type: ActivityTypes.ConversationUpdate,
    membersAdded: members,
    from: TEST_USER,
    recipient: TEST_BOT,
    conversation: { id: `conv-${conversationType}`, conversationType, isGroup: conversationType !== 'personal', name: '' },
  };
}

/**
 * Sends one activity through the adapter and returns what the bot sent during that turn,
 * in order (typing indicators included).
 */
export async function runTurn(adapter: TestAdapter, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const before = adapter.activeQueue.length;
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(before);
}

/** The replies of a turn without typing indicators. */
export function visibleReplies(replies: Partial<Activity>[]): Partial<Activity>[] {
  return replies.filter((reply) => reply.type !== ActivityTypes.Typing);
}

/** The Adaptive Card JSON of a reply, or `undefined` when it has none. */
export function adaptiveCardOf(reply: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = reply?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Record<string, unknown> | undefined;
}

/** Every `Action.Submit` data object on a card, wherever it sits (body action sets or actions). */
export function submitDataOf(card: unknown): Array<Record<string, unknown> & { title?: string }> {
  const found: Array<Record<string, unknown> & { title?: string }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Submit' && typeof record.data === 'object') {
      found.push({ ...(record.data as Record<string, unknown>), title: record.title as string });
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

/**
 * Records every activity the bot updates in place (e.g. a card replaced after a click);
 * TestAdapter itself only swaps it inside its reply queue.
 */
export function recordUpdates(adapter: TestAdapter): Partial<Activity>[] {
  const updates: Partial<Activity>[] = [];
  adapter.use(async (context, next) => {
    context.onUpdateActivity(async (_context, activity, nextUpdate) => {
      updates.push(activity);
      return nextUpdate();
    });
    await next();
  });
  return updates;
}
