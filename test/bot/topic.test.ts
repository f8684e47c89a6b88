/** The follow-up topic's storage key (conversation, thread, person) and its expiry. */
import type { Activity } from 'botbuilder';
import { FOLLOW_UP_TTL_MS, topicAfterAnswer, topicAfterDecline, topicContext, topicStorageKey, topicWithoutDeclined } from '../../src/bot/topic';

const base: Partial<Activity> = {
  channelId: 'msteams',
  recipient: { id: '28:bot', name: 'LaKI-Assistent' },
  from: { id: '29:erika', name: 'Erika' },
  conversation: { id: 'a:personal', conversationType: 'personal', isGroup: false, name: '' },
  text: 'und die Faxnummer?',
};

describe('topicStorageKey', () => {
  it.each<[string, Partial<Activity>, string | undefined]>([
    ['a personal chat', {}, 'msteams/28:bot/conversations/a:personal/users/29:erika/topic'],
    [
      'a channel thread named in the conversation id',
      { conversation: { id: '19:t@thread.tacv2;messageid=42', conversationType: 'channel', isGroup: true, name: '' }, replyToId: '43' },
      'msteams/28:bot/conversations/19:t@thread.tacv2;messageid=42/users/29:erika/topic',
    ],
    [
      'a typed channel reply whose thread is only in replyToId',
      { conversation: { id: '19:t@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' }, replyToId: '42' },
      'msteams/28:bot/conversations/19:t@thread.tacv2/threads/42/users/29:erika/topic',
    ],
    [
      'a card click in a channel (replyToId is the card, not a thread)',
      { conversation: { id: '19:t@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' }, replyToId: 'card-1', text: undefined, value: {} },
      'msteams/28:bot/conversations/19:t@thread.tacv2/users/29:erika/topic',
    ],
    ['a card click in a personal chat', { replyToId: 'card-1', text: undefined, value: {} }, 'msteams/28:bot/conversations/a:personal/users/29:erika/topic'],
    ['an activity without a user', { from: undefined }, undefined],
  ])('should key %s', (_name, overrides, expected) => {
    expect(topicStorageKey({ ...base, ...overrides })).toBe(expected);
  });

  it('should give two people in one thread different keys', () => {
    const thread = { conversation: { id: '19:t@thread.tacv2;messageid=42', conversationType: 'channel', isGroup: true, name: '' } };
    expect(topicStorageKey({ ...base, ...thread })).not.toBe(topicStorageKey({ ...base, ...thread, from: { id: '29:max', name: 'Max' } }));
  });
});

describe('topicContext', () => {
  const answeredAt = new Date('2026-12-05T08:00:00Z');
  const stored = topicAfterAnswer('laki-telefon', answeredAt);
  const at = (ms: number) => new Date(answeredAt.getTime() + ms);

  it('should give the last entry within the TTL, also from a clock slightly ahead', () => {
    expect(topicContext(stored, at(0))).toEqual({ lastEntryId: 'laki-telefon' });
    expect(topicContext(stored, at(FOLLOW_UP_TTL_MS))).toEqual({ lastEntryId: 'laki-telefon' });
    expect(topicContext(stored, at(-5000))).toEqual({ lastEntryId: 'laki-telefon' });
  });

  it('should give nothing after the TTL, without a topic, or for an unreadable one', () => {
    expect(topicContext(stored, at(FOLLOW_UP_TTL_MS + 1))).toBeUndefined();
    expect(topicContext(undefined, at(0))).toBeUndefined();
    expect(topicContext({}, at(0))).toBeUndefined();
    expect(topicContext({ entryId: 'x', answeredAt: 'yesterday' }, at(0))).toBeUndefined();
    expect(topicContext({ entryId: 5, answeredAt: stored.answeredAt } as never, at(0))).toBeUndefined();
  });

  it('should give what a declined message named within the TTL, beside the last entry, and ignore an unreadable one', () => {
    const declined = { actor: 'LaKI', namesOther: true, capitalised: true, unknownThing: false };
    const afterDecline = topicAfterDecline({ lastEntryId: 'laki-telefon' }, stored, declined, at(60_000));
    expect(topicContext(afterDecline, at(60_000))).toEqual({ lastEntryId: 'laki-telefon', declined });
    expect(topicContext(afterDecline, at(FOLLOW_UP_TTL_MS + 30_000))).toEqual({ declined });
    expect(topicContext(afterDecline, at(FOLLOW_UP_TTL_MS + 60_001))).toBeUndefined();
    expect(topicContext(topicAfterDecline(undefined, undefined, declined, at(0)), at(0))).toEqual({ declined });
    expect(topicContext({ declined: { actor: 'LaKI' }, declinedAt: stored.answeredAt } as never, at(0))).toBeUndefined();
  });

  it('should keep whether a declined message named a person, and ignore an unreadable mark', () => {
    const declined = { actor: 'LaKI', namesOther: true, namesPerson: true as const, capitalised: true, unknownThing: true };
    expect(topicContext(topicAfterDecline(undefined, undefined, declined, at(0)), at(0))).toEqual({ declined });
    expect(topicContext({ declined: { ...declined, namesPerson: 'ja' }, declinedAt: at(0).toISOString() } as never, at(0))).toBeUndefined();
  });

  it('should drop the declined message and keep the last answer\'s topic once a turn only got suggestions', () => {
    const declined = { namesOther: false, capitalised: true, unknownThing: true };
    expect(topicWithoutDeclined(topicAfterDecline({ lastEntryId: 'laki-telefon' }, stored, declined, at(0)))).toEqual(stored);
    expect(topicWithoutDeclined(topicAfterDecline(undefined, undefined, declined, at(0)))).toBeUndefined();
  });

  it('should be a 30-minute window', () => {
    expect(FOLLOW_UP_TTL_MS).toBe(30 * 60 * 1000);
  });
});
