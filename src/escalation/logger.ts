/**
 * The logging surface the escalation back end needs. pino's `Logger` satisfies it; tests pass a
 * small recorder. Question and answer text never go into these lines (privacy rule in
 * `src/logger.ts`): only ids, numbers, kinds and error messages.
 */
export interface EscalationLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
