/** The HTTP server: Bot Framework endpoint, JSON API and health check. */
export { createServer } from './server';
export type { HttpServer, ServerDeps } from './server';
export { ApiError, ErrorCode, ErrorMessage, MAX_BODY_BYTES } from './errors';
export type { ErrorBody } from './errors';
export type { AskResponse } from './routes/ask';
export type { EntryResponse } from './routes/entries';
export type { HealthCheck, HealthReport, HealthStatus } from './routes/health';
export type { MessageAdapter, TurnRunner } from './routes/messages';
