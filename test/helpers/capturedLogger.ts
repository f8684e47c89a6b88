/** The app's real pino logger writing into memory, so a test can read what was logged. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

export interface CapturedLogger {
  readonly logger: Logger;
  /** The raw log output so far. */
  logText(): string;
  /** Every log line so far, parsed. */
  logLines(): Array<Record<string, any>>;
}

/** A logger at `level` (default: debug, so every line is kept) whose output stays in memory. */
export function captureLogger(level: Parameters<typeof createLogger>[0] = 'debug'): CapturedLogger {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString('utf8');
      callback();
    },
  });
  return {
    logger: createLogger(level, sink),
    logText: () => text,
    logLines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}
