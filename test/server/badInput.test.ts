import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { MAX_QUESTION_LENGTH } from '../../src/config';
import { ErrorCode, ErrorMessage, MAX_BODY_BYTES } from '../../src/server';
import { startTestServer, type TestServer } from '../helpers/server';

interface Answer {
  status: number;
  contentType: string | null;
  body: any;
}

describe('HTTP server with bad input', () => {
  let service: TestServer;

  beforeAll(async () => {
    service = await startTestServer();
  });

  afterAll(async () => {
    await service.close();
  });

  async function call(path: string, init?: RequestInit): Promise<Answer> {
    const response = await fetch(`${service.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(text) };
  }

  const post = (body: string, contentType = 'application/json'): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });

  const longQuestion = 'Wie gründe ich ein Kommunales Integrationszentrum? '.repeat(30).slice(0, MAX_QUESTION_LENGTH + 1);

  it.each<[string, string, RequestInit | undefined, number, string, string | undefined]>([
    ['no q', '/api/ask', undefined, 400, ErrorCode.MissingQuestion, ErrorMessage.missingQuestion],
    ['an empty q', '/api/ask?q=', undefined, 400, ErrorCode.MissingQuestion, ErrorMessage.missingQuestion],
    ['a blank q', '/api/ask?q=%20%20%09', undefined, 400, ErrorCode.MissingQuestion, ErrorMessage.missingQuestion],
    ['q given twice', '/api/ask?q=Kita&q=Schule', undefined, 400, ErrorCode.InvalidQuestion, ErrorMessage.invalidQuestion],
    ['q as an object', '/api/ask?q[text]=Kita', undefined, 400, ErrorCode.InvalidQuestion, ErrorMessage.invalidQuestion],
    [`q over ${MAX_QUESTION_LENGTH} characters`, `/api/ask?q=${encodeURIComponent(longQuestion)}`, undefined, 400,
      ErrorCode.QuestionTooLong, ErrorMessage.questionTooLong(MAX_QUESTION_LENGTH + 1)],
    ['an unknown entry id', '/api/entries/gibt-es-nicht', undefined, 404, ErrorCode.EntryNotFound,
      ErrorMessage.entryNotFound('gibt-es-nicht')],
    ['an entry id with odd characters', '/api/entries/%C3%A4%20%3Cscript%3E', undefined, 404, ErrorCode.EntryNotFound,
      ErrorMessage.entryNotFound('ä <script>')],
    ['an unknown route', '/api/nothing-here', undefined, 404, ErrorCode.RouteNotFound,
      ErrorMessage.routeNotFound('GET', '/api/nothing-here')],
    ['the wrong method on /api/ask', '/api/ask?q=Kita', { method: 'DELETE' }, 405, ErrorCode.MethodNotAllowed,
      ErrorMessage.methodNotAllowed('DELETE', '/api/ask')],
    ['the wrong method on /healthz', '/healthz', post('{}'), 405, ErrorCode.MethodNotAllowed,
      ErrorMessage.methodNotAllowed('POST', '/healthz')],
    ['GET on /api/messages', '/api/messages', undefined, 405, ErrorCode.MethodNotAllowed,
      ErrorMessage.methodNotAllowed('GET', '/api/messages')],
    ['a non-JSON content type on /api/messages', '/api/messages', post('hallo', 'text/plain'), 415,
      ErrorCode.UnsupportedMediaType, ErrorMessage.unsupportedMediaType],
    ['no content type on /api/messages', '/api/messages', { method: 'POST', body: new Uint8Array([1, 2, 3]) }, 415,
      ErrorCode.UnsupportedMediaType, ErrorMessage.unsupportedMediaType],
    ['broken JSON on /api/messages', '/api/messages', post('{"type": "message", '), 400, ErrorCode.InvalidJson, undefined],
    ['an empty JSON body on /api/messages', '/api/messages', post(''), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityNotObject],
    ['a JSON array on /api/messages', '/api/messages', post('[{"type":"message"}]'), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityNotObject],
    ['JSON null on /api/messages', '/api/messages', post('null'), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityNotObject],
    ['a JSON string on /api/messages', '/api/messages', post('"message"'), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityNotObject],
    ['an activity without type', '/api/messages', post('{"text":"Hallo"}'), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityWithoutType],
    ['an activity with an empty type', '/api/messages', post('{"type":" ","text":"Hallo"}'), 400,
      ErrorCode.InvalidActivity, ErrorMessage.activityWithoutType],
    ['an activity with a numeric type', '/api/messages', post('{"type":1}'), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityWithoutType],
    ['a bare message without addressing', '/api/messages', post('{"type":"message","text":"Hallo"}'), 400,
      ErrorCode.InvalidActivity,
      ErrorMessage.activityMissingFields(['serviceUrl', 'channelId', 'conversation.id', 'from.id', 'recipient.id'])],
    ['a message without conversation id', '/api/messages', post(JSON.stringify({
      type: 'message', text: 'Hallo', serviceUrl: 'http://127.0.0.1:9', channelId: 'msteams',
      conversation: {}, from: { id: 'u' }, recipient: { id: 'b' } })), 400, ErrorCode.InvalidActivity,
      ErrorMessage.activityMissingFields(['conversation.id'])],
    ['an oversized body', '/api/messages', post(JSON.stringify({ type: 'message', text: 'x'.repeat(MAX_BODY_BYTES) })),
      413, ErrorCode.BodyTooLarge, ErrorMessage.bodyTooLarge],
  ])('should reject %s with a JSON reason', async (_name, path, init, status, code, message) => {
    const answer = await call(path, init);
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body.error.code).toBe(code);
    if (message) expect(answer.body.error.message).toBe(message);
    else expect(answer.body.error.message).toMatch(/^Request body is not valid JSON: .+/);
  });

  it(`should accept a question of exactly ${MAX_QUESTION_LENGTH} characters`, async () => {
    const answer = await call(`/api/ask?q=${encodeURIComponent(longQuestion.slice(0, MAX_QUESTION_LENGTH))}`);
    expect(answer.status).toBe(200);
    expect(['answer', 'suggest', 'none']).toContain(answer.body.outcome);
  });

  it('should reject an oversized chunked body without Content-Length', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, contentType: res.headers['content-type'] ?? null, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      req.write('{"type":"message","text":"');
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) req.write(chunk);
      req.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe(ErrorCode.BodyTooLarge);
  });

  it.each([
    ['a request line beyond the header limit', `GET /api/ask?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431,
      ErrorCode.RequestTooLarge],
    ['garbage instead of HTTP', 'HELLO THERE\r\n\r\n', 400, ErrorCode.BadRequest],
  ])('should answer %s with JSON before routing', async (_name, raw, status, code) => {
    const text = await rawExchange(service.url, raw);
    const [head, body] = text.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body).error.code).toBe(code);
  });

  it('should answer 500 with a JSON body and a log line when a handler fails, and keep serving', async () => {
    const healthy = service.knowledge.current();
    const corrupted = () => {
      throw new Error('index corrupted');
    };
    service.knowledge.replace({ ...healthy, match: corrupted, matchMessage: corrupted });
    try {
      const answer = await call('/api/ask?q=Kita');
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error: { code: ErrorCode.Internal, message: ErrorMessage.internal } });
      const logged = service.logLines().find((line) => line.msg === 'request failed');
      expect(logged).toMatchObject({ level: 'error', method: 'GET', path: '/api/ask', err: { message: 'index corrupted' } });
      expect(JSON.stringify(logged)).not.toContain('Kita');
    } finally {
      service.knowledge.replace(healthy);
    }
    expect((await call('/api/ask?q=Kita')).status).toBe(200);
  });

  it('should never log the question text at info level or above', () => {
    const visible = service.logLines().filter((line) => line.level !== 'debug' && line.level !== 'trace');
    expect(visible.length).toBeGreaterThan(0);
    expect(JSON.stringify(visible)).not.toContain('Kommunales Integrationszentrum');
  });

  it('should log no error for any of the rejected inputs', () => {
    const errors = service.logLines().filter((line) => line.level === 'error' && line.msg !== 'request failed');
    expect(errors).toEqual([]);
  });

  it('should still answer /healthz after all of the above', async () => {
    const answer = await call('/healthz');
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ok');
  });
});

/** Sends raw bytes and returns everything the server answers until it closes. */
function rawExchange(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
  });
}
