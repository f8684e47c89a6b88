/**
 * The entry point: reads the env files, validates the configuration, starts the service
 * (`createService` in src/service.ts wires every part) and turns signals into a graceful
 * shutdown and start-up failures into an exit code. Nothing imports from this file.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config';
import { KnowledgeLoadError } from './knowledge';
import { createLogger, type PinoLogger as Logger } from './logger';
import { createService } from './service';

/**
 * Local env files in the Teams Toolkit convention, first wins: secrets in the git-ignored
 * `.env.local.user`, safe defaults in `.env.local`. Real environment variables win over both.
 */
const ENV_FILES = ['env/.env.local.user', 'env/.env.local'];

/** How long shutdown waits for open requests before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  for (const file of ENV_FILES) if (existsSync(file)) process.loadEnvFile(file);

  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  installProcessHandlers(logger);
  // The service registers its closers here as it opens parts, so a signal during start-up
  // also closes what is already open.
  const closers = stopOnSignals(logger);
  await createService(config, { logger, closers });
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
