/**
 * Health: liveness plus facts operators check after a deploy or a knowledge reload.
 * Other parts (escalation outbox, hot reload) contribute their own sections.
 *
 * Two views of the same checks:
 * - the public `GET /healthz` on the main port says only `ok` / `degraded` / `error` per section,
 *   because the main port faces the internet and a failing section's message can name a database
 *   host, a file path or a mail server;
 * - the admin port (src/server/adminServer.ts, loopback by default) serves the full report with
 *   counts and error texts; a failing check is also logged with its error.
 */
import type { KnowledgeBase } from '../../knowledge';
import type { Logger } from '../../logger';
import { sendJson, type RouteHandler } from '../respond';

/** Overall state of a section; any `error` makes the whole check answer 503. */
export type HealthStatus = 'ok' | 'degraded' | 'error';

/** One section of `/healthz`, e.g. `{ status: 'ok', pending: 0 }` from the escalation outbox. */
export type HealthReport = { readonly status?: HealthStatus } & Record<string, unknown>;

/** Produces a section; may be async. A throwing check reports `error`, it never fails the route. */
export type HealthCheck = () => HealthReport | Promise<HealthReport>;

/** The full report: overall status, uptime and every section with its details. */
export interface HealthResult {
  /** 503 when any section reports `error`, else 200. */
  readonly httpStatus: number;
  readonly body: { readonly status: HealthStatus; readonly uptimeSeconds: number } & Record<string, unknown>;
}

/** Runs every check and combines them; shared by the public and the admin view. */
export type HealthCollector = () => Promise<HealthResult>;

const SEVERITY: Record<HealthStatus, number> = { ok: 0, degraded: 1, error: 2 };

/** Builds the collector from the knowledge holder and any extra named checks. */
export function healthCollector(
  knowledge: () => KnowledgeBase,
  checks: Readonly<Record<string, HealthCheck>>,
  logger: Logger,
): HealthCollector {
  return async () => {
    const kb = knowledge();
    const sections: Record<string, HealthReport> = {
      knowledge: { status: 'ok', entries: kb.entries.length, loadedAt: kb.loadedAt.toISOString() },
    };
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        sections[name] = await runCheck(name, check, logger);
      }),
    );
    const status = worst(Object.values(sections).map((section) => statusOf(section)));
    return {
      httpStatus: status === 'error' ? 503 : 200,
      body: { status, uptimeSeconds: Math.round(process.uptime()), ...sections },
    };
  };
}

/**
 * The public view: the overall status and each section's status, nothing else. Counts, load
 * times and error messages stay on the admin port and in the logs.
 */
export function publicHealth(result: HealthResult): HealthResult['body'] | Record<string, unknown> {
  const { status, uptimeSeconds: _uptime, ...sections } = result.body;
  const summary: Record<string, unknown> = { status };
  for (const [name, section] of Object.entries(sections)) summary[name] = { status: statusOf(section as HealthReport) };
  return summary;
}

/** `GET /healthz` on the public port: statuses only (see {@link publicHealth}). */
export function healthRoute(collect: HealthCollector): RouteHandler {
  return async (_req, res) => {
    const result = await collect();
    sendJson(res, result.httpStatus, publicHealth(result));
  };
}

function statusOf(section: HealthReport): HealthStatus {
  return section.status ?? 'ok';
}

async function runCheck(name: string, check: HealthCheck, logger: Logger): Promise<HealthReport> {
  try {
    return await check();
  } catch (error) {
    logger.warn({ err: error, check: name }, 'health check failed');
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

function worst(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'ok');
}
