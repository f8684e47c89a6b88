/**
 * `GET /metrics`: Prometheus text format. Served on the main port, or on a separate one
 * (`METRICS_PORT`, see src/server/metricsServer.ts) to keep it off the public internet.
 */
import type { ServerResponse } from 'node:http';
import type { Metrics } from '../../metrics';
import type { RouteHandler } from '../respond';

/** Writes the current metrics; no caching, so every scrape is fresh. */
export async function writeMetrics(metrics: Pick<Metrics, 'render' | 'contentType'>, res: ServerResponse): Promise<void> {
  const text = await metrics.render();
  res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Builds the restify handler for `GET /metrics`. */
export function metricsRoute(metrics: Pick<Metrics, 'render' | 'contentType'>): RouteHandler {
  return (_req, res) => writeMetrics(metrics, res);
}
