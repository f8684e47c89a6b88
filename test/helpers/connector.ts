/**
 * A local Bot Framework connector for tests: the HTTP service a bot replies to.
 *
 * Post an activity to the bot's `/api/messages` with `serviceUrl: connector.url`; the bot's
 * replies, proactive messages, new channel threads and card updates arrive here and are
 * recorded in order. Failures (429 with Retry-After, 503, …) can be scripted per operation to
 * test retries and outboxes. Binds to 127.0.0.1 on a free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bot asked the connector to do. */
export type ConnectorOperation =
  /** `POST /v3/conversations/{id}/activities/{replyToId}` (replyToActivity). */
  | 'reply'
  /** `POST /v3/conversations/{id}/activities` (sendToConversation, proactive messages). */
  | 'send'
  /** `POST /v3/conversations` (createConversation, e.g. a new channel thread). */
  | 'create'
  /** `PUT /v3/conversations/{id}/activities/{activityId}` (updateActivity, e.g. a card). */
  | 'update'
  /** `DELETE /v3/conversations/{id}/activities/{activityId}`. */
  | 'delete'
  /** Any other route; answered 404. */
  | 'other';

/** One request the connector received, with the answer it gave. */
export interface ConnectorRequest {
  readonly operation: ConnectorOperation;
  readonly method: string;
  readonly path: string;
  /** Decoded conversation id from the path, when the route has one. */
  readonly conversationId?: string;
  /** Decoded activity id from the path (reply-to id or updated activity). */
  readonly activityId?: string;
  readonly headers: IncomingMessage['headers'];
  /** The parsed JSON body (an activity, or conversation parameters for `create`). */
  readonly body: any;
  /** The status the connector answered with; 0 for a request it received and never answered ({@link Connector.hangNext}). */
  readonly status: number;
}

/** A scripted answer that replaces the normal 200 once. */
export interface ScriptedFailure {
  readonly status: number;
  /** Seconds for a `Retry-After` header (429/503). */
  readonly retryAfter?: number;
  readonly body?: unknown;
}

/** A running connector. */
export interface Connector {
  /** Use as the activity's `serviceUrl` (no trailing slash). */
  readonly url: string;
  /** Every request in arrival order, including failed ones. */
  readonly requests: readonly ConnectorRequest[];
  /** Activities the bot delivered successfully (reply, send, update), in order. */
  activities(): any[];
  /** Makes the next requests of `operation` fail with these answers, in order. */
  failNext(operation: ConnectorOperation, ...failures: ScriptedFailure[]): void;
  /**
   * The next request matching `predicate` is received (recorded with status 0: it reached Teams)
   * but never answered, as when the bot dies right after sending. Hung connections end on `close`.
   */
  hangNext(predicate: (request: Pick<ConnectorRequest, 'operation' | 'conversationId' | 'body'>) => boolean): void;
  /** Resolves with the first (past or future) request matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (request: ConnectorRequest) => boolean, timeoutMs?: number): Promise<ConnectorRequest>;
  /** Forgets recorded requests and scripted failures. */
  reset(): void;
  close(): Promise<void>;
}

const DELIVERED: ReadonlySet<ConnectorOperation> = new Set(['reply', 'send', 'update']);

/** Starts a connector on 127.0.0.1 with a free port. */
export async function startConnector(): Promise<Connector> {
  const requests: ConnectorRequest[] = [];
  const scripts = new Map<ConnectorOperation, ScriptedFailure[]>();
  const waiters = new Set<{ predicate: (r: ConnectorRequest) => boolean; resolve: (r: ConnectorRequest) => void }>();
  const hangs: Array<(request: Pick<ConnectorRequest, 'operation' | 'conversationId' | 'body'>) => boolean> = [];
  let counter = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const route = routeOf(req.method ?? 'GET', (req.url ?? '/').split('?')[0]);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const hang = hangs.findIndex((predicate) => predicate({ ...route, body }));
      if (hang !== -1) {
        hangs.splice(hang, 1);
        const request: ConnectorRequest = { ...route, method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, status: 0 };
        requests.push(request);
        for (const waiter of [...waiters]) {
          if (waiter.predicate(request)) {
            waiters.delete(waiter);
            waiter.resolve(request);
          }
        }
        return; // never answered
      }
      const failure = scripts.get(route.operation)?.shift();
      const [status, answer, headers] = failure
        ? [failure.status, failure.body ?? { error: { code: 'ScriptedFailure', message: `status ${failure.status}` } },
           failure.retryAfter === undefined ? {} : { 'Retry-After': String(failure.retryAfter) }]
        : normalAnswer(route, body, () => `activity-${++counter}`);
      const request: ConnectorRequest = {
        ...route,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
        status,
      };
      requests.push(request);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(request)) {
          waiters.delete(waiter);
          waiter.resolve(request);
        }
      }
      send(res, status, answer, headers);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    activities: () => requests.filter((r) => DELIVERED.has(r.operation) && r.status > 0 && r.status < 300).map((r) => r.body),
    failNext(operation, ...failures) {
      scripts.set(operation, [...(scripts.get(operation) ?? []), ...failures]);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const found = requests.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (request: ConnectorRequest) => {
            clearTimeout(timer);
            resolve(request);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join('; ') || 'nothing';
          reject(new Error(`Connector: no matching request within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    hangNext(predicate) {
      hangs.push(predicate);
    },
    reset() {
      requests.length = 0;
      scripts.clear();
      hangs.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Finds the operation and ids in a connector path. */
function routeOf(method: string, path: string): Pick<ConnectorRequest, 'operation' | 'conversationId' | 'activityId'> {
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return { operation: 'other' };
  const [, , conversationId, collection, activityId] = parts;
  if (parts.length === 2 && method === 'POST') return { operation: 'create' };
  if (collection === 'activities') {
    if (method === 'POST' && parts.length === 4) return { operation: 'send', conversationId };
    if (method === 'POST' && parts.length === 5) return { operation: 'reply', conversationId, activityId };
    if (method === 'PUT' && parts.length === 5) return { operation: 'update', conversationId, activityId };
    if (method === 'DELETE' && parts.length === 5) return { operation: 'delete', conversationId, activityId };
  }
  return { operation: 'other', conversationId };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function normalAnswer(
  route: Pick<ConnectorRequest, 'operation' | 'activityId'>,
  body: any,
  nextId: () => string,
): [number, unknown, Record<string, string>] {
  switch (route.operation) {
    case 'reply':
    case 'send':
      return [200, { id: nextId() }, {}];
    case 'update':
      return [200, { id: route.activityId }, {}];
    case 'create': {
      const activityId = nextId();
      const channel = body?.channelData?.channel?.id ?? 'conversation';
      return [200, { id: `${channel};messageid=${activityId}`, activityId }, {}];
    }
    case 'delete':
      return [200, {}, {}];
    default:
      return [404, { error: { code: 'NotFound', message: 'Route not emulated by the test connector' } }, {}];
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}
