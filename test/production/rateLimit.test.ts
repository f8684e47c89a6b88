/**
 * The token bucket and the client address of src/server/protection.ts on their own, with a
 * controlled clock (the HTTP behaviour is tested in publicEndpoints.test.ts).
 */
import type { Request, Response } from 'restify';
import { clientIp, rateLimitHandler } from '../../src/server/protection';

function request(path: string, peer: string, forwardedFor?: string): Request {
  return {
    url: path,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress: peer },
  } as unknown as Request;
}

function response() {
  const sent: { status?: number; body?: any; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
    json: (status: number, body: unknown) => Object.assign(sent, { status, body }),
  } as unknown as Response;
  return { res, sent };
}

describe('rateLimitHandler', () => {
  function limiter(perMinute: number) {
    let now = 1_000_000;
    let limited = 0;
    const handle = rateLimitHandler({ perMinute, trustProxyHops: 0, now: () => now, onLimited: () => (limited += 1) });
    const call = (path = '/api/ask', peer = '192.0.2.1') => {
      const { res, sent } = response();
      let passed: boolean | undefined;
      handle(request(path, peer), res, ((arg?: unknown) => (passed = arg !== false)) as never);
      return { passed, sent };
    };
    return { call, advance: (ms: number) => (now += ms), limited: () => limited };
  }

  it('should allow a burst of the limit, then refuse with the seconds until the next token', () => {
    const { call, limited } = limiter(60);
    for (let i = 0; i < 60; i += 1) expect(call().passed).toBe(true);
    const refused = call();
    expect(refused.passed).toBe(false);
    expect(refused.sent.status).toBe(429);
    expect(refused.sent.headers['retry-after']).toBe('1');
    expect(refused.sent.body.error.code).toBe('rate_limited');
    expect(limited()).toBe(1);
  });

  it('should refill evenly over the minute', () => {
    const { call, advance } = limiter(6);
    for (let i = 0; i < 6; i += 1) call();
    expect(call().sent.headers['retry-after']).toBe('10');
    advance(9_999);
    expect(call().passed).toBe(false);
    advance(1);
    expect(call().passed).toBe(true);
    expect(call().passed).toBe(false);
    advance(60_000);
    for (let i = 0; i < 6; i += 1) expect(call().passed).toBe(true);
    expect(call().passed).toBe(false);
  });

  it('should limit only the public paths and count clients separately', () => {
    const { call } = limiter(1);
    expect(call('/tab/api/entries/laki-telefon').passed).toBe(true);
    expect(call('/api/entries').passed).toBe(false);
    expect(call('/api/ask', '192.0.2.2').passed).toBe(true);
    // The tab's page and files are not counted (a page load fetches about ten of them).
    for (const path of ['/tab', '/tab/', '/tab/app.js', '/tab/tab.css', '/healthz', '/metrics', '/api/messages', '/api/asked', '/tabs']) {
      expect(call(path).passed).toBe(true);
    }
  });

  it('should do nothing when the limit is 0', () => {
    const { call } = limiter(0);
    for (let i = 0; i < 1000; i += 1) expect(call().passed).toBe(true);
  });
});

describe('clientIp', () => {
  it.each([
    ['the peer without trusted proxies', 0, '10.0.0.5', '198.51.100.1', '10.0.0.5'],
    ['the entry the one trusted proxy appended', 1, '10.0.0.5', '203.0.113.9, 198.51.100.1', '198.51.100.1'],
    ['the entry two hops from the right', 2, '10.0.0.5', '203.0.113.9, 198.51.100.1, 10.0.0.4', '198.51.100.1'],
    ['the left-most entry when the chain is shorter than the hops', 3, '10.0.0.5', '198.51.100.1', '198.51.100.1'],
    ['an IPv4 address without its port (App Service)', 1, '10.0.0.5', '198.51.100.1:53211', '198.51.100.1'],
    ['an IPv6 address without brackets and port', 1, '10.0.0.5', '[2001:db8::1]:443', '2001:db8::1'],
    ['the peer when the header is missing', 1, '10.0.0.5', undefined, '10.0.0.5'],
  ])('should take %s', (_name, hops, peer, header, expected) => {
    expect(clientIp(request('/api/ask', peer, header), hops)).toBe(expected);
  });
});
