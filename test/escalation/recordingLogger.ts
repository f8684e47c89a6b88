import type { Logger } from '../../src/logger';

/** A logger that keeps every line, to assert what was logged at which level. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; message: string; details: object }> } {
  const lines: Array<{ level: string; message: string; details: object }> = [];
  const at = (level: string) => (details: object, message: string) => void lines.push({ level, message, details });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
