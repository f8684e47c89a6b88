/**
 * Messages about problems in the knowledge base. Editors read them (kb:check, /healthz, logs),
 * so they are German; tests assert them through these constants and factories.
 */

/** One problem found in the knowledge directory. */
export interface LoadProblem {
  /** File name relative to the knowledge directory (or the directory itself). */
  readonly file: string;
  /** 1-based line in the file, when the problem can be located. */
  readonly line?: number;
  /** Field path such as `entries[3].questions`, when the problem belongs to a field. */
  readonly field?: string;
  readonly message: string;
}

export const LoadErrors = {
  summary: (count: number) =>
    count === 1 ? 'Die Wissensbasis enthält 1 Fehler:' : `Die Wissensbasis enthält ${count} Fehler:`,
  noEntries: 'Keine Einträge gefunden (keine .yaml-Datei mit "entries").',
  unreadableDir: (reason: string) => `Ordner der Wissensbasis nicht lesbar: ${reason}`,
  yamlSyntax: (detail: string) => `YAML-Syntaxfehler: ${detail}`,
  duplicateId: (id: string, firstFile: string, firstLine?: number) =>
    `Die id "${id}" gibt es schon in ${firstFile}${firstLine ? `:${firstLine}` : ''}`,
  unknownRelated: (id: string) => `verweist auf "${id}", aber diesen Eintrag gibt es nicht`,
} as const;
