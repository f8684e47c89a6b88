/**
 * Composition root: the only place that wires the service together.
 *
 * env files → loadConfig → logger → store → knowledge → adapter and app → server.listen,
 * then graceful shutdown on SIGINT/SIGTERM. Every other module is a factory taking its
 * dependencies; nothing imports from this file.
 */
import { existsSync } from 'node:fs';
import { createAdapter, createApp } from './bot';
import { ConfigError, loadConfig } from './config';
import { createEscalation, createEscalationExtension, escalationHealth, scheduleTicketRetention } from './escalation';
import { createEditors, createEditorsExtension, seedKnowledgeDir } from './editors';
import {
  createKnowledgeHolder,
  createKnowledgeWatcher,
  KnowledgeLoadError,
  knowledgeReloadHealth,
  loadKnowledgeBase,
} from './knowledge';
import { createLogger, type PinoLogger as Logger } from './logger';
import { countedReloads, createMetrics, measuredKnowledge } from './metrics';
import { createSearchExtension } from './messageExtension';
import { createServer, startMetricsServer } from './server';
import { openConfiguredStore, scheduleQuestionLogRetention } from './storage';

/**
 * Local env files in the Teams Toolkit convention, first wins: secrets in the git-ignored
 * `.env.local.user`, safe defaults in `.env.local`. Real environment variables win over both.
 */
const ENV_FILES = ['env/.env.local.user', 'env/.env.local'];

/** How long shutdown waits for open requests before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** The window of `ESCALATION_LIMIT_PER_HOUR`. */
const HOUR_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  for (const file of ENV_FILES) if (existsSync(file)) process.loadEnvFile(file);

  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  installProcessHandlers(logger);
  const shutdown = stopOnSignals(logger);
  if (!config.botCredentials) {
    logger.warn(
      { mode: 'local' },
      'NO AUTHENTICATION: MicrosoftAppId and MicrosoftAppPassword are not set, so /api/messages accepts ' +
        'unauthenticated requests from anyone who can reach it. Use this mode only on a developer machine.',
    );
  }
  const metrics = config.metrics.enabled ? createMetrics() : undefined;

  // PostgreSQL when DATABASE_URL is set (several instances), else the SQLite file in DATA_DIR.
  const store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, logger });
  shutdown.push(() => store.close());
  if (config.knowledgeSeedDir) {
    const seeded = await seedKnowledgeDir(config.knowledgeSeedDir, config.knowledgeDir);
    logger.info({ from: config.knowledgeSeedDir, to: config.knowledgeDir, ...seeded }, 'knowledge seeded from the shipped YAML');
  }
  const knowledge = createKnowledgeHolder(await loadKnowledgeBase(config.knowledgeDir));
  const retention = scheduleQuestionLogRetention({
    questionLog: store.questionLog,
    retentionDays: config.questionLogRetentionDays,
    logger,
  });
  shutdown.push(async () => retention.stop());
  const watcher = config.knowledgeReload
    ? createKnowledgeWatcher({
        dir: config.knowledgeDir,
        holder: knowledge,
        logger,
        ...(metrics ? { load: countedReloads(loadKnowledgeBase, metrics) } : {}),
      })
    : undefined;
  if (watcher) shutdown.push(() => watcher.close());
  // Entries editors published in Teams (stored in the database) are applied before serving, then polled.
  const editors = createEditors({
    dir: config.knowledgeDir,
    store: store.editors,
    holder: knowledge,
    watcher,
    questionLog: store.readers.questionLog,
    logger,
  });
  await editors.sync.start();
  shutdown.push(async () => editors.sync.stop());
  const adapter = createAdapter(config.botCredentials ?? {}, config.botEndpoints);
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
        settings: {
          rateLimit: { max: config.escalation.limitPerHour, windowMs: HOUR_MS },
          ticketRetentionDays: config.escalation.ticketRetentionDays,
        },
      })
    : undefined;
  const app = createApp({
    knowledge: metrics ? measuredKnowledge(knowledge, metrics, 'bot') : knowledge,
    questionLog: store.questionLog,
    storage: store.botState,
    logger,
    adapter,
    botAppId: config.botCredentials?.appId,
    extensions: [
      createSearchExtension({ knowledge, logger }),
      ...(escalation
        ? [createEscalationExtension({ service: escalation.service, lakiChannel: config.escalation?.channel, logger })]
        : []),
      createEditorsExtension({
        service: editors.service,
        knowledge,
        tickets: store.tickets,
        lakiChannel: config.escalation?.channel,
        editors: config.knowledgeEditors,
        logger,
      }),
    ],
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
    serveMetrics: config.metrics.port === undefined,
    health: {
      ...(watcher ? { knowledgeReload: knowledgeReloadHealth(watcher) } : {}),
      ...(escalation
        ? { escalation: escalationHealth(escalation, { channel: Boolean(config.escalation?.channel), email: Boolean(config.escalation?.mail) }) }
        : {}),
    },
  });
  if (metrics && escalation) metrics.observeDeliveries(() => escalation.worker.health());
  if (metrics && config.metrics.port !== undefined) {
    const metricsServer = await startMetricsServer(metrics, logger, config.metrics.port, config.metrics.host);
    shutdown.push(() => metricsServer.close());
    logger.info({ url: `${metricsServer.url}/metrics` }, 'metrics listening');
  }

  const { url } = await server.listen(config.port, config.host);
  if (escalation) {
    await escalation.worker.start();
    const ticketRetention = scheduleTicketRetention(escalation, logger);
    shutdown.push(async () => {
      ticketRetention.stop();
      await escalation.close();
    });
  }
  // Closers run last-in first-out: the server stops first and lets running turns finish (they
  // may still enqueue deliveries), then the outbox finishes its batch, then the store closes.
  shutdown.push(() => server.close());
  logger.info(
    {
      url,
      entries: knowledge.current().entries.length,
      knowledgeDir: config.knowledgeDir,
      store: store.kind,
      dataDir: store.kind === 'sqlite' ? config.dataDir : undefined,
      escalation: config.escalation
        ? { channel: Boolean(config.escalation.channel), email: Boolean(config.escalation.mail) }
        : 'off',
      mode: config.botCredentials ? 'authenticated' : 'local (no Bot Framework credentials)',
    },
    'LaKI-Assistent listening',
  );
}

function installProcessHandlers(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });
}

/**
 * Installs SIGINT/SIGTERM handling before anything is opened, so a signal during start-up also
 * shuts down cleanly. Returns the list to push closers on; they run in reverse order.
 */
function stopOnSignals(logger: Logger): Array<() => Promise<void>> {
  const closers: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    try {
      for (const close of [...closers].reverse()) await close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  return closers;
}

/** Start-up problems an operator fixes (configuration, knowledge base) print as plain lists. */
function reportStartupFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof KnowledgeLoadError) {
    process.stderr.write(`LaKI-Assistent cannot start.\n${error.message}\n`);
  } else {
    process.stderr.write(`LaKI-Assistent cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}

main().catch(reportStartupFailure);
