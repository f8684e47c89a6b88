/**
 * What `npm run kb:check` tells editors. German, plain, and each finding says what to do next;
 * tests assert these constants and factories rather than copies of the text.
 */
import type { DeclineReason } from '../knowledge';

/** Why the matcher did not answer a question, in words an editor can act on. */
const DECLINE_REASONS: Readonly<Record<DeclineReason, string>> = {
  empty: 'die Frage enthält nur Füllwörter',
  'low-score': 'kein Eintrag passt gut genug',
  'uncovered-terms': 'die Frage enthält Wörter, die kein Eintrag kennt',
  'forward-term': 'die Frage enthält einen Weiterleitungsbegriff aus synonyms.yaml (forward oder local)',
};

export const CheckMessages = {
  severityError: 'FEHLER',
  severityWarning: 'Warnung',
  draftsHeading: 'Entwürfe (drafts/, werden nicht ausgespielt)',
  answeredByOther: (question: string, otherTitle: string, otherId: string) =>
    `„${question}“ wird mit „${otherTitle}“ [${otherId}] beantwortet, nicht mit diesem Eintrag. ` +
    'Formulieren Sie die Frage eindeutiger oder nehmen Sie sie aus einem der beiden Einträge heraus.',
  onlySuggested: (question: string, suggestedIds: readonly string[], includesOwn: boolean) =>
    `„${question}“ bekommt nur „Meinten Sie …“ (${suggestedIds.join(', ')})` +
    (includesOwn ? ' statt der direkten Antwort.' : ', dieser Eintrag ist nicht dabei.') +
    ' Formulieren Sie die Frage mit Wörtern, die zu diesem Eintrag passen, oder streichen Sie sie im anderen Eintrag.',
  duplicateQuestion: (question: string, otherId: string, where: string) =>
    `„${question}“ steht auch im Eintrag [${otherId}] (${where}). Dieselbe Frage in zwei Einträgen führt nie zu einer ` +
    'direkten Antwort; lassen Sie sie nur im passenden Eintrag stehen.',
  notAnswered: (question: string, reason: DeclineReason | undefined) =>
    `„${question}“ wird nicht beantwortet (${reason ? DECLINE_REASONS[reason] : 'keine Antwort'}). ` +
    'Prüfen Sie die Wörter der Frage oder streichen Sie die Frage.',
  competing: (otherId: string, otherFile: string, count: number) =>
    `konkurriert mit [${otherId}] (${otherFile}): ${count} Fragen der beiden Einträge landen beim jeweils anderen. ` +
    'Grenzen Sie die Themen ab oder führen Sie die Einträge zusammen.',
  fewQuestions: (count: number, minimum: number) =>
    `nur ${count} Frage${count === 1 ? '' : 'n'}; empfohlen sind mindestens ${minimum} verschiedene Formulierungen ` +
    '(ganze Sätze, umgangssprachlich, Stichwörter).',
  staleReview: (reviewed: string, months: number) =>
    `zuletzt geprüft am ${reviewed}, vor mehr als ${months} Monaten. Prüfen Sie den Inhalt und setzen Sie das heutige Datum.`,
  ambiguousSynonym: (term: string, otherLine: number | undefined) =>
    `„${term}“ steht in zwei Synonym-Gruppen (auch in Zeile ${otherLine ?? '?'}). ` +
    'Ein Begriff darf nur in einer Gruppe stehen; entfernen Sie ihn aus einer der beiden.',
  sameWordInTwoGroups: (term: string, other: string, otherLine: number | undefined) =>
    `„${term}“ wird wie „${other}“ gelesen (gleicher Wortstamm), und das steht in einer anderen Synonym-Gruppe ` +
    `(Zeile ${otherLine ?? '?'}). Es gilt nur die erste Gruppe; entfernen Sie den Begriff aus einer der beiden.`,
  phraseReadAsWord: (term: string, word: string) =>
    `„${term}“ wird als einzelnes Wort „${word}“ gelesen (Füllwörter zählen nicht) und gilt damit in jedem Satz ` +
    'mit diesem Wort. Nehmen Sie eine Wendung mit einem zweiten Inhaltswort oder lassen Sie den Begriff weg.',
  fillerMember: (term: string) =>
    `„${term}“ besteht nur aus Füllwörtern und wird in keinem Satz erkannt. ` +
    'Nehmen Sie einen Begriff mit einem Inhaltswort oder lassen Sie ihn weg.',
  fillerCompound: (member: string, word: string, where: string, parts: readonly string[], filler: string, fillerLine: number | undefined) =>
    `„${member}“ lässt den Bot „${word}“ (${where}) als ${parts.map((part) => `„${part}“`).join(' + ')} lesen. ` +
    `„${filler}“ steht in einer Gruppe, die kein Eintrag verwendet (Zeile ${fillerLine ?? '?'}), und bedeutet als Wortteil nichts; ` +
    'der Eintrag wird dann nach Wortteilen gefunden, die niemand gemeint hat, und Antworten können sich unbemerkt ändern. ' +
    `Nehmen Sie „${member}“ aus der Gruppe oder schreiben Sie „${word}“ im Eintrag anders.`,
  /** Where a word stands: the first place, and how many more there are. */
  places: (places: readonly string[]) =>
    places.length === 0
      ? 'in den Kontaktangaben eines Eintrags'
      : places[0]! + (places.length > 1 ? ` und ${places.length - 1} weitere Stelle${places.length === 2 ? '' : 'n'}` : ''),
  missingField: (field: string) => `Pflichtfeld „${field}“ fehlt. Ergänzen Sie es (siehe knowledge/README.md).`,
  draftIdTaken: (id: string, file: string) =>
    `Die id "${id}" gibt es schon in ${file}. Wählen Sie für den Entwurf eine neue id, bevor Sie ihn verschieben.`,
  summary: (errors: number, warnings: number, files: number, entries: number, drafts: number) =>
    `Ergebnis: ${errors} Fehler, ${warnings} Warnung${warnings === 1 ? '' : 'en'} ` +
    `(${files} ${files === 1 ? 'Datei' : 'Dateien'}, ${entries} ${entries === 1 ? 'Eintrag' : 'Einträge'}, ` +
    `${drafts} ${drafts === 1 ? 'Entwurf' : 'Entwürfe'}).`,
  nextStepErrors:
    'Bitte beheben Sie die FEHLER und starten Sie die Prüfung erneut (npm run kb:check). ' +
    'Solange Fehler bestehen, übernimmt der laufende Bot die Änderung nicht.',
  nextStepWarnings: 'Keine Fehler. Die Warnungen sollten Sie bei Gelegenheit bearbeiten.',
  nextStepClean: 'Alles in Ordnung.',
  yamlFirst:
    'Hinweis: Eine Datei mit YAML-Syntaxfehler kann nicht gelesen werden; ihre Einträge fehlen dann, und andere Dateien ' +
    'melden deshalb oft „verweist auf …“. Beheben Sie zuerst den Syntaxfehler.',
} as const;
