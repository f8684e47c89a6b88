/**
 * Everything the search message extension says: German texts users read in the compose box,
 * and English error messages for malformed invokes (read by developers, never by users).
 */
import { MAX_QUESTION_LENGTH } from '../config';

/** Texts shown in Teams' message extension flyout. */
export const SearchMessages = {
  /** Shown instead of results when the matcher finds nothing and questions can be forwarded to the LaKI. */
  noHits:
    'Keine Treffer in der Wissensbasis. Versuchen Sie ein anderes Stichwort, oder stellen Sie ' +
    'Ihre Frage dem LaKI-Assistenten im Chat: Er leitet sie bei Bedarf an die LaKI weiter.',
  /** The same without forwarding (escalation not configured): no promise the service cannot keep. */
  noHitsNoForwarding:
    'Keine Treffer in der Wissensbasis. Versuchen Sie ein anderes Stichwort, oder wenden Sie sich ' +
    'direkt an die LaKI.',
  /** Shown when the search text exceeds the question limit. */
  queryTooLong: `Ihr Suchbegriff ist zu lang. Bitte verwenden Sie höchstens ${MAX_QUESTION_LENGTH} Zeichen.`,
  /** Subtitle of a main topic in the empty search. */
  topicSubtitle: (categoryLabel: string) => `Thema: ${categoryLabel}`,
} as const;

/** Machine codes of a rejected invoke, in the invoke response body. */
export const SearchErrorCode = {
  InvalidQuery: 'invalid_query',
  UnknownCommand: 'unknown_command',
} as const;
export type SearchErrorCode = (typeof SearchErrorCode)[keyof typeof SearchErrorCode];

/** English reasons for a rejected invoke. */
export const SearchErrorMessage = {
  invalidQuery: (detail: string) => `Invalid composeExtension/query invoke: ${detail}`,
  unknownCommand: (commandId: string) =>
    `Unknown message extension command "${commandId.slice(0, 80)}"; this bot handles "searchKnowledge".`,
} as const;
