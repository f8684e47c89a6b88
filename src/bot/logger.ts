/**
 * The logging surface the bot needs: a pino-compatible subset, so the composition root passes
 * its pino logger and unit tests pass a recorder.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
