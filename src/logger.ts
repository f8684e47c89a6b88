/**
 * Logging: pino, one JSON object per line on stdout.
 *
 * Privacy rule: what users type is personal data. Question text goes into log lines only at
 * `debug` and below; `info` and above carry ids, outcomes, scores and timings.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/**
 * Creates the application logger. `destination` defaults to stdout; tests pass a stream to
 * read the lines back.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'laki-assistent' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
