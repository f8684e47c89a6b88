/** The personal tab "Wissensbasis": its routes, the catalog it browses and its static files. */
export { registerTabRoutes, TAB_CSP, TAB_HEADERS, FRAME_ANCESTORS } from './routes';
export type { TabDeps } from './routes';
export { catalogCategories, categoryLabel, mainTopics, KNOWN_CATEGORIES } from './catalog';
export type { CatalogCategory, CategoryKind } from './catalog';
export { catalogView, entryView } from './views';
export type { CatalogResponse, ContactFact, EntryView } from './views';
