/**
 * `GET /metrics` in Prometheus text format, fed by real traffic: questions by outcome and source,
 * matcher and turn latency, delivery jobs read from a real outbox worker on the SQLite job store,
 * knowledge reloads, process metrics. Also where they are served: only on the admin port (loopback
 * by default), never on the public main port; and switching metrics off.
 */
import { createOutboxWorker } from '../../src/escalation/outbox';
import { PermanentDeliveryError } from '../../src/escalation/errors';
import type { Job } from '../../src/escalation/job';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledgeHolder, loadKnowledgeBase } from '../../src/knowledge';
import { createKnowledgeWatcher } from '../../src/knowledge/watcher';
import { createLogger } from '../../src/logger';
import { countedReloads, createMetrics } from '../../src/metrics';
import { DEFAULT_ADMIN_PORT, loadConfig } from '../../src/config';
import { startAdminServer } from '../../src/server/adminServer';
import { freePort } from '../helpers/freePort';
import { ADMIN_LISTENING_MSG, spawnService } from '../helpers/service';
import { adaptiveCardOf } from '../helpers/activities';
import { startConnector, type Connector } from '../helpers/connector';
import { newTicket } from '../storage/tmpStore';
import { postActivity, startProductionService, teamsMessage, type ProductionService } from './service';

/** The value of one sample line, e.g. `laki_questions_total{outcome="answer",source="api"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let service: ProductionService;
  let connector: Connector;

  beforeAll(async () => {
    [service, connector] = await Promise.all([startProductionService({}), startConnector()]);
  });

  afterAll(async () => {
    await Promise.all([service.close(), connector.close()]);
  });

  const scrape = async () => {
    const response = await fetch(`${service.adminUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('should start with zero questions for every outcome, and process metrics', async () => {
    const text = await scrape();
    for (const outcome of ['answer', 'suggest', 'none']) {
      expect(sample(text, `laki_questions_total{outcome="${outcome}",source="api"}`)).toBe(0);
      expect(sample(text, `laki_questions_total{outcome="${outcome}",source="bot"}`)).toBe(0);
    }
    expect(sample(text, 'laki_knowledge_reloads_total{result="ok"}')).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('should count questions by outcome and source and time the matcher and the turn', async () => {
    const ask = (q: string) => fetch(`${service.url}/api/ask?q=${encodeURIComponent(q)}`).then((r) => r.json());
    expect((await ask('Telefonnummer der LaKI')).outcome).toBe('answer');
    expect((await ask('Wie backe ich einen Marmorkuchen mit Kakao')).outcome).toBe('none');
    expect((await postActivity(service.url, teamsMessage(connector.url, 'Wie erreiche ich die LaKI telefonisch?'))).status).toBe(200);
    await connector.waitFor((request) => request.operation === 'reply' && adaptiveCardOf(request.body) !== undefined);

    const text = await scrape();
    expect(sample(text, 'laki_questions_total{outcome="answer",source="api"}')).toBe(1);
    expect(sample(text, 'laki_questions_total{outcome="none",source="api"}')).toBe(1);
    expect(sample(text, 'laki_questions_total{outcome="answer",source="bot"}')).toBe(1);
    expect(sample(text, 'laki_match_duration_seconds_count{source="api"}')).toBe(2);
    expect(sample(text, 'laki_match_duration_seconds_count{source="bot"}')).toBe(1);
    expect(sample(text, 'laki_turn_duration_seconds_count{activity_type="message"}')).toBe(1);
    expect(sample(text, 'laki_turn_duration_seconds_sum{activity_type="message"}')).toBeGreaterThan(0);
  });

  it('should count knowledge reloads the hot-reload watcher reports', async () => {
    service.metrics.knowledgeReloads.inc({ result: 'ok' });
    service.metrics.knowledgeReloads.inc({ result: 'error' });
    service.metrics.knowledgeReloads.inc({ result: 'ok' });
    const text = await scrape();
    expect(sample(text, 'laki_knowledge_reloads_total{result="ok"}')).toBe(2);
    expect(sample(text, 'laki_knowledge_reloads_total{result="error"}')).toBe(1);
  });

  it('should show delivery jobs by state and failures from the outbox worker', async () => {
    const logger = createLogger('silent');
    const deliver = async (job: Job) => {
      if (job.kind === 'email') throw new PermanentDeliveryError('mailbox refused the message');
    };
    const worker = createOutboxWorker({
      jobs: service.store.jobs,
      handlers: { 'channel-post': deliver, 'card-update': deliver, email: deliver, 'asker-message': deliver },
      logger,
    });
    service.metrics.observeDeliveries(() => worker.health());
    const now = new Date();
    await service.store.tickets.create(
      newTicket(),
      (ticket) => [
        { kind: 'channel-post', ticketId: ticket.id, dedupeKey: `post-${ticket.id}` },
        { kind: 'email', ticketId: ticket.id, dedupeKey: `mail-${ticket.id}` },
        { kind: 'asker-message', ticketId: ticket.id, dedupeKey: `later-${ticket.id}`, nextAttemptAt: new Date(now.getTime() + 3_600_000) },
      ],
      now,
    );

    let text = await scrape();
    expect(sample(text, 'laki_delivery_jobs{state="pending"}')).toBe(3);
    expect(sample(text, 'laki_delivery_jobs{state="failed"}')).toBe(0);
    expect(sample(text, 'laki_delivery_failures_total')).toBe(0);

    expect(await worker.runDue()).toBe(2);
    text = await scrape();
    expect(sample(text, 'laki_delivery_jobs{state="pending"}')).toBe(1);
    expect(sample(text, 'laki_delivery_jobs{state="done"}')).toBe(1);
    expect(sample(text, 'laki_delivery_jobs{state="failed"}')).toBe(1);
    expect(sample(text, 'laki_delivery_failures_total')).toBe(1);
    await worker.stop();
  });

  it('should never put question text into a label', async () => {
    expect(await scrape()).not.toMatch(/Marmorkuchen|telefonisch/);
  });
});

describe('countedReloads with the hot-reload watcher', () => {
  it('should count a good and a broken reload of a real knowledge folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'laki-reload-metrics-'));
    cpSync('test/fixtures/knowledge/valid', dir, { recursive: true });
    const metrics = createMetrics({ defaultMetrics: false });
    const watcher = createKnowledgeWatcher({
      dir,
      holder: createKnowledgeHolder(await loadKnowledgeBase(dir)),
      logger: createLogger('silent'),
      load: countedReloads(loadKnowledgeBase, metrics),
    });
    try {
      expect((await watcher.reload()).ok).toBe(true);
      writeFileSync(join(dir, 'kaputt.yaml'), 'entries:\n  - id: Nicht Kebab\n');
      expect((await watcher.reload()).ok).toBe(false);
      const text = await metrics.render();
      expect(sample(text, 'laki_knowledge_reloads_total{result="ok"}')).toBe(1);
      expect(sample(text, 'laki_knowledge_reloads_total{result="error"}')).toBe(1);
    } finally {
      await watcher.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Where metrics are served (METRICS_ENABLED, METRICS_PORT, METRICS_HOST)', () => {
  it('should default to an admin port on loopback, off the public port', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: true, port: DEFAULT_ADMIN_PORT, host: '127.0.0.1' });
    expect(DEFAULT_ADMIN_PORT).toBe(9464);
  });

  it('should not serve /metrics on the public main port, and serve it on the admin port', async () => {
    const service = await startProductionService({});
    try {
      const main = await fetch(`${service.url}/metrics`);
      expect(main.status).toBe(404);
      expect((await main.json()).error.code).toBe('route_not_found');
      expect((await fetch(`${service.adminUrl}/metrics`)).status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it('should not serve /metrics anywhere when switched off, but keep the detailed health', async () => {
    const service = await startProductionService({ METRICS_ENABLED: 'false' });
    try {
      expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${service.adminUrl}/metrics`)).status).toBe(404);
      expect((await fetch(`${service.adminUrl}/healthz`)).status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it('should serve only /metrics and /healthz on the admin port', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.questions.inc({ outcome: 'answer', source: 'bot' });
    const health = async () => ({ httpStatus: 200, body: { status: 'ok' as const, uptimeSeconds: 1, knowledge: { status: 'ok', entries: 3 } } });
    const server = await startAdminServer({ metrics, health, logger: createLogger('silent') }, 0, '127.0.0.1');
    try {
      const response = await fetch(`${server.url}/metrics`);
      expect(response.status).toBe(200);
      expect(sample(await response.text(), 'laki_questions_total{outcome="answer",source="bot"}')).toBe(1);
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', uptimeSeconds: 1, knowledge: { status: 'ok', entries: 3 } });
      const other = await fetch(`${server.url}/api/ask?q=x`);
      expect(other.status).toBe(404);
      expect((await other.json()).error.code).toBe('route_not_found');
      expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it('should run the real entry point with metrics on the configured admin port only, and keep serving when that port is taken', async () => {
    const root = mkdtempSync(join(tmpdir(), 'laki-admin-port-'));
    const adminPort = await freePort();
    const env = { PORT: '0', DATA_DIR: join(root, 'data'), KNOWLEDGE_RELOAD: 'false', LOG_LEVEL: 'info' };
    const first = spawnService({ env: { ...env, METRICS_PORT: String(adminPort) } });
    let second: ReturnType<typeof spawnService> | undefined;
    try {
      const { url } = await first.listening(90_000);
      const admin = await first.logLine(ADMIN_LISTENING_MSG, 5_000);
      expect(admin.url).toBe(`http://127.0.0.1:${adminPort}`);
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      expect(await (await fetch(`${admin.url}/metrics`)).text()).toMatch(/^laki_questions_total/m);

      // A second instance finds the admin port taken: it says so and still answers.
      second = spawnService({ env: { ...env, DATA_DIR: join(root, 'data2'), METRICS_PORT: String(adminPort) } });
      const secondUrl = (await second.listening(90_000)).url;
      expect(second.logLines().find((line) => line.level === 'error')?.msg).toBe(
        'admin port not available; metrics and detailed health are not served',
      );
      expect((await fetch(`${secondUrl}/api/ask?q=Kontakt`)).status).toBe(200);
    } finally {
      await Promise.all([first.stop(), second?.stop()]);
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
