/**
 * A second, minimal HTTP listener that serves only `GET /metrics`, for deployments that expose
 * the main port to the internet but let only the monitoring network scrape metrics.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { ApiError, ErrorCode, ErrorMessage } from './errors';
import { writeMetrics } from './routes/metrics';

/** A running metrics listener. */
export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the listener on `host:port` (0 picks a free port). */
export async function startMetricsServer(
  metrics: Pick<Metrics, 'render' | 'contentType'>,
  logger: Logger,
  port: number,
  host: string,
): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const refuse = (error: ApiError) => {
      const body = JSON.stringify(error.toBody());
      res.writeHead(error.status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    };
    if (path !== '/metrics') return refuse(new ApiError(404, ErrorCode.RouteNotFound, ErrorMessage.routeNotFound(req.method ?? 'GET', path)));
    if (req.method !== 'GET') return refuse(new ApiError(405, ErrorCode.MethodNotAllowed, ErrorMessage.methodNotAllowed(req.method ?? '', path)));
    writeMetrics(metrics, res).catch((error: unknown) => {
      logger.error({ err: error }, 'metrics rendering failed');
      refuse(new ApiError(500, ErrorCode.Internal, ErrorMessage.internal));
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
    url: `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
