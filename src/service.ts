/**
 * The service factory: builds and starts every running part from a validated configuration —
 * store, knowledge (+ hot reload), adapter, escalation, the teams-ai Application with its
 * extensions, the HTTP server, metrics and the retention schedules — and closes them again in
 * the right order.
 *
 * `src/index.ts` calls it with the configuration from the environment; tests call it with their
 * own configuration and {@link ServiceOverrides} (a clock, a captured logger, a preloaded
 * knowledge snapshot, a store they inspect), so they run the service exactly as it is wired in
 * production instead of re-wiring it by hand.
 */
import { createAdapter, createApp, type AppExtension } from './bot';
import type { Config } from './config';
import { createEditors, createEditorsExtension, seedKnowledgeDir, type Editors } from './editors';
import {
  createWeeklyReport,
  createWeeklyReportExtension,
  createWeeklyReportSchedule,
  REPORT_ENTRY_ACTIONS,
  reportPostHandler,
} from './editors';
import {
  createEscalation,
  createEscalationExtension,
  escalationHealth,
  scheduleTicketRetention,
  type Escalation,
} from './escalation';
import {
  createKnowledgeHolder,
  createKnowledgeWatcher,
  knowledgeReloadHealth,
  loadKnowledgeBase,
  type IndexedKnowledgeBase,
  type KnowledgeHolder,
  type KnowledgeWatcher,
  type WatcherLogger,
} from './knowledge';
import { createLogger, type Logger } from './logger';
import { countedReloads, createMetrics, measuredKnowledge, type Metrics } from './metrics';
import { createSearchExtension } from './messageExtension';
import { createServer, startAdminServer, type HealthCheck, type HttpServer } from './server';
import { openConfiguredStore, readersOf, scheduleQuestionLogRetention, type Store } from './storage';

/** The window of `ESCALATION_LIMIT_PER_HOUR`. */
const HOUR_MS = 60 * 60 * 1000;

/** Parts a caller brings instead of the ones the configuration would build. */
export interface ServiceOverrides {
  /** Default: pino at `config.logLevel` on stdout. */
  readonly logger?: Logger;
  /**
   * An open store (tests inspect its SQLite file); default: the store `config` names (PostgreSQL
   * with `databaseUrl`, else SQLite in `dataDir`). The service closes it either way.
   */
  readonly store?: Store;
  /** A loaded snapshot (tests load a knowledge directory once per file); default: `config.knowledgeDir`. */
  readonly knowledge?: IndexedKnowledgeBase;
  /** Default: new instruments when `config.metrics.enabled`. */
  readonly metrics?: Metrics;
  /** "Now" for the escalation (tickets, rate limit, outbox); default: the system clock. */
  readonly clock?: () => Date;
  /** Outbox worker timing (poll interval, back-off, batch size). */
  readonly outbox?: Parameters<typeof createEscalation>[0]['outbox'];
  /** Hot reload: a quieter debounce for tests, a separate logger for the watcher's lines. */
  readonly watcher?: { readonly debounceMs?: number; readonly logger?: WatcherLogger };
  /** Extra `/healthz` sections next to the service's own. */
  readonly health?: Readonly<Record<string, HealthCheck>>;
  /** The compose-box search extension; default on. */
  readonly search?: boolean;
  /**
   * Where to register closers as parts open, so a signal during start-up can close what is
   * already open (`src/index.ts` passes the list its signal handler runs). Default: a list of
   * the service's own.
   */
  readonly closers?: Array<() => Promise<void>>;
}

/** The running service. */
export interface Service {
  /** Where the server listens, e.g. `http://127.0.0.1:3978`. */
  readonly url: string;
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly knowledge: KnowledgeHolder<IndexedKnowledgeBase>;
  /** Present when `config.knowledgeReload`. */
  readonly watcher?: KnowledgeWatcher;
  readonly adapter: ReturnType<typeof createAdapter>;
  readonly app: ReturnType<typeof createApp>;
  readonly server: HttpServer;
  /** Present when `config.escalation` is set. */
  readonly escalation?: Escalation;
  /** Drafts, publish and undo in Teams, and the sync that applies publications to KNOWLEDGE_DIR. */
  readonly editors: Editors;
  readonly metrics?: Metrics;
  /** The admin port (`/metrics`, detailed `/healthz`); absent when its port was taken. */
  readonly adminUrl?: string;
  /**
   * Stops the server (running turns finish; they may still enqueue deliveries), then the
   * outbox, the schedules and the watcher, and closes the store last.
   */
  close(): Promise<void>;
}

/** Builds every part from `config`, listens on `config.port`/`config.host` and starts the outbox. */
export async function createService(config: Config, overrides: ServiceOverrides = {}): Promise<Service> {
  const closers = overrides.closers ?? [];
  const close = async () => {
    // Last-in first-out; each closer runs once even when close() is called again.
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    return await start(config, overrides, closers, close);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

async function start(
  config: Config,
  overrides: ServiceOverrides,
  closers: Array<() => Promise<void>>,
  close: () => Promise<void>,
): Promise<Service> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  if (!config.botCredentials) {
    logger.warn(
      { mode: 'local' },
      'NO AUTHENTICATION: MicrosoftAppId and MicrosoftAppPassword are not set, so /api/messages accepts ' +
        'unauthenticated requests from anyone who can reach it. Use this mode only on a developer machine.',
    );
  }
  const metrics = overrides.metrics ?? (config.metrics.enabled ? createMetrics() : undefined);

  // PostgreSQL when DATABASE_URL is set (several instances), else the SQLite file in DATA_DIR.
  const store =
    overrides.store ?? (await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, logger }));
  closers.push(() => store.close());
  if (config.knowledgeSeedDir) {
    const seeded = await seedKnowledgeDir(config.knowledgeSeedDir, config.knowledgeDir);
    logger.info({ from: config.knowledgeSeedDir, to: config.knowledgeDir, ...seeded }, 'knowledge seeded from the shipped YAML');
  }
  const knowledge = createKnowledgeHolder(overrides.knowledge ?? (await loadKnowledgeBase(config.knowledgeDir)));
  const retention = scheduleQuestionLogRetention({
    questionLog: store.questionLog,
    retentionDays: config.questionLogRetentionDays,
    logger,
  });
  closers.push(async () => retention.stop());
  const watcher = config.knowledgeReload
    ? createKnowledgeWatcher({
        dir: config.knowledgeDir,
        holder: knowledge,
        logger: overrides.watcher?.logger ?? logger,
        debounceMs: overrides.watcher?.debounceMs,
        ...(metrics ? { load: countedReloads(loadKnowledgeBase, metrics) } : {}),
      })
    : undefined;
  if (watcher) closers.push(() => watcher.close());
  // Entries editors published in Teams (revisions in the store) are applied before serving, then polled.
  const editors = createEditors({
    dir: config.knowledgeDir,
    store: store.editors,
    holder: knowledge,
    watcher,
    ...(readersOf(store) ? { questionLog: readersOf(store)!.questionLog } : {}),
    logger,
  });
  await editors.sync.start();
  closers.push(async () => editors.sync.stop());
  const adapter = createAdapter(config.botCredentials ?? {}, config.botEndpoints);
  // The weekly report card needs the LaKI channel: posted by the outbox, shown on "Bericht".
  const lakiChannel = config.escalation?.channel;
  const readers = readersOf(store);
  const weeklyReport =
    lakiChannel && readers ? createWeeklyReport({
          readers,
          knowledge,
          actions: REPORT_ENTRY_ACTIONS,
          openDrafts: () => store.editors.countDrafts('open'),
          clock: overrides.clock,
        }) : undefined;
  // Tickets and their deliveries; the outbox worker starts once the server listens.
  const escalation = config.escalation
    ? createEscalation({
        tickets: store.tickets,
        jobs: store.jobs,
        adapter,
        botAppId: config.botCredentials?.appId ?? '',
        channel: config.escalation.channel,
        mail: config.escalation.mail,
        knowledge,
        logger,
        clock: overrides.clock,
        settings: {
          rateLimit: { max: config.escalation.limitPerHour, windowMs: HOUR_MS },
          ticketRetentionDays: config.escalation.ticketRetentionDays,
        },
        outbox: overrides.outbox,
        ...(weeklyReport ? { moreHandlers: (teams) => ({ 'report-post': reportPostHandler(weeklyReport, teams) }) } : {}),
      })
    : undefined;
  const extensions: AppExtension[] = [
    ...(overrides.search === false ? [] : [createSearchExtension({ knowledge, logger, forwarding: Boolean(escalation) })]),
    ...(escalation
      ? [createEscalationExtension({
            service: escalation.service,
            lakiChannel: config.escalation?.channel,
            logger,
            questionLog: store.questionLog,
          })]
      : []),
    createEditorsExtension({
      service: editors.service,
      knowledge,
      tickets: store.tickets,
      lakiChannel: config.escalation?.channel,
      editors: config.knowledgeEditors,
      logger,
    }),
    ...(weeklyReport && lakiChannel ? [createWeeklyReportExtension({ report: weeklyReport, lakiChannel, logger, clock: overrides.clock })] : []),
  ];
  const app = createApp({
    knowledge: metrics ? measuredKnowledge(knowledge, metrics, 'bot') : knowledge,
    questionLog: store.questionLog,
    storage: store.botState,
    logger,
    adapter,
    botAppId: config.botCredentials?.appId,
    extensions,
    privacy: {
      ...(config.privacy.operator ? { operator: config.privacy.operator } : {}),
      ...(config.privacy.notice ? { text: config.privacy.notice } : {}),
      ...(config.privacy.url ? { url: config.privacy.url } : {}),
      questionLogRetentionDays: config.questionLogRetentionDays,
      ...(config.escalation ? { ticketRetentionDays: config.escalation.ticketRetentionDays } : {}),
    },
  });
  const server = createServer({
    adapter,
    app,
    knowledge: metrics ? measuredKnowledge(knowledge, metrics, 'api') : knowledge,
    logger,
    teamsTenantId: config.teamsTenantId,
    publicRateLimitPerMinute: config.publicRateLimitPerMinute,
    trustProxyHops: config.trustProxyHops,
    metrics,
    forwarding: Boolean(escalation),
    health: {
      ...(watcher ? { knowledgeReload: knowledgeReloadHealth(watcher) } : {}),
      knowledgeSync: () => editors.sync.health(),
      ...(escalation
        ? { escalation: escalationHealth(escalation, { channel: Boolean(config.escalation?.channel), email: Boolean(config.escalation?.mail) }) }
        : {}),
      ...overrides.health,
    },
  });
  if (metrics && escalation) metrics.observeDeliveries(() => escalation.worker.health());
  // Metrics and the detailed health report on the admin port (loopback by default), never on the
  // public one. A taken port must not keep the bot from answering users: logged, the service runs on.
  const served = config.metrics.enabled ? metrics : undefined;
  let adminUrl: string | undefined;
  try {
    const admin = await startAdminServer({ metrics: served, health: server.health, logger }, config.metrics.port, config.metrics.host);
    closers.push(() => admin.close());
    adminUrl = admin.url;
    logger.info({ url: admin.url, paths: served ? ['/metrics', '/healthz'] : ['/healthz'] }, 'admin port listening');
  } catch (error) {
    logger.error(
      { err: error, port: config.metrics.port, host: config.metrics.host },
      'admin port not available; metrics and detailed health are not served',
    );
  }

  const { url } = await server.listen(config.port, config.host);
  if (escalation) {
    await escalation.worker.start();
    const ticketRetention = scheduleTicketRetention(escalation, logger);
    closers.push(async () => {
      ticketRetention.stop();
      await escalation.close();
    });
    if (weeklyReport && config.report.enabled) {
      const reportSchedule = createWeeklyReportSchedule({
        pattern: config.report.schedule,
        jobs: store.jobs,
        wake: () => escalation.worker.wake(),
        logger,
        clock: overrides.clock,
      });
      await reportSchedule.start();
      closers.push(async () => reportSchedule.stop());
    }
  }
  // Closers run last-in first-out: the server stops first and lets running turns finish (they
  // may still enqueue deliveries), then the outbox finishes its batch, then the store closes.
  closers.push(() => server.close());
  logger.info(
    {
      url,
      entries: knowledge.current().entries.length,
      knowledgeDir: config.knowledgeDir,
      store: 'kind' in store ? store.kind : undefined,
      dataDir: !('kind' in store) || store.kind === 'sqlite' ? config.dataDir : undefined,
      escalation: config.escalation
        ? { channel: Boolean(config.escalation.channel), email: Boolean(config.escalation.mail) }
        : 'off',
      weeklyReport: weeklyReport && config.report.enabled ? config.report.schedule : 'off',
      mode: config.botCredentials ? 'authenticated' : 'local (no Bot Framework credentials)',
    },
    'LaKI-Assistent listening',
  );
  return { url, config, logger, store, knowledge, watcher, adapter, app, server, escalation, editors, metrics, adminUrl, close };
}
