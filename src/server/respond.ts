/**
 * Small helpers every route uses to answer in JSON and to turn failures into JSON errors
 * instead of crashes.
 */
import type { Next, Request, Response } from 'restify';
import { withLogContext, type Logger } from '../logger';
import { ApiError, ErrorCode, ErrorMessage } from './errors';

/** Writes `body` as JSON with `status`; a no-op when the response was already sent. */
export function sendJson(res: Response, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.json(status, body, { 'Cache-Control': 'no-store' });
}

/** Answers with an {@link ApiError}'s status and JSON reason. */
export function sendError(res: Response, error: ApiError): void {
  sendJson(res, error.status, error.toBody());
}

/** A route's logic: resolve after answering, or throw an {@link ApiError} for bad input. */
export type RouteHandler = (req: Request, res: Response) => Promise<void> | void;

/**
 * Adapts a {@link RouteHandler} to restify: an {@link ApiError} becomes its 4xx JSON answer;
 * anything else is logged and becomes a 500 JSON answer, and the server keeps serving.
 */
export function route(logger: Logger, handler: RouteHandler) {
  return function handle(req: Request, res: Response, next: Next): void {
    let settled: Promise<void>;
    try {
      // Every log line the handler writes (also after awaits) carries the request id.
      settled = Promise.resolve(withLogContext({ requestId: requestIdOf(req) }, () => handler(req, res)));
    } catch (error) {
      settled = Promise.reject(error);
    }
    settled
      .catch((error: unknown) => answerFailure(logger, req, res, error))
      .finally(() => next());
  };
}

/** Logs an unexpected error with request context and answers 500 (if nothing was sent yet). */
export function answerFailure(logger: Logger, req: Request, res: Response, error: unknown): void {
  if (error instanceof ApiError) {
    logger.info(
      { requestId: requestIdOf(req), method: req.method, path: pathOf(req), status: error.status, code: error.code },
      'request rejected',
    );
    sendError(res, error);
    return;
  }
  logger.error({ err: error, requestId: requestIdOf(req), method: req.method, path: pathOf(req) }, 'request failed');
  sendError(res, new ApiError(500, ErrorCode.Internal, ErrorMessage.internal));
}

/** The id the server gave this request (`x-request-id`); set before any route runs. */
export function requestIdOf(req: Request): string | undefined {
  return (req as Request & { laKiRequestId?: string }).laKiRequestId;
}

/**
 * The request path without its query string: query strings may hold user text. Asked several
 * times per request (headers, rate limit, access log), so it cuts the URL without splitting it.
 */
export function pathOf(req: Request): string {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Adapts a synchronous check to restify middleware: when it throws, the request is answered
 * with the error and the rest of the chain (e.g. the body parser) does not run.
 */
export function guard(logger: Logger, check: (req: Request) => void) {
  return function handle(req: Request, res: Response, next: Next): void {
    try {
      check(req);
    } catch (error) {
      answerFailure(logger, req, res, error);
      next(false);
      return;
    }
    next();
  };
}
