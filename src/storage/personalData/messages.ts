/**
 * German notes that travel with an export (it answers a person's Auskunft request, so they read
 * it), and the CLI's texts for the operator (English, like the other operator tools' logs).
 */

/** What an export says about data it cannot contain. */
export const ExportNotes = Object.freeze({
  questionLog: (days: number) =>
    `Das Frageprotokoll (gestellte Fragen, Ergebnis, Bewertungen „Hilfreich?“) wird ohne Namen und ohne Kennung gespeichert und kann deshalb keiner Person zugeordnet werden; es wird nach ${days} Tagen gelöscht.`,
  outsideStore:
    'Weitergeleitete Fragen erscheinen außerdem als Karte im Teams-Kanal der LaKI und, falls eingerichtet, als E-Mail im Postfach der LaKI. Diese Kopien liegen nicht in der Datenbank des LaKI-Assistenten; Auskunft und Löschung dazu gibt die LaKI.',
  knowledgeSources:
    'Entwürfe und veröffentlichte Änderungen der Wissensbasis, an denen Sie als Redakteurin oder Redakteur gearbeitet haben, bleiben erhalten; Ihr Name und Ihre Kennungen werden dort bei einer Löschung durch „LaKI“ ersetzt. Die Quellenangabe eines veröffentlichten Eintrags (z. B. „Antwort der LaKI auf …, Name, Datum“) ist Text der Wissensbasis; ihn ändert die Redaktion der LaKI mit „Eintrag bearbeiten“.',
  logs: 'Die Betriebsprotokolle des Dienstes enthalten Kennungen und Ticketnummern, aber keine Fragetexte und keine Namen.',
});

/** Operator-facing CLI texts. */
export const PrivacyCliText = Object.freeze({
  usage:
    'Usage: npm run privacy:export -- <Teams user id or Entra object id> [--out FILE]\n' +
    '       npm run privacy:delete -- <Teams user id or Entra object id> [--dry-run]',
  unknownCommand: (command: string) => `Unknown command "${command}" (export or delete).`,
  noStore: (file: string) =>
    `No database found (${file}). Set DATA_DIR to the service's data folder, or DATABASE_URL for PostgreSQL.`,
  written: (file: string) => `Export written to ${file}.`,
  deleted: (summary: string) => `Deleted: ${summary}.`,
  dryRun: (summary: string) => `Would delete: ${summary}. Nothing was changed (--dry-run).`,
  outsideStore:
    'Not in this database: the ticket cards in the LaKI Teams channel and the ticket e-mails in the LaKI inbox. Delete those there.',
});
