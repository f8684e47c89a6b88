/** Who may act on tickets: only members of the configured LaKI channel, in the right tenant. */
import type { Activity } from 'botbuilder';

/** The LaKI channel as configured (`LAKI_TEAMS_CHANNEL_ID`, `TEAMS_TENANT_ID`). */
export interface LakiChannelIdentity {
  readonly channelId: string;
  readonly tenantId: string;
}

/**
 * True only when the activity was sent in the configured LaKI channel (the channel itself or a
 * thread in it) of the configured tenant. Every check must pass: the Teams channel id in
 * `channelData`, the conversation id (a thread's id is `<channelId>;messageid=<id>`) and the
 * tenant in `channelData` and, when present, in the conversation. A ticket action from anywhere
 * else (a personal chat, another team, another tenant) is refused.
 */
export function isFromLakiChannel(activity: Partial<Activity>, config: LakiChannelIdentity): boolean {
  if (!config.channelId || !config.tenantId) return false;
  if (activity.channelId !== 'msteams') return false;
  const channelData = (activity.channelData ?? {}) as { channel?: { id?: unknown }; tenant?: { id?: unknown } };
  if (channelData.channel?.id !== config.channelId) return false;
  if (!sameTenant(channelData.tenant?.id, config.tenantId)) return false;
  const conversation = activity.conversation;
  if (!conversation || typeof conversation.id !== 'string') return false;
  if (conversation.id.split(';')[0] !== config.channelId) return false;
  if (conversation.tenantId !== undefined && !sameTenant(conversation.tenantId, config.tenantId)) return false;
  return true;
}

/**
 * True when the activity's conversation is the configured LaKI channel (or a thread in it) and
 * no other tenant is named. Looser than {@link isFromLakiChannel}, since an install event need not
 * carry the channel data of a ticket action: it only chooses which note to post, and must never
 * authorise anything.
 */
export function isInLakiChannel(activity: Partial<Activity>, config: LakiChannelIdentity): boolean {
  if (!config.channelId) return false;
  const conversationId = activity.conversation?.id;
  if (typeof conversationId !== 'string' || conversationId.split(';')[0] !== config.channelId) return false;
  const tenantId = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  return tenantId === undefined || sameTenant(tenantId, config.tenantId);
}

/** Tenant ids are GUIDs, compared without regard to case (as the server's tenant restriction does). */
function sameTenant(id: unknown, tenantId: string): boolean {
  return typeof id === 'string' && id.toLowerCase() === tenantId.toLowerCase();
}
