/**
 * The outbox's delivery handlers: one per job kind. Each reads the ticket as it is now, so a
 * retried or late job never sends stale content, and each is safe to run again.
 *
 * Crashes between "sent" and "recorded": before a message leaves, the job's send marker is
 * stored (`JobStore.markSending`). A job claimed with the marker still set was sending when its
 * process died, so nobody knows whether the message arrived. Then the channel card and the mail
 * are sent again, saying they are a repeat, and every card of the ticket is kept and updated;
 * a message to the asker is never sent again (the job fails for an operator to decide), so the
 * asker never receives an answer twice. docs/deploy.md states the guarantee.
 */
import type { JobStore, TicketStore } from './store';
import { askerUpdateCard } from './cards/askerUpdateCard';
import { ticketCard } from './cards/ticketCard';
import { PermanentDeliveryError, RetryableError } from './errors';
import type { AskerMessagePayload, AskerNotice, Job, TicketJobKind } from './job';
import type { Logger } from '../logger';
import type { BestGuess } from './mail/ticketMail';
import type { Mailer } from './mailer';
import type { JobHandler } from './outbox';
import type { TeamsDelivery } from './teamsChannel';
import { channelCardsOf, withChannelCard, type ChannelCard, type Ticket } from './ticket';

export interface DeliveryHandlerDeps {
  readonly tickets: TicketStore;
  /** Read to see whether a card update has to wait for the channel post. */
  readonly jobs: JobStore;
  readonly teams: TeamsDelivery;
  /** Absent when e-mail is off; e-mail jobs are then never enqueued. */
  readonly mailer?: Mailer;
  /** Titles for the ticket's best-guess ids (from the current knowledge base). */
  readonly bestGuesses: (ids: readonly string[]) => BestGuess[];
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/** Developer-facing reasons a handler gives up or waits. */
export const HandlerMessage = Object.freeze({
  cardNotPostedYet: 'The ticket card is not posted yet; the update waits for the channel post',
  noMailer: 'E-mail job without a configured mailer',
  badPayload: 'Asker message job with an invalid payload',
  askerOutcomeUnknown:
    'Outcome unknown: the process stopped while this message to the asker was being sent. Not sent again, so the asker ' +
    'never gets it twice; check with the asker, then retry (npm run jobs -- retry <id>) or discard it',
});

const NOTICES: readonly AskerNotice[] = ['taken', 'answered', 'closed'];

/** Creates the handlers for {@link createOutboxWorker}. */
export function createDeliveryHandlers(deps: DeliveryHandlerDeps): Readonly<Record<TicketJobKind, JobHandler>> {
  const clock = deps.clock ?? (() => new Date());

  /** Loads the job's ticket; a ticket deleted meanwhile (retention) leaves nothing to deliver. */
  const withTicket = (deliver: (ticket: Ticket, job: Job) => Promise<void>): JobHandler => async (job) => {
    const ticket = job.ticketId === undefined ? undefined : await deps.tickets.get(job.ticketId);
    if (!ticket) {
      deps.logger.warn({ jobId: job.id, kind: job.kind }, 'delivery skipped: the ticket no longer exists');
      return;
    }
    await deliver(ticket, job);
  };

  return {
    'channel-post': withTicket(async (ticket, job) => {
      if (ticket.channelCardActivityId) return;
      const repeated = job.sendStartedAt !== undefined;
      await deps.jobs.markSending(job.id, clock());
      const posted = await deps.teams.postToChannel(ticketCard(ticket, deps.bestGuesses(ticket.bestGuessIds), { repeated }));
      const card: ChannelCard = { threadId: posted.threadId, activityId: posted.activityId, ...(repeated ? { repeat: true } : {}) };
      await deps.tickets.update(
        ticket.id,
        (current) => ({ ticket: { ...withChannelCard(current, card), channelThreadId: posted.threadId, channelCardActivityId: posted.activityId } }),
        clock(),
      );
      if (repeated) deps.logger.warn({ ticket: ticket.number, jobId: job.id }, 'ticket card posted again: a restart left the first post unconfirmed');
      deps.logger.info({ ticket: ticket.number }, 'ticket posted to the LaKI channel');
    }),

    'card-update': withTicket(async (ticket) => {
      const cards = channelCardsOf(ticket);
      if (cards.length === 0) {
        // A post still to come renders the ticket as it is then, so this update has nothing to
        // add. A post in flight (or just finished) may have rendered the old state: wait for it.
        const post = (await deps.jobs.listByTicket(ticket.id)).find((job) => job.kind === 'channel-post');
        if (post?.state === 'running' || post?.state === 'done') throw new RetryableError(HandlerMessage.cardNotPostedYet);
        deps.logger.debug({ ticket: ticket.number, post: post?.state ?? 'none' }, 'card update skipped: the card is not posted');
        return;
      }
      // Every card of the ticket shows the same state: a click on any of them is answered everywhere.
      const guesses = deps.bestGuesses(ticket.bestGuessIds);
      for (const card of cards) {
        await deps.teams.updateCard(card.threadId, card.activityId, ticketCard(ticket, guesses, { repeated: card.repeat }));
      }
    }),

    email: withTicket(async (ticket, job) => {
      if (!deps.mailer) throw new PermanentDeliveryError(HandlerMessage.noMailer);
      if (ticket.mailMessageId) return;
      const repeated = job.sendStartedAt !== undefined;
      await deps.jobs.markSending(job.id, clock());
      const { messageId } = await deps.mailer.sendTicketMail(ticket, deps.bestGuesses(ticket.bestGuessIds), { repeated });
      await deps.tickets.update(ticket.id, (current) => ({ ticket: { ...current, mailMessageId: messageId } }), clock());
      if (repeated) deps.logger.warn({ ticket: ticket.number, jobId: job.id }, 'ticket mailed again: a restart left the first mail unconfirmed');
      deps.logger.info({ ticket: ticket.number }, 'ticket mailed to the LaKI inbox');
    }),

    'asker-message': withTicket(async (ticket, job) => {
      const payload = job.payload as Partial<AskerMessagePayload>;
      if (!payload.notice || !NOTICES.includes(payload.notice)) throw new PermanentDeliveryError(HandlerMessage.badPayload);
      // At most once: a send whose outcome is unknown is not repeated (see the file comment).
      if (job.sendStartedAt !== undefined) throw new PermanentDeliveryError(HandlerMessage.askerOutcomeUnknown);
      await deps.jobs.markSending(job.id, clock());
      await deps.teams.sendToAsker(ticket.askerConversationReference, askerUpdateCard(ticket, payload as AskerMessagePayload));
      deps.logger.info({ ticket: ticket.number, notice: payload.notice }, 'asker notified');
    }),
  };
}
