/**
 * The weekly report as the service factory wires it (src/service.ts, configured by env keys):
 * REPORT_ENABLED posts the week's report to the LaKI channel once, through the outbox, also
 * across a restart on the same database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { createService, type Service } from '../../../src/service';
import { openStore } from '../../../src/storage';
import { captureLogger } from '../../helpers/capturedLogger';
import { startConnector, type Connector } from '../../helpers/connector';
import { knowledgeFor } from '../../helpers/server';
import { CHANNEL_ID, TENANT_ID } from '../../escalation/escalationHarness';

/** Monday 7.12.2026, 08:30 in Berlin: half an hour after the default schedule fired. */
const MONDAY_0830 = new Date('2026-12-07T07:30:00Z');

describe('weekly report in the service', () => {
  let dir: string;
  let connector: Connector;
  let service: Service | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laki-weekly-service-'));
    connector = await startConnector();
  });

  afterEach(async () => {
    await service?.close();
    service = undefined;
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<Service> {
    const config = loadConfig({
      PORT: '0',
      KNOWLEDGE_RELOAD: 'false',
      METRICS_ENABLED: 'false',
      LAKI_TEAMS_CHANNEL_ID: CHANNEL_ID,
      TEAMS_TENANT_ID: TENANT_ID,
      LAKI_TEAMS_SERVICE_URL: connector.url,
      ...env,
    });
    const { logger } = captureLogger();
    return createService(config, {
      logger,
      store: openStore({ dataDir: dir }),
      knowledge: await knowledgeFor(),
      clock: () => MONDAY_0830,
      search: false,
      outbox: { pollIntervalMs: 50 },
    });
  }

  const reportJobs = (s: Service) =>
    (s.store as ReturnType<typeof openStore>).db.prepare(`SELECT dedupe_key, state FROM jobs WHERE kind = 'report-post'`).all();

  it('should post the week\'s report when enabled, and not again after a restart', async () => {
    service = await start({ REPORT_ENABLED: 'true' });
    const post = await connector.waitFor((request) => request.operation === 'create' && request.status < 300, 20_000);
    expect(JSON.stringify(post.body)).toContain('Zeitraum: 30.11.2026 bis 06.12.2026');
    await service.close();

    service = await start({ REPORT_ENABLED: 'true' });
    expect(reportJobs(service)).toEqual([{ dedupe_key: 'report:weekly:2026-W50', state: 'done' }]);
    expect(connector.requests.filter((request) => request.operation === 'create')).toHaveLength(1);
  });

  it('should post nothing on its own when REPORT_ENABLED is not set', async () => {
    service = await start({});
    expect(reportJobs(service)).toEqual([]);
  });
});
