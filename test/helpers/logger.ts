import type { Logger } from '../../src/logger';

/** One call to a {@link RecordingLogger}. */
export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

/** A Logger that keeps what it was told, so tests can assert on logging with context. */
export class RecordingLogger implements Logger {
  readonly records: LogRecord[] = [];

  debug(obj: object, msg?: string): void {
    this.records.push({ level: 'debug', obj: obj as Record<string, unknown>, msg });
  }
  info(obj: object, msg?: string): void {
    this.records.push({ level: 'info', obj: obj as Record<string, unknown>, msg });
  }
  warn(obj: object, msg?: string): void {
    this.records.push({ level: 'warn', obj: obj as Record<string, unknown>, msg });
  }
  error(obj: object, msg?: string): void {
    this.records.push({ level: 'error', obj: obj as Record<string, unknown>, msg });
  }
}
