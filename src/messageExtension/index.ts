/** The search message extension: searches the knowledge base from Teams' compose box. */
export { createSearchExtension, searchResult } from './extension';
export type { SearchExtensionDeps } from './extension';
export { INITIAL_RUN_PARAMETER, QUERY_PARAMETER, SEARCH_COMMAND, parseQueryValue } from './query';
export type { SearchQuery } from './query';
export { insertableAnswerCard, searchResultAttachment } from './resultCards';
export { DEFAULT_SEARCH_SETTINGS, searchEntries } from './search';
export type { SearchSettings } from './search';
export { SearchErrorCode, SearchErrorMessage, SearchMessages } from './messages';
