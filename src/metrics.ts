/**
 * Prometheus metrics (prom-client) on a registry of their own, so tests can build as many as
 * they like. Served by `GET /metrics` (src/server/routes/metrics.ts).
 *
 * Labels never carry user text or ids: only outcomes, activity types, job states and results.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JOB_STATES } from './escalation';
import type { ConversationContext, KnowledgeBase, MatchResult, MessageMatch, Outcome } from './knowledge';

/** Where a question came from: a bot turn or `GET /api/ask`. */
export type QuestionSource = 'bot' | 'api';

/** Delivery job counts by state, as the escalation outbox reports them. */
export interface DeliveryReport {
  readonly jobs: Readonly<Record<string, number>>;
  /** Jobs this process marked failed since it started. */
  readonly failedSinceStart: number;
}

/** The service's instruments. */
export interface Metrics {
  readonly registry: Registry;
  /** Questions answered, by outcome (answer, suggest, none) and source. */
  readonly questions: Counter<'outcome' | 'source'>;
  /** Time the matcher took for one question. */
  readonly matchSeconds: Histogram<'source'>;
  /** Time a whole bot turn took (authentication, matching, replies to the connector). */
  readonly turnSeconds: Histogram<'activity_type'>;
  /**
   * Knowledge base reloads by result. The hot-reload watcher calls
   * `metrics.knowledgeReloads.inc({ result: 'ok' })` or `({ result: 'error' })`.
   */
  readonly knowledgeReloads: Counter<'result'>;
  /** Requests refused by the public endpoints' rate limit. */
  readonly rateLimited: Counter;
  /** Requests to /api/messages refused by authentication or the tenant restriction. */
  readonly refusedActivities: Counter<'reason'>;
  /**
   * Reads delivery job counts and failures from the escalation outbox at every scrape
   * (e.g. `metrics.observeDeliveries(() => escalation.worker.health())`).
   */
  observeDeliveries(report: () => Promise<DeliveryReport> | DeliveryReport): void;
  /** The text format Prometheus scrapes. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Latency buckets in seconds: the matcher takes milliseconds, a turn up to seconds. */
const MATCH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const TURN_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Creates the instruments; `defaultMetrics` adds process CPU, memory, event loop and GC. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  let deliveries: (() => Promise<DeliveryReport> | DeliveryReport) | undefined;
  let lastReport: Promise<DeliveryReport | undefined> | undefined;
  // One outbox read per scrape, shared by the two delivery instruments.
  const readDeliveries = () => {
    lastReport ??= Promise.resolve()
      .then(() => deliveries?.())
      .catch(() => undefined)
      .finally(() => setImmediate(() => (lastReport = undefined)));
    return lastReport;
  };

  const questions = new Counter({
    name: 'laki_questions_total',
    help: 'Questions answered, by outcome (answer, suggest, none) and source (bot, api).',
    labelNames: ['outcome', 'source'] as const,
    registers: [registry],
  });
  for (const source of ['bot', 'api'] as const) {
    for (const outcome of ['answer', 'suggest', 'none'] satisfies Outcome[]) questions.inc({ outcome, source }, 0);
  }
  const knowledgeReloads = new Counter({
    name: 'laki_knowledge_reloads_total',
    help: 'Knowledge base reloads, by result (ok, error).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  knowledgeReloads.inc({ result: 'ok' }, 0);
  knowledgeReloads.inc({ result: 'error' }, 0);

  new Gauge({
    name: 'laki_delivery_jobs',
    help: 'Escalation delivery jobs in the outbox, by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const report = await readDeliveries();
      if (!report) return;
      // Every state the outbox knows, so a state with no jobs shows 0 instead of disappearing.
      for (const state of new Set([...JOB_STATES, ...Object.keys(report.jobs)])) this.set({ state }, report.jobs[state] ?? 0);
    },
  });
  new Counter({
    name: 'laki_delivery_failures_total',
    help: 'Delivery jobs this process gave up on (marked failed) since it started.',
    registers: [registry],
    async collect() {
      const report = await readDeliveries();
      if (!report) return;
      this.reset();
      this.inc(report.failedSinceStart);
    },
  });

  return {
    registry,
    questions,
    matchSeconds: new Histogram({
      name: 'laki_match_duration_seconds',
      help: 'Time the matcher took for one question.',
      labelNames: ['source'] as const,
      buckets: MATCH_BUCKETS,
      registers: [registry],
    }),
    turnSeconds: new Histogram({
      name: 'laki_turn_duration_seconds',
      help: 'Time a bot turn took from the authenticated request to its end, incl. replies to the connector.',
      labelNames: ['activity_type'] as const,
      buckets: TURN_BUCKETS,
      registers: [registry],
    }),
    knowledgeReloads,
    rateLimited: new Counter({
      name: 'laki_rate_limited_total',
      help: 'Requests to the public endpoints refused by the per-client rate limit.',
      registers: [registry],
    }),
    refusedActivities: new Counter({
      name: 'laki_refused_activities_total',
      help: 'Requests to /api/messages refused, by reason (unauthorized, foreign_tenant).',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    observeDeliveries(report) {
      deliveries = report;
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

/**
 * Wraps the knowledge loader the hot-reload watcher calls, so every reload is counted in
 * `laki_knowledge_reloads_total` as `ok` or `error` (the error is rethrown unchanged).
 */
export function countedReloads<K>(
  load: (dir: string) => Promise<K>,
  metrics: Pick<Metrics, 'knowledgeReloads'>,
): (dir: string) => Promise<K> {
  return async (dir) => {
    try {
      const loaded = await load(dir);
      metrics.knowledgeReloads.inc({ result: 'ok' });
      return loaded;
    } catch (error) {
      metrics.knowledgeReloads.inc({ result: 'error' });
      throw error;
    }
  };
}

/**
 * Wraps a knowledge holder so every `match` and `matchMessage` is timed and counted under `source`. The bot and
 * `/api/ask` each get their own wrapper; the holder itself (and hot reload) is untouched.
 */
export function measuredKnowledge<K extends KnowledgeBase>(
  holder: { current(): K },
  metrics: Pick<Metrics, 'questions' | 'matchSeconds'>,
  source: QuestionSource,
): { current(): K } {
  const wrapped = new WeakMap<K, K>();
  return {
    current() {
      const kb = holder.current();
      let measured = wrapped.get(kb);
      if (!measured) {
        measured = Object.create(kb, {
          match: {
            value(question: string): MatchResult {
              const end = metrics.matchSeconds.startTimer({ source });
              const result = kb.match(question);
              end();
              metrics.questions.inc({ outcome: result.outcome, source });
              return result;
            },
          },
          matchMessage: {
            value(text: string, context?: ConversationContext): MessageMatch {
              const end = metrics.matchSeconds.startTimer({ source });
              const result = kb.matchMessage(text, context);
              end();
              metrics.questions.inc({ outcome: result.main.outcome, source });
              return result;
            },
          },
        }) as K;
        wrapped.set(kb, measured);
      }
      return measured;
    },
  };
}
