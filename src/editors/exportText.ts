/** What `npm run kb:export` prints (German, for editors and whoever commits the result). */
import type { SyncResult } from './sync';

export const ExportText = {
  usage: 'Aufruf: npm run kb:export [-- --into ORDNER]   (Standard: knowledge)',
  missingDir: (dir: string) => `Den Ordner "${dir}" gibt es nicht.`,
  summary: (dir: string, result: SyncResult) =>
    [
      result.written.length > 0
        ? `In ${dir} geschrieben: ${result.written.join(', ')}. Prüfen Sie die Änderung mit "git diff ${dir}" und committen Sie sie.`
        : `Alle in Teams veröffentlichten Einträge stehen schon in ${dir}.`,
      ...(result.keptLocal.length > 0
        ? [`Nicht überschrieben, weil in den YAML-Dateien geändert: ${result.keptLocal.join(', ')}. Gleichen Sie diese Einträge von Hand ab (npm run kb:history -- --entry KENNUNG --full).`]
        : []),
      ...(result.refused.length > 0
        ? [`Nicht geschrieben, weil die Wissensbasis sonst Fehler hätte: ${result.refused.join(', ')}. Führen Sie npm run kb:check aus.`]
        : []),
    ].join('\n'),
} as const;
