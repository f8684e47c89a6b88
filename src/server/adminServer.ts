/**
 * The admin port: a second, minimal HTTP listener for the monitoring network, bound to loopback
 * by default (`METRICS_PORT`, `METRICS_HOST`). It serves
 * - `GET /metrics`: Prometheus text format (when metrics are enabled);
 * - `GET /healthz`: the full health report with counts and error texts, which the public
 *   `/healthz` on the main port leaves out (see src/server/routes/health.ts).
 * Nothing else: no bot, no knowledge, no user data.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { ApiError, ErrorCode, ErrorMessage } from './errors';
import type { HealthCollector } from './routes/health';
import { writeMetrics } from './routes/metrics';

/** A running admin listener. */
export interface AdminServer {
  readonly url: string;
  close(): Promise<void>;
}

/** What the admin port serves. */
export interface AdminServerDeps {
  /** Omitted when metrics are switched off (`METRICS_ENABLED=false`): `/metrics` is then 404. */
  readonly metrics?: Pick<Metrics, 'render' | 'contentType'>;
  /** The same checks as the public `/healthz`, reported in full. */
  readonly health?: HealthCollector;
  readonly logger: Logger;
}

/** Starts the listener on `host:port` (0 picks a free port); rejects when the port is taken. */
export async function startAdminServer(deps: AdminServerDeps, port: number, host: string): Promise<AdminServer> {
  const { metrics, health, logger } = deps;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const send = (status: number, body: unknown) => {
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(JSON.stringify(body));
    };
    const refuse = (error: ApiError) => send(error.status, error.toBody());
    const served = (path === '/metrics' && metrics) || (path === '/healthz' && health);
    if (!served) return refuse(new ApiError(404, ErrorCode.RouteNotFound, ErrorMessage.routeNotFound(req.method ?? 'GET', path)));
    if (req.method !== 'GET') return refuse(new ApiError(405, ErrorCode.MethodNotAllowed, ErrorMessage.methodNotAllowed(req.method ?? '', path)));
    const work =
      path === '/metrics' && metrics
        ? writeMetrics(metrics, res)
        : health!().then((result) => send(result.httpStatus, result.body));
    work.catch((error: unknown) => {
      logger.error({ err: error, path }, 'admin port request failed');
      if (!res.headersSent) refuse(new ApiError(500, ErrorCode.Internal, ErrorMessage.internal));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost === '[::]' ? '[::1]' : urlHost}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
