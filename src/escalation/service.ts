/**
 * The escalation service: what the bot calls. It validates, stores tickets and the delivery
 * jobs each change causes in one transaction, and wakes the outbox; it never delivers itself.
 */
import { createHash } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { TicketStore } from './store';
import { bestGuessIdsFor, type KnowledgeSource } from './bestGuesses';
import { InvalidDraftError, TicketNotFoundError } from './errors';
import { DedupeKey, type AskerMessagePayload, type NewJob } from './job';
import { applyTicketAction, channelCardsOf, withChannelCard, type Actor, type ChannelCard, type Ticket, type TicketAction } from './ticket';

/** What the app configured for escalation (mapped from `src/config.ts` in the composition root). */
export interface EscalationSettings {
  /** Whether tickets go to the LaKI Teams channel (card post and updates). */
  readonly channelEnabled: boolean;
  /** Whether tickets are mailed to the LaKI inbox. */
  readonly emailEnabled: boolean;
  /** Escalations per user and window (default 10 per hour). */
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  /** Closed tickets are deleted this many days after their last change (default 180). */
  readonly ticketRetentionDays: number;
}

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = Object.freeze({
  channelEnabled: false,
  emailEnabled: false,
  rateLimit: Object.freeze({ max: 10, windowMs: 60 * 60 * 1000 }),
  ticketRetentionDays: 180,
});

/** Limits on what a draft may carry, in characters. */
export const DRAFT_LIMITS = Object.freeze({ question: 1000, kommune: 200, askerName: 200, idempotencyKey: 200 });

/** What the asker confirmed with "Absenden". */
export interface EscalationDraft {
  readonly question: string;
  readonly kommune?: string;
  readonly askerName: string;
  readonly askerUserId: string;
  readonly askerAadObjectId?: string;
  /** `TurnContext.getConversationReference(context.activity)` of the asker's chat. */
  readonly conversationReference: Partial<ConversationReference>;
  /** The submitting activity's id or a draft id on the card: the same key never makes a second ticket. */
  readonly idempotencyKey: string;
  /** Defaults to the knowledge base's closest entries for the question. */
  readonly bestGuessIds?: readonly string[];
}

export type EscalationResult =
  | { readonly outcome: 'created'; readonly ticket: Ticket }
  /** The idempotency key was used before: this is the ticket it created. */
  | { readonly outcome: 'duplicate'; readonly ticket: Ticket }
  | { readonly outcome: 'rate-limited'; readonly limit: number };

/** A ticket after an action; `changed` is false for a repeated action that changed nothing. */
export interface TicketActionResult {
  readonly ticket: Ticket;
  readonly changed: boolean;
}

export interface EscalationService {
  /** Creates the ticket and its first deliveries. Throws {@link InvalidDraftError} for a bad draft. */
  escalate(draft: EscalationDraft): Promise<EscalationResult>;
  take(ticketNumber: string, actor: Actor): Promise<TicketActionResult>;
  answer(ticketNumber: string, actor: Actor, answer: string): Promise<TicketActionResult>;
  close(ticketNumber: string, actor: Actor): Promise<TicketActionResult>;
  reopen(ticketNumber: string, actor: Actor): Promise<TicketActionResult>;
  /**
   * One entry point for a parsed card submit. `pressedOn`: the card the button was on (its thread
   * and activity id); a card the ticket does not know yet (posted before a crash, never recorded)
   * is added to the ticket's cards, so it is updated from now on like the current one.
   */
  act(action: TicketAction, ticketNumber: string, actor: Actor, answer?: string, pressedOn?: ChannelCard): Promise<TicketActionResult>;
  /** The ticket an earlier "Absenden" of this draft created, if any (nothing is created here). */
  ticketForDraft(askerUserId: string, idempotencyKey: string): Promise<Ticket | undefined>;
  /** "Meine Fragen": the user's tickets, newest first. */
  listForUser(userId: string, limit?: number): Promise<Ticket[]>;
  /** Deletes closed tickets (and their jobs) past retention; resolves to the number deleted. */
  applyRetention(): Promise<number>;
}

export interface EscalationServiceDeps {
  /** Stores tickets together with the jobs each change causes (one transaction). */
  readonly tickets: TicketStore;
  readonly knowledge?: KnowledgeSource;
  readonly settings?: Partial<EscalationSettings>;
  readonly clock?: () => Date;
  /** Called after jobs were stored, e.g. `worker.wake`. */
  readonly onJobsEnqueued?: () => void;
}

/** Creates the service. */
export function createEscalationService(deps: EscalationServiceDeps): EscalationService {
  const settings: EscalationSettings = { ...DEFAULT_ESCALATION_SETTINGS, ...deps.settings };
  const clock = deps.clock ?? (() => new Date());
  const notify = () => deps.onJobsEnqueued?.();

  function firstJobs(ticket: Ticket): NewJob[] {
    return [
      ...(settings.channelEnabled ? [{ kind: 'channel-post' as const, ticketId: ticket.id, dedupeKey: DedupeKey.channelPost(ticket.id) }] : []),
      ...(settings.emailEnabled ? [{ kind: 'email' as const, ticketId: ticket.id, dedupeKey: DedupeKey.email(ticket.id) }] : []),
    ];
  }

  /** The jobs an action causes: the card shows the new state, the asker hears about it. */
  function jobsAfter(action: TicketAction, next: Ticket, version: number): NewJob[] {
    const jobs: NewJob[] = [];
    if (settings.channelEnabled) jobs.push(cardUpdateJob(next.id, version));
    const asker = (dedupeKey: string, payload: AskerMessagePayload): NewJob => ({
      kind: 'asker-message',
      ticketId: next.id,
      dedupeKey,
      payload: { ...payload },
    });
    if (action === 'take') jobs.push(asker(DedupeKey.askerTaken(next.id), { notice: 'taken' }));
    if (action === 'answer') {
      jobs.push(asker(DedupeKey.askerAnswer(next.id, hash(next.answer ?? '')), { notice: 'answered', answer: next.answer, answeredBy: next.answeredBy?.name }));
    }
    if (action === 'close') jobs.push(asker(DedupeKey.askerClosed(next.id, version), { notice: 'closed' }));
    return jobs;
  }

  async function act(
    action: TicketAction,
    ticketNumber: string,
    actor: Actor,
    answer?: string,
    pressedOn?: ChannelCard,
  ): Promise<TicketActionResult> {
    const existing = await deps.tickets.getByNumber(ticketNumber);
    if (!existing) throw new TicketNotFoundError(ticketNumber);
    const now = clock();
    let changed = false;
    let enqueued = false;
    const stored = await deps.tickets.update(
      existing.id,
      (current) => {
        const next = applyTicketAction(current, action, actor, now, answer);
        const base = next ?? current;
        const withCard = settings.channelEnabled && pressedOn ? withPressedCard(base, pressedOn) : base;
        if (!next && withCard === base) return undefined;
        changed = Boolean(next);
        enqueued = true;
        const version = current.version + 1;
        // Only a new card: it is brought up to date like the others.
        const jobs = next ? jobsAfter(action, withCard, version) : [cardUpdateJob(withCard.id, version)];
        return { ticket: withCard, jobs };
      },
      now,
    );
    if (!stored) throw new TicketNotFoundError(ticketNumber);
    if (enqueued) notify();
    return { ticket: stored, changed };
  }

  return {
    async escalate(draft) {
      const input = validateDraft(draft);
      // Keys are scoped to the asker: another user's key can never reveal someone else's ticket.
      const idempotencyKey = scopedKey(input.askerUserId, input.idempotencyKey);
      const existing = await deps.tickets.getByIdempotencyKey(idempotencyKey);
      if (existing) return { outcome: 'duplicate', ticket: existing };
      const now = clock();
      const since = new Date(now.getTime() - settings.rateLimit.windowMs);
      if ((await deps.tickets.countByAskerSince(input.askerUserId, since)) >= settings.rateLimit.max) {
        return { outcome: 'rate-limited', limit: settings.rateLimit.max };
      }
      const { ticket, created } = await deps.tickets.create(
        {
          question: input.question,
          kommune: input.kommune,
          askerName: input.askerName,
          askerUserId: input.askerUserId,
          askerAadObjectId: input.askerAadObjectId,
          askerConversationReference: input.conversationReference,
          bestGuessIds: input.bestGuessIds ?? bestGuessIdsFor(input.question, deps.knowledge),
          idempotencyKey,
        },
        firstJobs,
        now,
      );
      if (!created) return { outcome: 'duplicate', ticket };
      notify();
      return { outcome: 'created', ticket };
    },
    take: (ticketNumber, actor) => act('take', ticketNumber, actor),
    answer: (ticketNumber, actor, answer) => act('answer', ticketNumber, actor, answer),
    close: (ticketNumber, actor) => act('close', ticketNumber, actor),
    reopen: (ticketNumber, actor) => act('reopen', ticketNumber, actor),
    act,
    async ticketForDraft(askerUserId, idempotencyKey) {
      if (!askerUserId.trim() || !idempotencyKey.trim()) return undefined;
      return deps.tickets.getByIdempotencyKey(scopedKey(askerUserId.trim(), idempotencyKey.trim()));
    },
    listForUser: (userId, limit = 10) => deps.tickets.listByAsker(userId, limit),
    async applyRetention() {
      const cutoff = new Date(clock().getTime() - settings.ticketRetentionDays * 24 * 60 * 60 * 1000);
      return deps.tickets.deleteClosedBefore(cutoff);
    },
  };
}

/** Cards kept per ticket; more than a handful would mean a post was repeated in a loop. */
export const MAX_CHANNEL_CARDS = 10;

function cardUpdateJob(ticketId: string, version: number): NewJob {
  return { kind: 'card-update', ticketId, dedupeKey: DedupeKey.cardUpdate(ticketId, version) };
}

/**
 * The ticket with the pressed card among its cards (the same object when it is known already).
 * A ticket without a recorded card takes the pressed one as its current card.
 */
function withPressedCard(ticket: Ticket, pressedOn: ChannelCard): Ticket {
  const known = channelCardsOf(ticket).some((card) => card.activityId === pressedOn.activityId && card.threadId === pressedOn.threadId);
  if (known || channelCardsOf(ticket).length >= MAX_CHANNEL_CARDS) return ticket;
  const card: ChannelCard = { threadId: pressedOn.threadId, activityId: pressedOn.activityId };
  const withCard = withChannelCard(ticket, card);
  return ticket.channelCardActivityId ? withCard : { ...withCard, channelThreadId: card.threadId, channelCardActivityId: card.activityId };
}

/** The stored idempotency key: the asker's id and the draft id. */
function scopedKey(askerUserId: string, idempotencyKey: string): string {
  return `${askerUserId}:${idempotencyKey}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Trims and checks a draft; throws {@link InvalidDraftError} naming the field. */
function validateDraft(draft: EscalationDraft): EscalationDraft {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const question = text(draft.question);
  const kommune = text(draft.kommune);
  const askerName = text(draft.askerName);
  const askerUserId = text(draft.askerUserId);
  const idempotencyKey = text(draft.idempotencyKey);
  const required: Array<[string, string, number]> = [
    ['question', question, DRAFT_LIMITS.question],
    ['askerName', askerName, DRAFT_LIMITS.askerName],
    ['askerUserId', askerUserId, DRAFT_LIMITS.idempotencyKey],
    ['idempotencyKey', idempotencyKey, DRAFT_LIMITS.idempotencyKey],
  ];
  for (const [field, value, max] of required) {
    if (!value) throw new InvalidDraftError(field, 'is empty');
    if (value.length > max) throw new InvalidDraftError(field, `is longer than ${max} characters`);
  }
  if (kommune.length > DRAFT_LIMITS.kommune) throw new InvalidDraftError('kommune', `is longer than ${DRAFT_LIMITS.kommune} characters`);
  if (!draft.conversationReference?.conversation?.id || !draft.conversationReference.serviceUrl) {
    throw new InvalidDraftError('conversationReference', 'has no conversation id or service URL');
  }
  return {
    ...draft,
    question,
    kommune: kommune || undefined,
    askerName,
    askerUserId,
    idempotencyKey,
  };
}
