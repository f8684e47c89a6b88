/**
 * Logging: pino, one JSON object per line on stdout.
 *
 * Privacy rule: what users type is personal data. Question text goes into log lines only at
 * `debug` and below; `info` and above carry ids, outcomes, scores and timings.
 *
 * Secrets never reach a log line: values under keys that name credentials (authorization,
 * password, secret, token, cookie, smtpUrl, …) are replaced, and user:password pairs inside URLs
 * are masked wherever they appear.
 *
 * Correlation: every line written while an HTTP request or a bot turn runs carries its
 * `requestId` / `turnId` (see {@link withLogContext}), including lines from modules that were
 * handed the logger at start-up and know nothing about requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config';

export type { PinoLogger };

/**
 * The logging surface every module needs: a pino-compatible subset, so the composition root
 * passes its pino logger ({@link createLogger}) and unit tests pass a small recorder. One
 * interface for the bot, the escalation back end and the server alike.
 */
export interface Logger {
  debug(details: object, message?: string): void;
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

/** Fields added to every log line written inside a request or turn. */
export interface LogContext {
  readonly requestId?: string;
  readonly turnId?: string;
}

const contextStorage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` with `fields` added to every log line it writes, also after `await`s. Nested calls
 * add to the outer fields (a turn inside a request carries both ids).
 */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return contextStorage.run({ ...contextStorage.getStore(), ...fields }, work);
}

/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets, whatever object they sit in. */
const SECRET_KEY = /authorization|password|passwd|secret|token|cookie|apikey|api_key|smtpurl|credential/i;
/** `scheme://user:password@host` → `scheme://user:[redacted]@host`. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi;
const MAX_DEPTH = 6;

/** Returns `value` with secrets replaced; exported for tests and for code that formats its own text. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  // Every string of every line comes here (ids, paths, messages): most hold no "://" at all, and
  // that test is much cheaper than running the pattern.
  if (typeof value === 'string') return value.includes('://') ? value.replace(URL_CREDENTIALS, `$1:${REDACTED}@`) : value;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  if (value instanceof Date) return value;
  // An error stays an error (same prototype, so pino's serializer still names its type).
  const isError = value instanceof Error;
  const scrubbed: Record<string, unknown> = isError ? Object.create(Object.getPrototypeOf(value)) : {};
  const keys = isError ? Object.getOwnPropertyNames(value) : Object.keys(value);
  for (const key of keys) scrubbed[key] = scrubField(key, (value as Record<string, unknown>)[key], depth);
  return scrubbed;
}

/** The value of `key` as a log line may show it. */
function scrubField(key: string, value: unknown, depth: number): unknown {
  return SECRET_KEY.test(key) && isSecretShaped(value) ? REDACTED : scrubSecrets(value, depth + 1);
}

/**
 * A line's fields as written: the running request's or turn's ids first (see
 * {@link withLogContext}), then the line's own fields, which win over a context field of the same
 * name; secrets replaced. Built as one new object, since the access log runs this per request and
 * merging the context into a copy first (pino's `mixin`) costs about as much as the rest of the line.
 */
function lineFields(fields: Record<string, unknown>): Record<string, unknown> {
  const context = contextStorage.getStore() as Record<string, unknown> | undefined;
  const line: Record<string, unknown> = {};
  if (context) {
    for (const key of Object.keys(context)) line[key] = scrubField(key, Object.hasOwn(fields, key) ? fields[key] : context[key], 0);
  }
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(line, key)) line[key] = scrubField(key, fields[key], 0);
  }
  return line;
}

/**
 * pino's `isoTime` (`,"time":"2026-12-06T05:27:17.345Z"`), with the part up to the second formatted
 * once per second: the access log writes a line per request, and `toISOString` on a new Date each
 * time was a noticeable share of it. Same text as `pino.stdTimeFunctions.isoTime`.
 */
export function isoTimestamps(): () => string {
  let second = NaN;
  let prefix = '';
  return () => {
    const now = Date.now();
    const nowSecond = Math.floor(now / 1000);
    if (nowSecond !== second) {
      second = nowSecond;
      prefix = `,"time":"${new Date(nowSecond * 1000).toISOString().slice(0, 20)}`;
    }
    const millis = now - nowSecond * 1000;
    return `${prefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z"`;
  };
}

/** Flags and counts under a secret-sounding key (`hasToken: true`) say nothing secret. */
function isSecretShaped(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'object' && value !== null);
}

/**
 * Creates the application logger. `destination` defaults to stdout; tests pass a stream to
 * read the lines back.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): PinoLogger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'laki-assistent' },
    timestamp: isoTimestamps(),
    formatters: {
      level: (label: string) => ({ level: label }),
      log: lineFields,
    },
    hooks: {
      // Messages may be built from interpolated values; mask URL credentials there too. `args`
      // is pino's own copy of the call's arguments, so it is scrubbed in place.
      logMethod(args, method) {
        for (let index = 0; index < args.length; index++) {
          const arg: unknown = args[index];
          if (typeof arg === 'string') args[index] = scrubSecrets(arg) as string;
        }
        return method.apply(this, args);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
