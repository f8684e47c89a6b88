/**
 * Configuration: the only module that reads environment variables.
 *
 * `loadConfig(env)` validates every key at once and throws one {@link ConfigError} listing all
 * problems, so an operator fixes a broken deployment in one round instead of one key at a time.
 * Tests pass their own `env` object; only `src/index.ts` passes `process.env`.
 *
 * To add a key: add it to {@link envSchema} (with `.describe()`, which the README mirrors),
 * then map it in {@link toConfig}.
 */
import { Cron } from 'croner';
import { z } from 'zod/v4';

/** Longest question the bot and `/api/ask` accept, in characters (after trimming). */
export const MAX_QUESTION_LENGTH = 1000;

/** The admin port (metrics, detailed health) unless METRICS_PORT says otherwise; Prometheus exporters' usual port. */
export const DEFAULT_ADMIN_PORT = 9464;

/** pino's level names; `silent` turns logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** An env file writes `KEY=` for "not set": treat empty or blank values as absent. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

/** An optional absolute http(s) URL (trailing slashes removed). */
const optionalUrl = optionalText.pipe(
  z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
);

/** An Entra object id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A plain address (no display name): local part, @, domain with a dot. */
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const withDefault = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

/**
 * Every environment variable the service reads, with its default. One table: the README's
 * configuration section lists exactly these keys.
 */
export const envSchema = z.object({
  PORT: withDefault(z.coerce.number().int().min(0).max(65535).default(3978)).describe(
    'TCP port of the HTTP server (Bot Framework endpoint, /api/ask, /healthz). 0 picks a free port.',
  ),
  HOST: withDefault(z.string().trim().min(1).default('127.0.0.1')).describe(
    'Interface to bind. Local default 127.0.0.1; set 0.0.0.0 in a container or App Service.',
  ),
  KNOWLEDGE_DIR: withDefault(z.string().trim().min(1).default('knowledge')).describe(
    'Folder of the YAML knowledge base (relative to the working directory or absolute).',
  ),
  DATA_DIR: withDefault(z.string().trim().min(1).default('data')).describe(
    'Folder for runtime data (SQLite database); created when missing.',
  ),
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional()).describe(
    'PostgreSQL instead of the SQLite file in DATA_DIR, e.g. postgres://laki:secret@db.example.org:5432/laki?sslmode=require. Required for several instances; tickets, delivery jobs, turn state and the question log then live there. Secret: put it in env/.env.local.user.',
  ),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS).default('info')).describe(
    'pino log level. Question text is logged only at debug and below.',
  ),
  MicrosoftAppId: optionalText.describe('Bot app (client) id. Unset: local mode without authentication.'),
  MicrosoftAppPassword: optionalText.describe('Client secret of the bot app; required with MicrosoftAppId.'),
  MicrosoftAppTenantId: optionalText.describe(
    'Entra tenant id: makes the registration single-tenant (the default for new bots). Unset: multi-tenant.',
  ),
  TEAMS_TENANT_ID: optionalText.describe(
    'Only Teams users of this tenant may use the bot; messages from other tenants get a polite refusal, other activities a 403. Unset: any tenant.',
  ),
  BOT_OPENID_METADATA_URL: optionalUrl.describe(
    'For tests / sovereign clouds only: OpenID metadata URL whose keys sign the channel\'s tokens. Default: Bot Framework public cloud.',
  ),
  BOT_TOKEN_ISSUER: optionalText.describe(
    'For tests / sovereign clouds only: expected "iss" of the channel\'s tokens. Default: https://api.botframework.com.',
  ),
  BOT_LOGIN_URL: optionalUrl.describe(
    'For tests / sovereign clouds only: login URL (authority incl. tenant) the bot gets its own tokens from; POSTs to <url>/oauth2/v2.0/token. Default: Microsoft Entra public cloud.',
  ),
  BOT_OAUTH_SCOPE: optionalText.describe(
    'For tests / sovereign clouds only: audience of the bot\'s outgoing tokens. Default: https://api.botframework.com.',
  ),
  PUBLIC_RATE_LIMIT_PER_MINUTE: withDefault(z.coerce.number().int().min(0).max(100_000).default(120)).describe(
    'Requests per minute and client IP on the public endpoints (/api/ask, /api/entries, the tab\'s JSON under /tab/api; the tab\'s page and files are not counted); 0 turns the limit off.',
  ),
  TRUST_PROXY_HOPS: withDefault(z.coerce.number().int().min(0).max(10).default(0)).describe(
    'Reverse proxies in front of the service (App Service: 1); the client IP is then read from X-Forwarded-For.',
  ),
  METRICS_ENABLED: withDefault(z.stringbool().default(true)).describe(
    'Serve Prometheus metrics at GET /metrics on the admin port (true/false).',
  ),
  METRICS_PORT: withDefault(z.coerce.number().int().min(0).max(65535).default(DEFAULT_ADMIN_PORT)).describe(
    'Admin port, bound to METRICS_HOST: GET /metrics and the detailed GET /healthz (counts, error texts). The main port never serves /metrics and shows only ok/degraded per health section. 0 picks a free port; if the port is taken, the bot runs on without it and logs an error.',
  ),
  METRICS_HOST: withDefault(z.string().trim().min(1).default('127.0.0.1')).describe(
    'Interface of the admin port. Keep 127.0.0.1 unless only the monitoring network can reach the chosen interface.',
  ),
  KNOWLEDGE_RELOAD: withDefault(z.stringbool().default(true)).describe(
    'Watch KNOWLEDGE_DIR and serve edits within seconds without a restart (true/false). An invalid edit is logged and shown on /healthz; the last good knowledge keeps serving.',
  ),
  KNOWLEDGE_SEED_DIR: optionalText.describe(
    'Production with a writable copy of the knowledge: at every start KNOWLEDGE_DIR\'s YAML files are replaced by this folder\'s (the knowledge/ shipped with the code), then the entries editors published in Teams are applied again from the database. Unset: KNOWLEDGE_DIR is used as it is.',
  ),
  KNOWLEDGE_EDITORS: optionalText
    .pipe(
      z
        .string()
        .transform((value) => value.split(/[\s,;]+/).filter(Boolean))
        .pipe(z.array(z.string().regex(GUID, 'must be Entra object ids (GUIDs), separated by commas')))
        .optional(),
    )
    .describe(
      'Entra object ids of the people who may create, publish and undo knowledge entries in the LaKI channel, comma-separated. Unset: everyone acting in the LaKI channel of TEAMS_TENANT_ID.',
    ),
  QUESTION_LOG_RETENTION_DAYS: withDefault(z.coerce.number().int().min(1).max(3650).default(180)).describe(
    'Days the question log (questions, outcomes, feedback; no user identity) is kept for the editors\' report; older events are deleted at start and daily.',
  ),
  ESCALATION_ENABLED: withDefault(z.stringbool().optional()).describe(
    'Forward unanswered questions to the LaKI (true/false). Unset: on when a target (LAKI_TEAMS_CHANNEL_ID or LAKI_INBOX_EMAIL) is configured; true without a target is an error.',
  ),
  LAKI_TEAMS_CHANNEL_ID: optionalText.describe(
    'Conversation id of the LaKI Teams channel that receives ticket cards (19:…@thread.tacv2; the Agents Playground\'s General channel is team-id). Requires TEAMS_TENANT_ID.',
  ),
  LAKI_TEAMS_SERVICE_URL: withDefault(
    z.string().trim().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').default('https://smba.trafficmanager.net/emea/'),
  ).describe(
    'Bot Framework service URL of the LaKI tenant\'s region (Teams EMEA by default; the Agents Playground: http://127.0.0.1:56150/_connector).',
  ),
  LAKI_INBOX_EMAIL: optionalText.pipe(z.string().regex(EMAIL, 'must be an e-mail address').optional()).describe(
    'LaKI inbox that receives every ticket by e-mail. Requires SMTP_URL and MAIL_FROM.',
  ),
  SMTP_URL: optionalText.pipe(z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional()).describe(
    'Mail server for ticket e-mails, e.g. smtps://user:password@mail.example.org:465 or smtp://relay.example.org:25 (STARTTLS when offered). Secret: put it in env/.env.local.user.',
  ),
  MAIL_FROM: optionalText.pipe(z.string().regex(/@/, 'must contain an e-mail address').optional()).describe(
    'Sender of ticket e-mails, e.g. "LaKI-Assistent <laki-assistent@example.org>".',
  ),
  ESCALATION_LIMIT_PER_HOUR: withDefault(z.coerce.number().int().min(1).max(1000).default(10)).describe(
    'Questions one user may forward to the LaKI per hour.',
  ),
  PRIVACY_OPERATOR: optionalText.pipe(z.string().max(500).optional()).describe(
    'Privacy notice ("Datenschutz" on the welcome and help cards): who runs the bot and whom to ask for information or deletion, e.g. "Stadt Musterstadt, Datenschutz: datenschutz@musterstadt.de". Unset: the notice says it is not configured.',
  ),
  PRIVACY_NOTICE: optionalText.pipe(z.string().max(4000).optional()).describe(
    'The operator\'s own privacy notice (Markdown), replacing the default text that lists what this software stores and for how long.',
  ),
  PRIVACY_URL: optionalUrl.describe(
    'The operator\'s full privacy statement, linked from the privacy notice; also the Teams app package\'s privacy URL (npm run package).',
  ),
  TICKET_RETENTION_DAYS: withDefault(z.coerce.number().int().min(1).max(3650).default(180)).describe(
    'Closed tickets (question, asker, answer) are deleted this many days after their last change; checked at start and daily.',
  ),
  REPORT_ENABLED: withDefault(z.stringbool().default(false)).describe(
    'Post the weekly report card (questions per day, unanswered questions, negative feedback, tickets) to the LaKI channel on REPORT_SCHEDULE (true/false); at most one per week, also with several instances. Requires LAKI_TEAMS_CHANNEL_ID. "Bericht" in the channel shows it on demand whenever the channel is configured.',
  ),
  REPORT_SCHEDULE: withDefault(
    z.string().trim().default('0 8 * * 1').refine(isCronPattern, 'must be a cron expression, e.g. "0 8 * * 1" (minute hour day month weekday)'),
  ).describe(
    'When the weekly report is posted: a cron expression in German time (Europe/Berlin). Default: Mondays 08:00. The report covers the seven days before that day.',
  ),
});

/** A cron pattern croner can schedule (checked here so a typo stops the start, not the first Monday). */
function isCronPattern(pattern: string): boolean {
  try {
    return new Cron(pattern, { paused: true, timezone: 'Europe/Berlin' }).nextRun() !== null;
  } catch {
    return false;
  }
}

type Env = z.infer<typeof envSchema>;

/** Bot Framework credentials; absent in local mode (no authentication, no cloud calls). */
export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string;
  /** Set for a single-tenant registration. */
  readonly tenantId?: string;
}

/**
 * Bot Framework endpoints that replace the public cloud's; only for tests (a local OpenID/JWKS and
 * token server) and sovereign clouds. Each unset field keeps the public-cloud value.
 */
export interface BotEndpoints {
  readonly openIdMetadataUrl?: string;
  readonly tokenIssuer?: string;
  readonly loginUrl?: string;
  readonly oauthScope?: string;
}

/** The admin port: Prometheus metrics (when enabled) and the detailed health report. */
export interface MetricsConfig {
  readonly enabled: boolean;
  readonly port: number;
  readonly host: string;
}

/** Escalation to the LaKI; each target is optional, at least one is set. */
export interface EscalationConfig {
  /** The LaKI Teams channel that receives ticket cards and from which ticket actions are accepted. */
  readonly channel?: { readonly channelId: string; readonly serviceUrl: string; readonly tenantId: string };
  /** The LaKI inbox that receives ticket e-mails. */
  readonly mail?: { readonly smtpUrl: string; readonly from: string; readonly to: string };
  /** Forwards per user and hour. */
  readonly limitPerHour: number;
  /** Days after its last change a closed ticket is deleted. */
  readonly ticketRetentionDays: number;
}

/** The weekly report card in the LaKI channel. */
export interface ReportConfig {
  /** Post it on {@link schedule}; "Bericht" works regardless whenever the channel is configured. */
  readonly enabled: boolean;
  /** Cron expression in Europe/Berlin time. */
  readonly schedule: string;
}

/** Validated, typed, frozen configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly knowledgeDir: string;
  readonly dataDir: string;
  /** PostgreSQL connection string; `undefined` keeps the SQLite file in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: LogLevel;
  /** `undefined` means local mode: the adapter accepts unauthenticated requests. */
  readonly botCredentials: BotCredentials | undefined;
  /** Overrides of the Bot Framework endpoints; empty in production on the public cloud. */
  readonly botEndpoints: BotEndpoints;
  /** Only this Teams tenant may use the bot; `undefined` allows any. */
  readonly teamsTenantId: string | undefined;
  /** Per client IP on /api/ask, /api/entries, /tab; 0 means unlimited. */
  readonly publicRateLimitPerMinute: number;
  /** Reverse proxies whose X-Forwarded-For entries are trusted. */
  readonly trustProxyHops: number;
  readonly metrics: MetricsConfig;
  /** Hot reload of the knowledge directory. */
  readonly knowledgeReload: boolean;
  /** Copied over `knowledgeDir` at start (then the published revisions are applied); `undefined`: none. */
  readonly knowledgeSeedDir: string | undefined;
  /** Entra object ids allowed to edit the knowledge in Teams; `undefined`: everyone in the LaKI channel. */
  readonly knowledgeEditors: readonly string[] | undefined;
  /** Question log events older than this are deleted. */
  readonly questionLogRetentionDays: number;
  /** Forwarding to the LaKI; `undefined` when off. */
  readonly escalation: EscalationConfig | undefined;
  readonly report: ReportConfig;
  /** The operator's parts of the privacy notice. */
  readonly privacy: { readonly operator?: string; readonly notice?: string; readonly url?: string };
}

/** Thrown by {@link loadConfig}; `problems` holds one line per invalid or missing key. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((problem) => `  - ${problem}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from `env` (pass `process.env` in production).
 * Unknown keys are ignored. Throws {@link ConfigError} listing every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Config {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.shape)) picked[key] = env[key];

  const parsed = envSchema.safeParse(picked);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, picked));
  problems.push(...credentialProblems(credentialsOf(picked)));
  problems.push(...endpointProblems(picked));
  problems.push(...escalationProblems(picked));
  problems.push(...reportProblems(picked));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(toConfig(parsed.data));
}

function toConfig(env: Env): Config {
  return {
    port: env.PORT,
    host: env.HOST,
    knowledgeDir: env.KNOWLEDGE_DIR,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    botCredentials:
      env.MicrosoftAppId && env.MicrosoftAppPassword
        ? { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, tenantId: env.MicrosoftAppTenantId }
        : undefined,
    botEndpoints: withoutUndefined({
      openIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
      tokenIssuer: env.BOT_TOKEN_ISSUER,
      loginUrl: env.BOT_LOGIN_URL,
      oauthScope: env.BOT_OAUTH_SCOPE,
    }),
    teamsTenantId: env.TEAMS_TENANT_ID,
    publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    metrics: { enabled: env.METRICS_ENABLED, port: env.METRICS_PORT, host: env.METRICS_HOST },
    knowledgeReload: env.KNOWLEDGE_RELOAD,
    knowledgeSeedDir: env.KNOWLEDGE_SEED_DIR,
    knowledgeEditors: env.KNOWLEDGE_EDITORS?.map((id) => id.toLowerCase()),
    questionLogRetentionDays: env.QUESTION_LOG_RETENTION_DAYS,
    escalation: escalationOf(env),
    report: { enabled: env.REPORT_ENABLED, schedule: env.REPORT_SCHEDULE },
    privacy: withoutUndefined({ operator: env.PRIVACY_OPERATOR, notice: env.PRIVACY_NOTICE, url: env.PRIVACY_URL }),
  };
}

/** Escalation is on when asked for, or by default when a target is configured. */
function escalationOf(env: Env): EscalationConfig | undefined {
  const channel =
    env.LAKI_TEAMS_CHANNEL_ID && env.TEAMS_TENANT_ID
      ? { channelId: env.LAKI_TEAMS_CHANNEL_ID, serviceUrl: env.LAKI_TEAMS_SERVICE_URL, tenantId: env.TEAMS_TENANT_ID }
      : undefined;
  const mail =
    env.LAKI_INBOX_EMAIL && env.SMTP_URL && env.MAIL_FROM
      ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, to: env.LAKI_INBOX_EMAIL }
      : undefined;
  if (env.ESCALATION_ENABLED === false || (!channel && !mail)) return undefined;
  return withoutUndefined({
    channel,
    mail,
    limitPerHour: env.ESCALATION_LIMIT_PER_HOUR,
    ticketRetentionDays: env.TICKET_RETENTION_DAYS,
  });
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

type CredentialEnv = Pick<Env, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId'>;

/** The credential keys on their own, so their cross-checks run even when another key is invalid. */
function credentialsOf(env: Record<string, unknown>): CredentialEnv {
  const text = (key: string) => optionalText.safeParse(env[key]).data;
  return {
    MicrosoftAppId: text('MicrosoftAppId'),
    MicrosoftAppPassword: text('MicrosoftAppPassword'),
    MicrosoftAppTenantId: text('MicrosoftAppTenantId'),
  };
}

/** A partial credential set would silently run unauthenticated or fail on the first reply. */
function credentialProblems(env: CredentialEnv): string[] {
  const problems: string[] = [];
  if (!env.MicrosoftAppId) {
    for (const key of ['MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const) {
      if (env[key]) problems.push(`${key}: set without MicrosoftAppId (set both, or neither for local mode)`);
    }
  } else if (!env.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  return problems;
}

const ENDPOINT_KEYS = ['BOT_OPENID_METADATA_URL', 'BOT_TOKEN_ISSUER', 'BOT_LOGIN_URL', 'BOT_OAUTH_SCOPE'] as const;

/** Endpoint overrides only matter with credentials; without them they would silently do nothing. */
function endpointProblems(env: Record<string, unknown>): string[] {
  if (credentialsOf(env).MicrosoftAppId) return [];
  return ENDPOINT_KEYS.filter((key) => optionalText.safeParse(env[key]).data).map(
    (key) => `${key}: has no effect without MicrosoftAppId and MicrosoftAppPassword`,
  );
}

/**
 * Escalation targets come in sets: a channel needs its tenant, an inbox needs a server and a
 * sender; escalation switched on needs at least one target.
 */
function escalationProblems(env: Record<string, unknown>): string[] {
  const text = (key: string) => optionalText.safeParse(env[key]).data;
  const enabled = withDefault(z.stringbool().optional()).safeParse(env.ESCALATION_ENABLED).data;
  if (enabled === false) return [];
  const problems: string[] = [];
  if (text('LAKI_TEAMS_CHANNEL_ID') && !text('TEAMS_TENANT_ID')) {
    problems.push('TEAMS_TENANT_ID: required with LAKI_TEAMS_CHANNEL_ID (the LaKI channel\'s tenant)');
  }
  const mailKeys = ['LAKI_INBOX_EMAIL', 'SMTP_URL', 'MAIL_FROM'] as const;
  const setMailKeys = mailKeys.filter((key) => text(key));
  if (setMailKeys.length > 0) {
    for (const key of mailKeys) {
      if (!text(key)) problems.push(`${key}: required with ${setMailKeys.join(', ')} (e-mail to the LaKI inbox needs LAKI_INBOX_EMAIL, SMTP_URL and MAIL_FROM)`);
    }
  }
  const hasTarget = Boolean(text('LAKI_TEAMS_CHANNEL_ID')) || setMailKeys.length > 0;
  if (enabled === true && !hasTarget) {
    problems.push(
      'ESCALATION_ENABLED: true, but no target is configured: set LAKI_TEAMS_CHANNEL_ID (with TEAMS_TENANT_ID) and/or LAKI_INBOX_EMAIL (with SMTP_URL and MAIL_FROM)',
    );
  }
  return problems;
}

/** The weekly report is posted to the LaKI channel: switched on, it needs that channel. */
function reportProblems(env: Record<string, unknown>): string[] {
  if (withDefault(z.stringbool().optional()).safeParse(env.REPORT_ENABLED).data !== true) return [];
  const escalation = withDefault(z.stringbool().optional()).safeParse(env.ESCALATION_ENABLED).data;
  if (!optionalText.safeParse(env.LAKI_TEAMS_CHANNEL_ID).data || escalation === false) {
    return ['REPORT_ENABLED: true, but the report needs the LaKI channel: set LAKI_TEAMS_CHANNEL_ID (with TEAMS_TENANT_ID) and leave ESCALATION_ENABLED on'];
  }
  return [];
}

/** Secrets are never echoed back into logs. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['MicrosoftAppPassword', 'SMTP_URL', 'DATABASE_URL']);

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, unknown>): string {
  const key = String(issue.path[0] ?? '(env)');
  const value = env[key];
  const shown = typeof value === 'string' && !SECRET_KEYS.has(key) ? ` (got "${value}")` : '';
  return `${key}: ${issue.message}${shown}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
