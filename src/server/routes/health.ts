/**
 * `GET /healthz`: liveness plus facts operators check after a deploy or a knowledge reload.
 * Other parts (escalation outbox, hot reload) contribute their own sections.
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

const SEVERITY: Record<HealthStatus, number> = { ok: 0, degraded: 1, error: 2 };

/** Builds the handler from the knowledge holder and any extra named checks. */
export function healthRoute(
  knowledge: () => KnowledgeBase,
  checks: Readonly<Record<string, HealthCheck>>,
  logger: Logger,
): RouteHandler {
  return async (_req, res) => {
    const kb = knowledge();
    const sections: Record<string, HealthReport> = {
      knowledge: { status: 'ok', entries: kb.entries.length, loadedAt: kb.loadedAt.toISOString() },
    };
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        sections[name] = await runCheck(name, check, logger);
      }),
    );
    const status = worst(Object.values(sections).map((section) => section.status ?? 'ok'));
    sendJson(res, status === 'error' ? 503 : 200, { status, uptimeSeconds: Math.round(process.uptime()), ...sections });
  };
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
