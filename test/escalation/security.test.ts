import type { Activity } from 'botbuilder';
import { escalationSubmitPayloadSchema, parseTicketAction } from '../../src/escalation/payloads';
import { isFromLakiChannel, isInLakiChannel } from '../../src/escalation/security';
import { EscalationVerb, TicketVerb } from '../../src/escalation/verbs';

const CONFIG = { channelId: '19:laki@thread.tacv2', tenantId: 'tenant-nrw' };

function channelActivity(overrides: { channelId?: string; tenant?: string; conversationId?: string; conversationTenant?: string; teamsChannel?: string } = {}): Partial<Activity> {
  return {
    type: 'message',
    channelId: overrides.channelId ?? 'msteams',
    conversation: {
      id: overrides.conversationId ?? '19:laki@thread.tacv2;messageid=1700000000000',
      isGroup: true,
      conversationType: 'channel',
      name: '',
      ...(overrides.conversationTenant ? { tenantId: overrides.conversationTenant } : {}),
    },
    channelData: { channel: { id: overrides.teamsChannel ?? CONFIG.channelId }, tenant: { id: overrides.tenant ?? CONFIG.tenantId } },
  };
}

describe('isFromLakiChannel', () => {
  it.each<[string, Partial<Activity>, boolean]>([
    ['a thread in the LaKI channel', channelActivity(), true],
    ['the LaKI channel itself', channelActivity({ conversationId: CONFIG.channelId }), true],
    ['a matching conversation tenant', channelActivity({ conversationTenant: CONFIG.tenantId }), true],
    ['another channel', channelActivity({ teamsChannel: '19:other@thread.tacv2', conversationId: '19:other@thread.tacv2;messageid=1' }), false],
    ['channelData naming LaKI in another conversation', channelActivity({ conversationId: '19:other@thread.tacv2;messageid=1' }), false],
    ['another tenant', channelActivity({ tenant: 'tenant-evil' }), false],
    ['another conversation tenant', channelActivity({ conversationTenant: 'tenant-evil' }), false],
    ['another Bot Framework channel', channelActivity({ channelId: 'webchat' }), false],
    ['a personal chat', { channelId: 'msteams', conversation: { id: 'a:personal', isGroup: false, conversationType: 'personal', name: '' }, channelData: { tenant: { id: CONFIG.tenantId } } }, false],
    ['an activity without channelData', { channelId: 'msteams', conversation: { id: CONFIG.channelId, isGroup: true, conversationType: 'channel', name: '' } }, false],
  ])('should judge %s: %s', (_case, activity, expected) => {
    expect(isFromLakiChannel(activity, CONFIG)).toBe(expected);
  });

  it('should compare tenant ids like the tenant restriction does: a GUID configured in upper case still matches', () => {
    const tenant = '6f1c2d3e-aaaa-bbbb-cccc-0123456789ab';
    const config = { channelId: CONFIG.channelId, tenantId: tenant.toUpperCase() };
    expect(isFromLakiChannel(channelActivity({ tenant, conversationTenant: tenant }), config)).toBe(true);
    expect(isFromLakiChannel(channelActivity({ tenant: 'tenant-evil', conversationTenant: tenant }), config)).toBe(false);
  });

  it('should refuse everything when the channel or tenant is not configured', () => {
    expect(isFromLakiChannel(channelActivity(), { channelId: '', tenantId: CONFIG.tenantId })).toBe(false);
    expect(isFromLakiChannel(channelActivity(), { channelId: CONFIG.channelId, tenantId: '' })).toBe(false);
  });
});

describe('parseTicketAction', () => {
  it.each<[unknown, ReturnType<typeof parseTicketAction>]>([
    [{ verb: TicketVerb.Take, ticketNumber: 'LAKI-2026-0042' }, { action: 'take', ticketNumber: 'LAKI-2026-0042' }],
    [{ verb: TicketVerb.Answer, ticketNumber: 'LAKI-2026-0042', answer: 'Text' }, { action: 'answer', ticketNumber: 'LAKI-2026-0042', answer: 'Text' }],
    [{ verb: TicketVerb.Answer, ticketNumber: 'LAKI-2026-0042' }, { action: 'answer', ticketNumber: 'LAKI-2026-0042', answer: '' }],
    [{ verb: TicketVerb.Close, ticketNumber: 'LAKI-2026-0042' }, { action: 'close', ticketNumber: 'LAKI-2026-0042' }],
    [{ verb: TicketVerb.Reopen, ticketNumber: 'LAKI-2026-0042' }, { action: 'reopen', ticketNumber: 'LAKI-2026-0042' }],
    [{ verb: TicketVerb.Take, ticketNumber: 'LAKI-2026-0042; DROP TABLE' }, undefined],
    [{ verb: TicketVerb.Take }, undefined],
    [{ verb: 'delete', ticketNumber: 'LAKI-2026-0042' }, undefined],
    [{ verb: TicketVerb.Answer, ticketNumber: 'LAKI-2026-0042', answer: 42 }, undefined],
    ['ticketTake', undefined],
    [null, undefined],
  ])('should parse %j as %j', (value, expected) => {
    expect(parseTicketAction(value)).toEqual(expected);
  });
});

describe('overlong text in a submit', () => {
  it('should pass an overlong answer, question or Kommune on, so the service can say which field is too long', () => {
    const long = 'x'.repeat(20_000);
    expect(parseTicketAction({ verb: TicketVerb.Answer, ticketNumber: 'LAKI-2026-0042', answer: long })).toEqual({
      action: 'answer',
      ticketNumber: 'LAKI-2026-0042',
      answer: long,
    });
    expect(escalationSubmitPayloadSchema.safeParse({ verb: EscalationVerb.Submit, draftId: 'd1', question: long, kommune: long }).success).toBe(true);
  });
});

describe('escalation submit payload', () => {
  it.each<[unknown, boolean]>([
    [{ verb: EscalationVerb.Submit, draftId: 'd1', question: 'Frage', kommune: 'Hamm' }, true],
    [{ verb: EscalationVerb.Submit, draftId: 'd1' }, true],
    [{ verb: EscalationVerb.Submit, question: 'Frage' }, false],
    [{ verb: EscalationVerb.Submit, draftId: 'd1', question: 42 }, false],
    [{ verb: EscalationVerb.Submit, draftId: 'x'.repeat(101) }, false],
  ])('should accept %j: %s', (value, ok) => {
    expect(escalationSubmitPayloadSchema.safeParse(value).success).toBe(ok);
  });
});

describe('isInLakiChannel', () => {
  it.each<[string, Partial<Activity>, boolean]>([
    ['the LaKI channel', { conversation: { id: CONFIG.channelId, isGroup: true, conversationType: 'channel', name: '' }, channelData: { tenant: { id: 'TENANT-NRW' } } }, true],
    ['the LaKI channel without a tenant', { conversation: { id: CONFIG.channelId, isGroup: true, conversationType: 'channel', name: '' } }, true],
    ['another channel', { conversation: { id: '19:other@thread.tacv2', isGroup: true, conversationType: 'channel', name: '' } }, false],
    ['the LaKI channel id in another tenant', { conversation: { id: CONFIG.channelId, isGroup: true, conversationType: 'channel', name: '' }, channelData: { tenant: { id: 'tenant-evil' } } }, false],
  ])('should say for %s: %s', (_name, activity, expected) => {
    expect(isInLakiChannel(activity, CONFIG)).toBe(expected);
  });
});
