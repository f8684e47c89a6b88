/**
 * The HTTP server (restify): Bot Framework endpoint, `/api/ask`, `/api/entries/:id`, `/healthz`,
 * and the personal tab (`/tab`, `GET /api/entries`; see routes/tab.ts).
 *
 * Every answer is JSON. Bad input gets a 4xx with `{"error":{"code","message"}}`; an exception
 * in a handler is logged and answered with a 500 JSON body, and the server keeps serving.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import restify, { type Request, type Response } from 'restify';
import type { KnowledgeBase } from '../knowledge';
import type { Logger } from '../logger';
import { ApiError, ErrorCode, ErrorMessage, MAX_BODY_BYTES } from './errors';
import { answerFailure, guard, pathOf, route } from './respond';
import { askRoute } from './routes/ask';
import { entryRoute } from './routes/entries';
import { healthRoute, type HealthCheck } from './routes/health';
import { messagesRoute, requireJsonBody, type MessageAdapter, type TurnRunner } from './routes/messages';
import { metricsRoute } from './routes/metrics';
import { rateLimitHandler, requestIdHandler, securityHeadersHandler, startedAtOf } from './protection';
import type { Metrics } from '../metrics';
import { registerTabRoutes } from './routes/tab';

/** What the server needs; the service factory (src/service.ts) builds each of these. */
export interface ServerDeps {
  /** The bot's adapter (`createAdapter()` in src/bot/adapter.ts). */
  readonly adapter: MessageAdapter;
  /** The teams-ai `Application` that handles each turn. */
  readonly app: TurnRunner;
  /** Asked on every request, so a knowledge hot reload takes effect atomically. */
  readonly knowledge: { current(): KnowledgeBase };
  readonly logger: Logger;
  /** Extra `/healthz` sections by name, e.g. `{ escalation: () => ({ status: 'ok', pending: 0 }) }`. */
  readonly health?: Readonly<Record<string, HealthCheck>>;
  /** Only activities from this Microsoft 365 tenant reach the bot; `undefined` allows any. */
  readonly teamsTenantId?: string;
  /** Per client IP on /api/ask, /api/entries, /tab; 0 turns the limit off. Default 120. */
  readonly publicRateLimitPerMinute?: number;
  /** Reverse proxies whose X-Forwarded-For entries are trusted for the client IP. Default 0. */
  readonly trustProxyHops?: number;
  /** Instruments to feed; with `serveMetrics` (default true) also served at `GET /metrics`. */
  readonly metrics?: Metrics;
  readonly serveMetrics?: boolean;
}

/** A created server: start it with `listen`, stop it with `close`. */
export interface HttpServer {
  /** The underlying restify server, for adding routes (e.g. the static tab). */
  readonly restify: restify.Server;
  /** Starts listening; resolves with the bound address (use port 0 for a free port). */
  listen(port: number, host: string): Promise<{ host: string; port: number; url: string }>;
  /**
   * Stops accepting connections, lets requests in progress finish (their connections then close)
   * and closes idle ones; resolves when the last request is answered.
   */
  close(): Promise<void>;
}

/** restify 11 honours `maxBodySize` on the JSON parser; its old typings do not list it. */
const JSON_BODY_OPTIONS = { maxBodySize: MAX_BODY_BYTES, mapParams: false } as restify.plugins.JsonBodyParserOptions;

const RESERVED_HEALTH_NAMES = new Set(['status', 'uptimeSeconds', 'knowledge']);

/** Requests per minute and client IP on the public endpoints unless configured otherwise. */
export const DEFAULT_PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

/** Polled by load balancers and Prometheus: access-logged at debug only. */
const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz', '/metrics']);

/** Builds the server with all routes; it does not listen until {@link HttpServer.listen}. */
export function createServer(deps: ServerDeps): HttpServer {
  const { logger } = deps;
  const health = deps.health ?? {};
  for (const name of Object.keys(health)) {
    if (RESERVED_HEALTH_NAMES.has(name)) throw new Error(`Health section name "${name}" is reserved`);
  }
  const knowledge = () => deps.knowledge.current();
  const server = restify.createServer({ name: 'laki-assistent', handleUncaughtExceptions: false });

  // Before routing, so every response (404s and routes added later included) gets them.
  server.pre(
    requestIdHandler(),
    securityHeadersHandler(),
    rateLimitHandler({
      perMinute: deps.publicRateLimitPerMinute ?? DEFAULT_PUBLIC_RATE_LIMIT_PER_MINUTE,
      trustProxyHops: deps.trustProxyHops ?? 0,
      onLimited: () => deps.metrics?.rateLimited.inc(),
    }),
  );
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post(
    '/api/messages',
    guard(logger, requireJsonBody),
    restify.plugins.jsonBodyParser(JSON_BODY_OPTIONS),
    route(logger, messagesRoute(deps.adapter, deps.app, { logger, teamsTenantId: deps.teamsTenantId, metrics: deps.metrics })),
  );
  server.get('/api/ask', route(logger, askRoute(knowledge)));
  server.get('/api/entries/:id', route(logger, entryRoute(knowledge)));
  const healthz = route(logger, healthRoute(knowledge, health, logger));
  server.get('/healthz', healthz);
  server.head('/healthz', healthz);
  if (deps.metrics && deps.serveMetrics !== false) server.get('/metrics', route(logger, metricsRoute(deps.metrics)));
  // The personal tab (/tab, its files and JSON) and the catalog it browses (GET /api/entries).
  registerTabRoutes(server, { knowledge, logger });

  // One access-log line per request: ids, status and time, never the query string (user text).
  server.on('after', (req: Request, res: Response) => {
    const path = pathOf(req);
    const startedAt = startedAtOf(req);
    const fields = {
      requestId: res.getHeader('x-request-id'),
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: startedAt === undefined ? undefined : Math.round((performance.now() - startedAt) * 10) / 10,
    };
    if (QUIET_PATHS.has(path)) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  });

  // Errors restify raises itself (no route, wrong method, body parser) become our JSON shape.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    answerFailure(logger, req, res, toApiError(req, err));
    callback();
  });

  // Requests Node's HTTP parser refuses (e.g. a URL beyond the header limit) never reach restify.
  // Requests in progress, for a graceful close (see `close` below).
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.on('close', () => {
      inFlight.delete(res);
      if (closing) setImmediate(() => server.server.closeIdleConnections());
    });
  });

  server.server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const error = tooLarge
      ? new ApiError(431, ErrorCode.RequestTooLarge, ErrorMessage.requestTooLarge)
      : new ApiError(400, ErrorCode.BadRequest, ErrorMessage.badRequest);
    const body = JSON.stringify(error.toBody());
    socket.end(
      `HTTP/1.1 ${error.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });

  return {
    restify: server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve({ host, port: address.port, url: `http://${urlHost(host)}:${address.port}` });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.server.listening) return resolve();
        closing = true;
        // Answers still being worked on end their keep-alive connection, so the server does not
        // wait for the clients' idle timeout after the last turn finished.
        for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}

/** Maps restify's own errors to the API's codes; anything unknown stays a 500. */
function toApiError(req: Request, err: Error & { statusCode?: number }): Error {
  const method = req.method ?? 'GET';
  const path = pathOf(req);
  switch (err.name) {
    case 'ResourceNotFoundError':
      return new ApiError(404, ErrorCode.RouteNotFound, ErrorMessage.routeNotFound(method, path));
    case 'MethodNotAllowedError':
      return new ApiError(405, ErrorCode.MethodNotAllowed, ErrorMessage.methodNotAllowed(method, path));
    case 'InvalidContentError':
      return new ApiError(400, ErrorCode.InvalidJson, ErrorMessage.invalidJson(err.message.replace(/^Invalid JSON: /, '')));
    case 'PayloadTooLargeError':
    case 'RequestEntityTooLargeError':
      return new ApiError(413, ErrorCode.BodyTooLarge, ErrorMessage.bodyTooLarge);
    case 'UnsupportedMediaTypeError':
      return new ApiError(415, ErrorCode.UnsupportedMediaType, ErrorMessage.unsupportedMediaType);
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, ErrorCode.BadRequest, err.message || ErrorMessage.badRequest);
  return err;
}

/** Hosts that bind every interface are reached via loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
