/**
 * What every response gets before any route runs: a request id, safe headers, and on the
 * public endpoints a per-client rate limit. Installed with `server.pre(...)`, so it also covers
 * routes added later (the tab) and requests that match no route.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Next, Request, Response } from 'restify';
import { ApiError, ErrorCode, ErrorMessage } from './errors';
import { pathOf, sendError } from './respond';

/**
 * The public knowledge endpoints anyone may call without Teams, rate-limited per client: the
 * matcher (`/api/ask`) and the JSON the tab reads. The tab's own page and files (`/tab`,
 * `/tab/*.js`, …) are fixed bytes served from memory and not counted: one page load fetches about
 * ten of them, and the staff of a whole Kreis may share one address.
 */
export const PUBLIC_PATH_PREFIXES = ['/api/ask', '/api/entries', '/tab/api'] as const;

/** The header a caller (or a proxy) may set to correlate logs; echoed on every response. */
export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTED_REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** Whether `path` is one of {@link PUBLIC_PATH_PREFIXES} or below it. */
export function isPublicPath(path: string): boolean {
  return PUBLIC_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Whether `path` belongs to the Teams tab, which Teams must be able to frame. */
function isTabPath(path: string): boolean {
  return path === '/tab' || path.startsWith('/tab/');
}

/**
 * The caller's `x-request-id` when it is a plain token, otherwise a new UUID; stored on the
 * request (`requestIdOf` in respond.ts) and returned in the response header.
 */
export function requestIdHandler() {
  return function assignRequestId(req: Request, res: Response, next: Next): void {
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
    (req as RequestWithId).laKiRequestId = id;
    (req as RequestWithId).laKiStartedAt = performance.now();
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

interface RequestWithId extends Request {
  laKiRequestId?: string;
  laKiStartedAt?: number;
}

/** When the request arrived (`performance.now()`), for the access log. */
export function startedAtOf(req: Request): number | undefined {
  return (req as RequestWithId).laKiStartedAt;
}

/**
 * Headers that keep browsers from sniffing, leaking referrers or framing the API. `/tab` is left
 * framable: the tab's own routes send a CSP with Teams' `frame-ancestors` instead.
 */
export function securityHeadersHandler() {
  return function setSecurityHeaders(req: Request, res: Response, next: Next): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!isTabPath(pathOf(req))) {
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
    next();
  };
}

/**
 * The client's IP: the socket's peer, or with `trustProxyHops` > 0 the X-Forwarded-For entry
 * that many hops from the right (the address the outermost trusted proxy saw). Ports are dropped.
 */
export function clientIp(req: Request, trustProxyHops: number): string {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (chain.length === 0) return peer;
  return withoutPort(chain[Math.max(0, chain.length - trustProxyHops)]);
}

function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return ipv4WithPort ? ipv4WithPort[1] : address;
}

/** Options of {@link rateLimitHandler}. */
export interface RateLimitOptions {
  /** Requests per minute and client; 0 turns the limit off. */
  readonly perMinute: number;
  readonly trustProxyHops: number;
  /** Called for each refused request (metrics). */
  readonly onLimited?: () => void;
  readonly now?: () => number;
}

/** Clients tracked at most; beyond this, full buckets are dropped first. */
const MAX_TRACKED_CLIENTS = 50_000;

/**
 * A token bucket per client IP on the {@link PUBLIC_PATH_PREFIXES}: `perMinute` requests in a
 * burst, refilled evenly over the minute. A refused request gets 429, `Retry-After` in seconds
 * and a JSON reason. Teams' own traffic (`/api/messages`) is authenticated instead, not limited.
 */
export function rateLimitHandler(options: RateLimitOptions) {
  const now = options.now ?? Date.now;
  const capacity = options.perMinute;
  const refillPerMs = capacity / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();

  const sweep = (time: number) => {
    lastSweep = time;
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (time - bucket.at) * refillPerMs >= capacity) buckets.delete(key);
    }
  };

  return function limitRate(req: Request, res: Response, next: Next): void {
    if (capacity <= 0 || !isPublicPath(pathOf(req))) return next();
    const time = now();
    if (time - lastSweep > 60_000 || buckets.size > MAX_TRACKED_CLIENTS) sweep(time);
    const key = clientIp(req, options.trustProxyHops);
    const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
    bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.at) * refillPerMs);
    bucket.at = time;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    options.onLimited?.();
    res.setHeader('Retry-After', String(retryAfterSeconds));
    sendError(res, new ApiError(429, ErrorCode.RateLimited, ErrorMessage.rateLimited(capacity, retryAfterSeconds)));
    next(false);
  };
}
