import { answerText } from '../../src/knowledge';
import type { AskResponse, EntryResponse } from '../../src/server';
import { startTestServer, type TestServer } from '../helpers/server';

/** Facts from the seed text (LaKI-Faltblatt) that must reach the user unchanged. */
const LAKI_PHONE = '02931 82 5215';
/** One-word questions that match several entries about equally. */
const VAGUE_QUESTIONS = ['Kita', 'Förderung', 'Programme', 'Schule', 'Bildung', 'Angebote', 'Eltern'];

describe('HTTP API', () => {
  let service: TestServer;

  beforeAll(async () => {
    service = await startTestServer();
  });

  afterAll(async () => {
    await service.close();
  });

  async function ask(question: string): Promise<{ status: number; body: AskResponse }> {
    const response = await fetch(`${service.url}/api/ask?q=${encodeURIComponent(question)}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: response.status, body: (await response.json()) as AskResponse };
  }

  describe('GET /api/ask', () => {
    it('should answer a clear question with the text users read', async () => {
      const { status, body } = await ask('Wie erreiche ich die LaKI telefonisch?');
      expect(status).toBe(200);
      expect(body.outcome).toBe('answer');
      expect(body.suggestions).toEqual([]);
      expect(body.answer).not.toBeNull();
      expect(body.answer!.text).toContain(LAKI_PHONE);
      const entry = service.knowledge.current().getEntry(body.answer!.id)!;
      expect(body.answer).toEqual({ id: entry.id, title: entry.title, text: answerText(entry) });
    });

    it('should accept a question with umlauts, spaces and extra whitespace in the query string', async () => {
      const { status, body } = await ask('   Was ist Rucksack-Kita?   ');
      expect(status).toBe(200);
      expect(body.outcome).toBe('answer');
      expect(body.answer!.title).toMatch(/Rucksack/i);
    });

    it('should offer "Meinten Sie" choices for a vague one-word question', async () => {
      // Editors tune the knowledge base; any of these vague words must still lead to choices.
      const kb = service.knowledge.current();
      const vague = VAGUE_QUESTIONS.find((q) => kb.match(q).outcome === 'suggest');
      expect(vague).toBeDefined();
      const { status, body } = await ask(vague!);
      expect(status).toBe(200);
      expect(body.outcome).toBe('suggest');
      expect(body.answer).toBeNull();
      expect(body.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(body.suggestions.length).toBeLessThanOrEqual(3);
      for (const suggestion of body.suggestions) {
        expect(Object.keys(suggestion).sort()).toEqual(['id', 'title']);
        expect(service.knowledge.current().getEntry(suggestion.id)?.title).toBe(suggestion.title);
      }
    });

    it.each([
      ['an off-topic question', 'Wie backe ich einen Apfelkuchen?'],
      ['a question about funding amounts the knowledge does not cover', 'Wie viel Geld bekommt ein KI pro Jahr?'],
    ])('should decline %s', async (_name, question) => {
      const { status, body } = await ask(question);
      expect(status).toBe(200);
      expect(body).toEqual({
        outcome: 'none',
        answer: null,
        suggestions: [],
        nearby: [],
        parts: [{ text: question, outcome: 'none', answer: null, suggestions: [], nearby: [] }],
      });
    });

    it('should decline a question near a topic it holds, and name that topic as nearby, not as an answer', async () => {
      const question = 'Wie hoch ist die Förderung der LaKI?';
      const { status, body } = await ask(question);
      expect(status).toBe(200);
      const funding = service.knowledge.current().getEntry('laki-foerderung')!;
      expect(body).toEqual({
        outcome: 'none',
        answer: null,
        suggestions: [],
        nearby: [{ id: funding.id, title: funding.title }],
        parts: [{ text: question, outcome: 'none', answer: null, suggestions: [], nearby: [{ id: funding.id, title: funding.title }] }],
      });
      expect((await ask('Wie erreiche ich die LaKI telefonisch?')).body.nearby).toEqual([]);
    });

    it('should list every asked part of a message, the top level describing the main question', async () => {
      const { status, body } = await ask('Guten Tag! Wie ist die Telefonnummer der LaKI und wie hoch ist die Förderung pro Jahr?');
      expect(status).toBe(200);
      expect(body.parts.map((part) => [part.text, part.outcome])).toEqual([
        ['Wie ist die Telefonnummer der LaKI', 'answer'],
        ['wie hoch ist die Förderung pro Jahr?', 'none'],
      ]);
      expect(body.parts[0]!.answer!.text).toContain(LAKI_PHONE);
      expect(body.outcome).toBe('answer');
      expect(body.answer).toEqual(body.parts[0]!.answer);
    });

    it('should give the same result as the bot\'s matcher', async () => {
      const question = 'Welche Handlungsfelder gibt es?';
      const expected = service.knowledge.current().match(question);
      const { body } = await ask(question);
      expect(body.outcome).toBe(expected.outcome);
      expect(body.answer?.id ?? null).toBe(expected.answer?.id ?? null);
      expect(body.suggestions.map((s) => s.id)).toEqual(expected.suggestions.map((e) => e.id));
    });

    it('should answer questions that arrive together each with its own answer', async () => {
      // Sent at once, they may share a batch (turnBatch.ts): each must get its own result.
      const questions = ['Wie erreiche ich die LaKI telefonisch?', 'Was ist Rucksack-Kita?', 'Welche Handlungsfelder gibt es?', 'Kita', 'Wie hoch ist die Förderung pro Jahr?'];
      const kb = service.knowledge.current();
      const replies = await Promise.all(questions.map((question) => ask(question)));
      expect(replies.map(({ status, body }) => [status, body.outcome, body.answer?.id ?? null])).toEqual(
        questions.map((question) => {
          const expected = kb.matchMessage(question).main;
          return [200, expected.outcome, expected.answer?.id ?? null];
        }),
      );
    });

    it('should fail only the question whose matching throws, with a 500 JSON error, and keep serving', async () => {
      const real = service.knowledge.current();
      service.knowledge.replace({
        ...real,
        matchMessage: (text, context) => {
          if (text === 'Explodiere bitte') throw new Error('matcher bug');
          return real.matchMessage(text, context);
        },
      });
      try {
        const [before, broken, after] = await Promise.all([ask('Was ist Rucksack-Kita?'), ask('Explodiere bitte'), ask('Welche Handlungsfelder gibt es?')]);
        expect([before.status, broken.status, after.status]).toEqual([200, 500, 200]);
        expect(broken.body).toMatchObject({ error: { code: 'internal_error' } });
        expect(before.body.answer?.id).toBe(real.matchMessage('Was ist Rucksack-Kita?').main.answer?.id);
        expect(service.logLines().some((line) => line.msg === 'request failed' && JSON.stringify(line).includes('matcher bug'))).toBe(true);
      } finally {
        service.knowledge.replace(real);
      }
      expect((await ask('Was ist Rucksack-Kita?')).status).toBe(200);
    });
  });

  describe('GET /api/entries/:id', () => {
    it('should return an entry with its text, source, review date and related titles', async () => {
      const entry = service.knowledge.current().entries.find((e) => e.related.length > 0)!;
      const response = await fetch(`${service.url}/api/entries/${entry.id}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as EntryResponse;
      expect(body).toMatchObject({
        id: entry.id,
        title: entry.title,
        text: answerText(entry),
        category: entry.category,
        source: entry.source,
        reviewed: entry.reviewed,
      });
      expect(body.related.map((r) => r.id)).toEqual(entry.related);
      expect(body.related.every((r) => typeof r.title === 'string' && r.title.length > 0)).toBe(true);
    });

    it('should include structured contact data for a contact entry', async () => {
      const entry = service.knowledge.current().entries.find((e) => e.contact?.phone)!;
      const body = (await (await fetch(`${service.url}/api/entries/${entry.id}`)).json()) as EntryResponse;
      expect(body.contact).toEqual(entry.contact);
    });
  });

  describe('GET /healthz', () => {
    it('should report only the status of each section on the public port', async () => {
      const response = await fetch(`${service.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', knowledge: { status: 'ok' }, knowledgeSync: { status: 'ok' } });
    });

    it('should keep the knowledge facts for the admin port', async () => {
      const kb = service.knowledge.current();
      const { httpStatus, body } = await service.server.health();
      expect(httpStatus).toBe(200);
      expect(body).toMatchObject({
        status: 'ok',
        uptimeSeconds: expect.any(Number),
        knowledge: { status: 'ok', entries: kb.entries.length, loadedAt: kb.loadedAt.toISOString() },
        // Publications from Teams applied to this instance's files (none in this store).
        knowledgeSync: { status: 'ok', appliedSeq: 0, lastPassAt: expect.any(String), lastError: null, refused: {}, keptLocal: {} },
      });
      expect(kb.entries.length).toBeGreaterThan(0);
    });

    it('should answer HEAD for monitors that only check the status', async () => {
      const response = await fetch(`${service.url}/healthz`, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    });

    it('should follow a knowledge reload at once', async () => {
      const before = service.knowledge.current();
      const smaller = { ...before, entries: before.entries.slice(0, 3), loadedAt: new Date('2030-01-01T00:00:00Z') };
      service.knowledge.replace(smaller);
      try {
        const { body } = await service.server.health();
        expect(body.knowledge).toMatchObject({ entries: 3, loadedAt: '2030-01-01T00:00:00.000Z' });
      } finally {
        service.knowledge.replace(before);
      }
    });
  });
});

describe('GET /healthz with extra sections', () => {
  it.each([
    ['all ok', { outbox: () => ({ status: 'ok' as const, pending: 0 }) }, 200, 'ok'],
    ['one degraded', { outbox: async () => ({ status: 'degraded' as const, pending: 40 }) }, 200, 'degraded'],
    ['one failing check', { outbox: () => { throw new Error('connect ECONNREFUSED db.internal.example:5432'); } }, 503, 'error'],
  ])('should combine sections and show the public only their status: %s', async (_name, health, httpStatus, status) => {
    const service = await startTestServer({ health });
    try {
      const response = await fetch(`${service.url}/healthz`);
      expect(response.status).toBe(httpStatus);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status, knowledge: { status: 'ok' }, knowledgeSync: { status: 'ok' }, outbox: { status } });
      expect(text).not.toMatch(/pending|db\.internal|ECONNREFUSED|uptime/);

      // The details stay available to the admin port and, for a failing check, go to the log.
      const detailed = await service.server.health();
      expect(detailed.httpStatus).toBe(httpStatus);
      if (status === 'error') {
        expect(detailed.body.outbox).toEqual({ status: 'error', message: 'connect ECONNREFUSED db.internal.example:5432' });
        expect(service.logLines().some((line) => line.msg === 'health check failed' && JSON.stringify(line).includes('db.internal.example'))).toBe(true);
      } else {
        expect(detailed.body.outbox).toMatchObject({ pending: expect.any(Number) });
      }
    } finally {
      await service.close();
    }
  });
});
