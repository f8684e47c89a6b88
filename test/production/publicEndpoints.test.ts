/**
 * What anyone on the internet can reach without Teams: the route list, the per-client rate
 * limit on the public knowledge endpoints, and the headers every response carries.
 */
import { ErrorCode } from '../../src/server';
import { PUBLIC_PATH_PREFIXES } from '../../src/server/protection';
import { startProductionService, type ProductionService } from './service';

/** Routes that exist and why they are safe without Teams. */
const ALLOWED_ROUTES: ReadonlyArray<readonly [method: string, pattern: RegExp, why: string]> = [
  ['POST', /^\/api\/messages$/, 'Bot Framework endpoint: a valid channel token is required (tested in auth.test.ts)'],
  ['GET', /^\/api\/ask$/, 'public knowledge'],
  ['GET', /^\/api\/entries(\/:id)?$/, 'public knowledge'],
  ['GET', /^\/tab(\/.*)?$/, 'the tab: public knowledge'],
  ['GET', /^\/healthz$/, 'liveness: ok/degraded/error per section, no details'],
  ['HEAD', /^\/healthz$/, 'liveness: status code only'],
];

describe('Routes reachable without Teams', () => {
  let service: ProductionService;

  beforeAll(async () => {
    service = await startProductionService({});
  });

  afterAll(() => service.close());

  it('should expose only the known routes, none of which serves tickets, jobs or the question log', () => {
    const routes = Object.values(
      (service.server.restify as unknown as { router: { getRoutes(): Record<string, { method: string; path: string }> } }).router.getRoutes(),
    ).map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const unexpected = routes.filter((route) => {
      const [method, path] = route.split(' ');
      return !ALLOWED_ROUTES.some(([allowedMethod, pattern]) => allowedMethod === method && pattern.test(path));
    });
    expect(unexpected).toEqual([]);
    expect(routes.filter((route) => /ticket|job|question|log|state|escalat/i.test(route))).toEqual([]);
  });

  it.each(['/api/tickets', '/api/tickets/1', '/api/jobs', '/api/questions', '/api/escalations'])(
    'should answer GET %s with 404',
    async (path) => {
      const response = await fetch(`${service.url}${path}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe(ErrorCode.RouteNotFound);
    },
  );
});

describe('Rate limit on the public endpoints (PUBLIC_RATE_LIMIT_PER_MINUTE)', () => {
  let service: ProductionService;

  beforeAll(async () => {
    service = await startProductionService({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY_HOPS: '1' });
  });

  afterAll(() => service.close());

  // One trusted proxy appends the address it saw; anything left of it is the client's own claim.
  const get = (path: string, clientIp: string) =>
    fetch(`${service.url}${path}`, { headers: { 'X-Forwarded-For': `203.0.113.99, ${clientIp}` } }).then(async (response) => ({
      status: response.status,
      headers: response.headers,
      body: await response.json(),
    }));

  it('should answer 429 with Retry-After and a JSON reason once a client used its requests', async () => {
    const client = '192.0.2.10';
    const statuses: number[] = [];
    for (const path of ['/api/ask?q=LaKI', '/api/entries/does-not-exist', '/tab/api/entries/does-not-exist']) {
      statuses.push((await fetch(`${service.url}${path}`, { headers: { 'X-Forwarded-For': `${client}:51234` } })).status);
    }
    expect(statuses.every((status) => status !== 429)).toBe(true);

    const limited = await get('/api/ask?q=LaKI', client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(limited.body.error.code).toBe(ErrorCode.RateLimited);
    expect(limited.body.error.message).toContain('3 per minute');
    expect(limited.headers.get('cache-control')).toBe('no-store');
    // The tab's page and files stay reachable: a page load fetches about ten of them.
    for (const path of ['/tab', '/tab/tab.js', '/tab/tab.css', '/tab', '/tab/tab.js']) {
      expect((await fetch(`${service.url}${path}`, { headers: { 'X-Forwarded-For': `203.0.113.99, ${client}` } })).status).toBe(200);
    }
  });

  it('should count each client on its own and leave health checks and the bot endpoint unlimited', async () => {
    for (let i = 0; i < 3; i += 1) expect((await get('/api/ask?q=Test', '198.51.100.7')).status).toBe(200);
    expect((await get('/api/ask?q=Test', '198.51.100.7')).status).toBe(429);
    expect((await get('/api/ask?q=Test', '198.51.100.8')).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await get('/healthz', '198.51.100.7')).status).toBe(200);
    const bot = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.7' },
      body: '{}',
    });
    expect(bot.status).toBe(400);
  });

  it('should count refused requests in /metrics', async () => {
    const text = await (await fetch(`${service.adminUrl}/metrics`)).text();
    expect(Number(/^laki_rate_limited_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
  });
});

describe('Safe headers on every response', () => {
  let service: ProductionService;

  beforeAll(async () => {
    service = await startProductionService({});
  });

  afterAll(() => service.close());

  it.each(['/api/ask?q=LaKI', '/api/entries/does-not-exist', '/healthz', '/metrics', '/no-such-route', '/api/ask'])(
    'should send nosniff, no-referrer and forbid framing on %s',
    async (path) => {
      const response = await fetch(`${service.url}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  it('should mark API JSON as not cacheable', async () => {
    for (const path of ['/api/ask?q=LaKI', '/api/entries/does-not-exist', '/healthz']) {
      const response = await fetch(`${service.url}${path}`);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('should leave the tab framable by Teams (its own CSP names the Teams hosts)', async () => {
    const response = await fetch(`${service.url}/tab`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy') ?? '').not.toContain("frame-ancestors 'none'");
  });

  it('should return the caller\'s x-request-id, or a new one when it is missing or unsafe', async () => {
    const given = await fetch(`${service.url}/healthz`, { headers: { 'x-request-id': 'lb-4711.abc' } });
    expect(given.headers.get('x-request-id')).toBe('lb-4711.abc');
    const missing = await fetch(`${service.url}/healthz`);
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await fetch(`${service.url}/healthz`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should list exactly the public prefixes the rate limit covers', () => {
    expect(PUBLIC_PATH_PREFIXES).toEqual(['/api/ask', '/api/entries', '/tab/api']);
  });
});
