/**
 * `npm run bench:soak [-- --minutes N] [--users N] [--failure-rate R]`: a bounded soak of the real
 * service process (`node dist/src/index.js`, SQLite in a temporary DATA_DIR) under mixed
 * traffic, with the Teams connector and the SMTP server failing now and then.
 *
 * Virtual users, each in its own personal chat, loop over: a question through /api/messages,
 * GET /api/ask, a forward to the LaKI ("LaKI fragen: …", then "Absenden" on the draft card), and —
 * as a LaKI member in the channel — "Antwort senden" on a posted ticket card. Every ticket also
 * goes to a local SMTP server. The connector answers a share of the outbox's deliveries (channel
 * posts, card updates, messages to askers) with 503 + Retry-After; the SMTP server refuses a
 * share of the mails with 451.
 *
 * Reports throughput, p50/p99 latency per kind, the service's RSS and heap at start and end and
 * its event-loop delay (prom-client's default metrics on /metrics, scraped every 5 s), then
 * waits for the outbox to drain and checks: every ticket posted to the channel exactly once,
 * mailed exactly once, every answer delivered exactly once to its asker, no failed job.
 * Exit code 1 when a check fails. Raw figures: test-artifacts/bench/soak-latest.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DraftInput, EscalationMessages as M, EscalationVerb, TicketVerb } from '../src/escalation';
import { generateQuestions, seededRandom } from './bench/questions';
import { startSoakConnector, type SoakConnector, type SoakRequest } from './bench/soakConnector';
import { percentile } from './bench/stats';
import { freePort } from './lib/freePort';

const ROOT = resolve(__dirname, '..', '..');
const SERVICE_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
const RESULT_FILE = join(ROOT, 'test-artifacts', 'bench', 'soak-latest.json');
const CHANNEL_ID = '19:soak-laki@thread.tacv2';
const TENANT_ID = 'tenant-soak';
const TICKET_NUMBER = /LAKI-\d{4}-\d{4,}/;

type Kind = 'question' | 'ask' | 'forward' | 'laki-answer';
const KINDS: readonly Kind[] = ['question', 'ask', 'forward', 'laki-answer'];

interface Options {
  readonly minutes: number;
  readonly users: number;
  readonly failureRate: number;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string, fallback: number, check: (n: number) => boolean) => {
    const index = args.indexOf(name);
    if (index === -1) return fallback;
    const parsed = Number(args[index + 1]);
    if (!check(parsed)) throw new Error(`${name}: invalid value "${args[index + 1]}"`);
    return parsed;
  };
  return {
    minutes: value('--minutes', 3, (n) => n > 0 && n <= 24 * 60),
    users: value('--users', 8, (n) => Number.isInteger(n) && n >= 1 && n <= 200),
    failureRate: value('--failure-rate', 0.03, (n) => n >= 0 && n < 0.5),
  };
}

interface Sample {
  readonly kind: Kind;
  readonly ms: number;
  readonly ok: boolean;
}

interface ServiceMetrics {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly eventLoopP50Ms: number;
  readonly eventLoopP99Ms: number;
  readonly eventLoopMaxMs: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} at start`;
  console.log(`LaKI-Assistent soak — ${options.minutes} min, ${options.users} users, failure rate ${options.failureRate} — ${machine}`);
  const random = seededRandom(2026);

  const connector = await startSoakConnector((operation, body) => {
    const text = JSON.stringify(body ?? {});
    // Only the outbox's deliveries fail: channel posts, card updates and notices to askers.
    const outbox = operation === 'create' || operation === 'update' || (operation !== 'other' && isAskerNotice(text));
    return outbox && random() < options.failureRate;
  });
  const smtp = await startSmtp(options.failureRate, random);
  const dataDir = mkdtempSync(join(tmpdir(), 'laki-soak-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = startService(port, dataDir, connector.url, smtp.port);
  let exitCode = 0;
  try {
    await waitUntil(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true, 60_000, 'service start');
    const start = await scrape(url);
    const scrapes: ServiceMetrics[] = [start];
    const scraper = setInterval(() => void scrape(url).then((m) => scrapes.push(m), () => undefined), 5000);

    const state = new SoakState(connector);
    const questions = generateQuestions(5000, 7);
    const samples: Sample[] = [];
    const deadline = Date.now() + options.minutes * 60_000;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: options.users }, (_, user) => runUser(user, { url, connector, state, questions, samples, deadline, random })),
    );
    const elapsedS = (performance.now() - began) / 1000;
    clearInterval(scraper);

    console.log('Traffic stopped; waiting for the outbox to drain …');
    const drainStart = Date.now();
    await waitUntil(async () => {
      const { jobs } = (await (await fetch(`${url}/healthz`)).json()).escalation;
      return jobs.pending === 0 && jobs.running === 0;
    }, 300_000, 'outbox drain');
    const drainS = (Date.now() - drainStart) / 1000;
    const end = await scrape(url);
    const health = await (await fetch(`${url}/healthz`)).json();
    const checks = state.check(smtp.accepted, health.escalation.jobs.failed);

    const byKind = Object.fromEntries(
      KINDS.map((kind) => {
        const ofKind = samples.filter((s) => s.kind === kind);
        const ms = ofKind.filter((s) => s.ok).map((s) => s.ms);
        return [kind, { count: ofKind.length, errors: ofKind.filter((s) => !s.ok).length, perSecond: ofKind.length / elapsedS, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) }];
      }),
    ) as Record<Kind, { count: number; errors: number; perSecond: number; p50Ms: number; p99Ms: number }>;
    // prom-client resets its event-loop histogram at each scrape: the first one covers start-up
    // (module loading, migrations), the later ones one 5-s window of traffic each.
    const windows = scrapes.slice(1);
    const eventLoop = {
      p50MedianMs: percentile(windows.map((m) => m.eventLoopP50Ms), 50),
      p99MedianMs: percentile(windows.map((m) => m.eventLoopP99Ms), 50),
      p99WorstMs: Math.max(...windows.map((m) => m.eventLoopP99Ms)),
      maxMs: Math.max(...windows.map((m) => m.eventLoopMaxMs)),
      startUpMaxMs: start.eventLoopMaxMs,
    };
    const figures = {
      at: new Date().toISOString(),
      machine,
      options,
      elapsedS,
      drainS,
      total: samples.length,
      perSecond: samples.length / elapsedS,
      byKind,
      service: { start, end, eventLoop, scrapes: scrapes.length },
      injected: { connector: connector.injected, smtp451: smtp.refused },
      tickets: checks.tickets,
      checks: checks.results,
      serviceWarnLines: service.warnLines(),
      serviceErrorLines: service.errorLines(),
    };
    console.log(`\n${report(figures)}`);
    mkdirSync(join(ROOT, 'test-artifacts', 'bench'), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nRaw figures: ${RESULT_FILE}`);
    if (checks.results.some((check) => !check.ok)) exitCode = 1;
  } finally {
    await service.stop();
    await connector.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = exitCode;
}

function isAskerNotice(text: string): boolean {
  return ['wird bearbeitet', 'Antwort der LaKI auf Ihre Frage', 'wurde geschlossen'].some((part) => text.includes(part));
}

/** What the soak knows about tickets: created by forwards, posted to the channel, answered by LaKI. */
class SoakState {
  /** Ticket number → asker's conversation. */
  readonly tickets = new Map<string, string>();
  /** Ticket number → the answer LaKI sent. */
  readonly answers = new Map<string, string>();
  private scanned = 0;
  private readonly posted: Array<{ number: string; threadId: string; activityId: string }> = [];

  constructor(private readonly connector: SoakConnector) {}

  /** A posted, unanswered ticket card for a LaKI member to answer, if any. */
  nextToAnswer(): { number: string; threadId: string; activityId: string } | undefined {
    for (; this.scanned < this.connector.requests.length; this.scanned += 1) {
      const request = this.connector.requests[this.scanned];
      if (request.operation !== 'create' || request.status !== 200) continue;
      const number = TICKET_NUMBER.exec(JSON.stringify(request.body))?.[0];
      if (number) this.posted.push({ number, threadId: request.conversationId!, activityId: request.answeredId! });
    }
    return this.posted.shift();
  }

  check(mails: ReadonlyMap<string, number>, failedJobs: number) {
    const ok = (request: SoakRequest) => request.status === 200;
    const posts = new Map<string, number>();
    for (const request of this.connector.requests.filter((r) => r.operation === 'create' && ok(r))) {
      const number = TICKET_NUMBER.exec(JSON.stringify(request.body))?.[0] ?? '?';
      posts.set(number, (posts.get(number) ?? 0) + 1);
    }
    const numbers = [...this.tickets.keys()];
    const deliveredAnswers = [...this.answers].map(([number, answer]) => {
      const conversation = this.tickets.get(number);
      return this.connector.requests.filter(
        (r) => ok(r) && (r.operation === 'send' || r.operation === 'reply') && r.conversationId === conversation &&
          JSON.stringify(r.body).includes(M.askerTitle.answered(number)) && JSON.stringify(r.body).includes(answer),
      ).length;
    });
    const results = [
      { check: 'every ticket posted to the channel exactly once', ok: numbers.every((n) => posts.get(n) === 1) && posts.size === numbers.length },
      { check: 'every ticket mailed exactly once', ok: numbers.every((n) => mails.get(n) === 1) && mails.size === numbers.length },
      { check: 'every answer delivered exactly once to its asker', ok: deliveredAnswers.every((count) => count === 1) },
      { check: 'no failed delivery job', ok: failedJobs === 0 },
    ];
    return {
      results,
      tickets: {
        created: numbers.length,
        posted: posts.size,
        mailed: mails.size,
        answered: this.answers.size,
        answersDelivered: deliveredAnswers.filter((count) => count === 1).length,
        postedTwice: [...posts.values()].filter((count) => count > 1).length,
        mailedTwice: [...mails.values()].filter((count) => count > 1).length,
        answerDeliveredTwice: deliveredAnswers.filter((count) => count > 1).length,
      },
    };
  }
}

interface UserContext {
  readonly url: string;
  readonly connector: SoakConnector;
  readonly state: SoakState;
  readonly questions: readonly string[];
  readonly samples: Sample[];
  readonly deadline: number;
  readonly random: () => number;
}

let activityCounter = 0;

async function runUser(user: number, context: UserContext): Promise<void> {
  const conversation = `a:soak-user-${user}`;
  const from = { id: `29:soak-user-${user}`, name: `Soak Nutzerin ${user}`, aadObjectId: `aad-soak-${user}` };
  const personal = (fields: Record<string, unknown>) => ({
    type: 'message',
    id: `soak-in-${++activityCounter}`,
    channelId: 'msteams',
    serviceUrl: context.connector.url,
    from,
    recipient: { id: '28:laki-bot', name: 'LaKI-Assistent' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'de-DE',
    ...fields,
  });
  const question = () => context.questions[Math.floor(context.random() * context.questions.length)];
  const timed = async (kind: Kind, work: () => Promise<boolean>) => {
    const started = performance.now();
    let ok = false;
    try {
      ok = await work();
    } catch {
      ok = false;
    }
    context.samples.push({ kind, ms: performance.now() - started, ok });
  };

  while (Date.now() < context.deadline) {
    const roll = context.random();
    if (roll < 0.4) {
      await timed('question', async () => (await postActivity(context.url, personal({ text: question(), textFormat: 'plain' }))) === 200);
    } else if (roll < 0.7) {
      await timed('ask', async () => (await fetch(`${context.url}/api/ask?q=${encodeURIComponent(question())}`).then(async (r) => (await r.text(), r.status))) === 200);
    } else if (roll < 0.85) {
      // "LaKI fragen: …" shows the draft card (not timed: it is a plain turn); "Absenden" is the forward.
      const text = `Soak-Frage ${activityCounter}: ${question()}`;
      const ask = personal({ text: `LaKI fragen: ${text}`, textFormat: 'plain' });
      if ((await postActivity(context.url, ask)) !== 200) {
        context.samples.push({ kind: 'forward', ms: 0, ok: false });
        continue;
      }
      const draft = context.connector.requests.find((r) => r.conversationId === conversation && r.pathActivityId === ask.id && /"draftId":"/.test(JSON.stringify(r.body)));
      const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(draft?.body))?.[1];
      if (!draft || !draftId) {
        context.samples.push({ kind: 'forward', ms: 0, ok: false });
        continue;
      }
      const submit = personal({ replyToId: draft.answeredId, value: { verb: EscalationVerb.Submit, draftId, [DraftInput.Question]: text } });
      await timed('forward', async () => {
        if ((await postActivity(context.url, submit)) !== 200) return false;
        const confirmation = context.connector.requests.find(
          (r) => r.conversationId === conversation && ((r.operation === 'update' && r.pathActivityId === draft.answeredId) || r.pathActivityId === submit.id),
        );
        const number = TICKET_NUMBER.exec(JSON.stringify(confirmation?.body ?? ''))?.[0];
        if (number) context.state.tickets.set(number, conversation);
        return Boolean(number);
      });
    } else {
      const card = context.state.nextToAnswer();
      if (!card) continue;
      const answer = `Soak-Antwort auf ${card.number}: Bitte wenden Sie sich an Ihr Kommunales Integrationszentrum.`;
      const activity = {
        type: 'message',
        id: `soak-in-${++activityCounter}`,
        channelId: 'msteams',
        serviceUrl: context.connector.url,
        from: { id: '29:soak-laki', name: 'Soak LaKI', aadObjectId: 'aad-soak-laki' },
        recipient: { id: '28:laki-bot', name: 'LaKI-Assistent' },
        conversation: { id: card.threadId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
        channelData: { channel: { id: CHANNEL_ID }, team: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
        replyToId: card.activityId,
        value: { verb: TicketVerb.Answer, ticketNumber: card.number, answer },
      };
      await timed('laki-answer', async () => {
        const ok = (await postActivity(context.url, activity)) === 200;
        if (ok) context.state.answers.set(card.number, answer);
        return ok;
      });
    }
  }
}

async function postActivity(url: string, activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  await response.text();
  return response.status;
}

/** A local SMTP server that refuses a share of the mails with 451 and counts accepted mails per ticket. */
async function startSmtp(failureRate: number, random: () => number) {
  const accepted = new Map<string, number>();
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (random() < failureRate) {
          refused += 1;
          callback(Object.assign(new Error('Temporary failure (injected by the soak)'), { responseCode: 451 }));
          return;
        }
        const number = /^X-LaKI-Ticket: (\S+)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '?';
        accepted.set(number, (accepted.get(number) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    port: (server.server.address() as import('node:net').AddressInfo).port,
    accepted: accepted as ReadonlyMap<string, number>,
    get refused() {
      return refused;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function startService(port: number, dataDir: string, connectorUrl: string, smtpPort: number) {
  const child: ChildProcess = spawn(process.execPath, [SERVICE_ENTRY], {
    cwd: dataDir, // no env/ files here: only the variables below configure it
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'data'),
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      KNOWLEDGE_RELOAD: 'false',
      LOG_LEVEL: 'warn',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      ESCALATION_LIMIT_PER_HOUR: '1000',
      LAKI_TEAMS_CHANNEL_ID: CHANNEL_ID,
      TEAMS_TENANT_ID: TENANT_ID,
      LAKI_TEAMS_SERVICE_URL: connectorUrl,
      LAKI_INBOX_EMAIL: 'inbox@laki.example',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'LaKI-Assistent <bot@laki.example>',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = { warn: 0, error: 0 };
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      const level = /"level":"?(\w+)/.exec(line)?.[1];
      if (level === 'warn' || level === '40') lines.warn += 1;
      if (level === 'error' || level === 'fatal' || level === '50' || level === '60') lines.error += 1;
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    warnLines: () => lines.warn,
    errorLines: () => lines.error,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function scrape(url: string): Promise<ServiceMetrics> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rssBytes: value('process_resident_memory_bytes'),
    heapUsedBytes: value('nodejs_heap_size_used_bytes'),
    eventLoopP50Ms: value('nodejs_eventloop_lag_p50_seconds') * 1000,
    eventLoopP99Ms: value('nodejs_eventloop_lag_p99_seconds') * 1000,
    eventLoopMaxMs: value('nodejs_eventloop_lag_max_seconds') * 1000,
  };
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not done within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

function report(f: any): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(1)} ms`);
  return [
    `### Soak: ${f.options.minutes} min, ${f.options.users} users, failure rate ${f.options.failureRate} (${f.machine})`,
    '',
    `Throughput: ${f.total} operations in ${f.elapsedS.toFixed(0)} s = ${f.perSecond.toFixed(1)}/s; outbox drained ${f.drainS.toFixed(1)} s after the traffic stopped.`,
    '',
    '| Kind | Count | Errors | Per second | p50 | p99 |',
    '|---|---:|---:|---:|---:|---:|',
    ...KINDS.map((kind) => {
      const k = f.byKind[kind];
      return `| ${kind} | ${k.count} | ${k.errors} | ${k.perSecond.toFixed(2)} | ${ms(k.p50Ms)} | ${ms(k.p99Ms)} |`;
    }),
    '',
    '| Service | Start | End |',
    '|---|---:|---:|',
    `| RSS | ${mb(f.service.start.rssBytes)} | ${mb(f.service.end.rssBytes)} |`,
    `| Heap used | ${mb(f.service.start.heapUsedBytes)} | ${mb(f.service.end.heapUsedBytes)} |`,
    '',
    `Event-loop delay (service, prom-client, ${f.service.scrapes - 1} windows of 5 s under traffic): median window p50 ${ms(f.service.eventLoop.p50MedianMs)}, ` +
      `median window p99 ${ms(f.service.eventLoop.p99MedianMs)}, worst window p99 ${ms(f.service.eventLoop.p99WorstMs)}, max ${ms(f.service.eventLoop.maxMs)} ` +
      `(start-up before the first scrape: max ${ms(f.service.eventLoop.startUpMaxMs)}).`,
    `Injected failures: connector 503 ${JSON.stringify(f.injected.connector)}, SMTP 451 × ${f.injected.smtp451}. Service log: ${f.serviceWarnLines} warn, ${f.serviceErrorLines} error lines.`,
    `Tickets: ${JSON.stringify(f.tickets)}`,
    '',
    ...f.checks.map((c: { check: string; ok: boolean }) => `- ${c.ok ? 'PASS' : 'FAIL'}: ${c.check}`),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
