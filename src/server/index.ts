/** The HTTP server: Bot Framework endpoint, JSON API, health check and the tab's routes. */
export { createServer } from './server';
export type { HttpServer, ServerDeps } from './server';
export { ApiError, ErrorCode, ErrorMessage, MAX_BODY_BYTES } from './errors';
export type { ErrorBody } from './errors';
export type { AskResponse } from './routes/ask';
export type { EntryResponse } from './routes/entries';
export type { HealthCheck, HealthReport, HealthStatus } from './routes/health';
export type { MessageAdapter, TurnRunner } from './routes/messages';
export { FRAME_ANCESTORS, TAB_CSP, TAB_HEADERS } from './routes/tab';
export type { TabDeps } from './routes/tab';
export { catalogView, entryView } from './routes/tabViews';
export type { CatalogResponse, ContactFact, EntryView } from './routes/tabViews';
export { startMetricsServer } from './metricsServer';
