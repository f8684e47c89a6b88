/**
 * The escalation back end, wired: one call for the composition root. The bot integration then
 * needs only `service` (escalate, ticket actions, "Meine Fragen"), `isFromLakiChannel`,
 * `parseTicketAction`, `userMessageFor` and the verbs; `/healthz` reads `worker.health()`.
 */
import type { JobStore, TicketStore } from './store';
import { resolveBestGuesses, type KnowledgeSource } from './bestGuesses';
import { createDeliveryHandlers } from './handlers';
import type { Logger } from '../logger';
import { createMailer, type Mailer } from './mailer';
import { createOutboxWorker, type JobHandlers, type OutboxWorker, type OutboxWorkerDeps } from './outbox';
import { createEscalationService, type EscalationService, type EscalationSettings } from './service';
import { createTeamsDelivery, type ProactiveAdapter, type TeamsChannelSettings, type TeamsDelivery } from './teamsChannel';

export { isFromLakiChannel, type LakiChannelIdentity } from './security';
export { createEscalationExtension, ASK_LAKI_PATTERN, MY_TICKETS_PATTERN, type EscalationExtensionDeps } from './extension';
export { escalationHealth, scheduleTicketRetention, type TicketRetentionSchedule } from './runtime';
export {
  parseTicketAction,
  ticketFeedbackPayloadSchema,
  escalationStartPayloadSchema,
  escalationSubmitPayloadSchema,
  escalationCancelPayloadSchema,
  type TicketActionRequest,
} from './payloads';
export { userMessageFor } from './userMessages';
export { TicketVerb, EscalationVerb, DraftInput, ANSWER_INPUT_ID } from './verbs';
export { draftCard, forwardToLakiAction } from './cards/draftCard';
export { myTicketsCard } from './cards/myTicketsCard';
export { ticketCard } from './cards/ticketCard';
export { EscalationMessages } from './messages';
export type { EscalationDraft, EscalationResult, EscalationService, TicketActionResult } from './service';
export type { Actor, ChannelCard, Ticket, TicketStatus } from './ticket';
export { DedupeKey, JOB_STATES } from './job';
export type { Job, JobKind, JobState, NewJob, ReportPostPayload } from './job';
export { PermanentDeliveryError } from './errors';
export type { JobHandler, JobHandlers } from './outbox';
export type { TeamsDelivery } from './teamsChannel';
export { formatTicketNumber, ticketYear } from './ticket';
export type { CreatedTicket, JobCounts, JobStore, NewTicket, TicketMutator, TicketStore } from './store';

export interface EscalationDeps {
  readonly tickets: TicketStore;
  readonly jobs: JobStore;
  /** The bot's adapter (credentials included) for proactive sends. */
  readonly adapter: ProactiveAdapter;
  /** `''` in local mode. */
  readonly botAppId: string;
  /** The LaKI channel; absent: no channel posts. */
  readonly channel?: TeamsChannelSettings;
  /** SMTP settings; absent: no e-mail. */
  readonly mail?: { readonly smtpUrl: string; readonly from: string; readonly to: string };
  readonly knowledge?: KnowledgeSource;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly settings?: Partial<Omit<EscalationSettings, 'channelEnabled' | 'emailEnabled'>>;
  readonly outbox?: OutboxWorkerDeps['options'];
  /**
   * Handlers for job kinds about no ticket (the weekly report post), given the Teams delivery, so
   * those messages get the outbox's persistence, retries and dedupe keys too.
   */
  readonly moreHandlers?: (teams: TeamsDelivery) => JobHandlers;
}

export interface Escalation {
  readonly service: EscalationService;
  readonly worker: OutboxWorker;
  readonly teams: TeamsDelivery;
  readonly mailer?: Mailer;
  /**
   * Privacy and housekeeping: deletes closed tickets past `ticketRetentionDays` (with their jobs)
   * and delivered jobs older than {@link DONE_JOB_RETENTION_DAYS}. Call at start and daily.
   */
  applyRetention(): Promise<{ tickets: number; jobs: number }>;
  /** Stops the worker and closes the SMTP pool (the store is closed by its owner). */
  close(): Promise<void>;
}

/** Delivered jobs are kept this long for diagnosis, then deleted. */
export const DONE_JOB_RETENTION_DAYS = 14;

/** Wires delivery, outbox worker and service. Call `worker.start()` once the server listens. */
export function createEscalation(deps: EscalationDeps): Escalation {
  const teams = createTeamsDelivery({ adapter: deps.adapter, botAppId: deps.botAppId, channel: deps.channel });
  const mailer = deps.mail ? createMailer({ ...deps.mail, channelConfigured: Boolean(deps.channel) }) : undefined;
  const handlers = createDeliveryHandlers({
    tickets: deps.tickets,
    jobs: deps.jobs,
    teams,
    mailer,
    bestGuesses: (ids) => resolveBestGuesses(ids, deps.knowledge),
    logger: deps.logger,
    clock: deps.clock,
  });
  const worker = createOutboxWorker({ jobs: deps.jobs, handlers: { ...deps.moreHandlers?.(teams), ...handlers }, logger: deps.logger, clock: deps.clock, options: deps.outbox });
  const service = createEscalationService({
    tickets: deps.tickets,
    knowledge: deps.knowledge,
    clock: deps.clock,
    settings: { ...deps.settings, channelEnabled: Boolean(deps.channel), emailEnabled: Boolean(deps.mail) },
    onJobsEnqueued: () => worker.wake(),
  });
  return {
    service,
    worker,
    teams,
    mailer,
    async applyRetention() {
      const tickets = await service.applyRetention();
      const now = (deps.clock ?? (() => new Date()))();
      const jobs = await deps.jobs.deleteDoneBefore(new Date(now.getTime() - DONE_JOB_RETENTION_DAYS * 24 * 60 * 60 * 1000));
      return { tickets, jobs };
    },
    async close() {
      await worker.stop();
      mailer?.close();
    },
  };
}
