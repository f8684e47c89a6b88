/**
 * `GET /metrics`: Prometheus text format, served on the admin port only (`METRICS_PORT`, see
 * src/server/adminServer.ts), so that it stays off the public internet.
 */
import type { ServerResponse } from 'node:http';
import type { Metrics } from '../../metrics';

/** Writes the current metrics; no caching, so every scrape is fresh. */
export async function writeMetrics(metrics: Pick<Metrics, 'render' | 'contentType'>, res: ServerResponse): Promise<void> {
  const text = await metrics.render();
  res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}
