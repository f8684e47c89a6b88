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
import { z } from 'zod/v4';

/** Longest question the bot and `/api/ask` accept, in characters (after trimming). */
export const MAX_QUESTION_LENGTH = 1000;

/** pino's level names; `silent` turns logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** An env file writes `KEY=` for "not set": treat empty or blank values as absent. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

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
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS).default('info')).describe(
    'pino log level. Question text is logged only at debug and below.',
  ),
  MicrosoftAppId: optionalText.describe('Bot app (client) id. Unset: local mode without authentication.'),
  MicrosoftAppPassword: optionalText.describe('Client secret of the bot app; required with MicrosoftAppId.'),
  MicrosoftAppTenantId: optionalText.describe(
    'Entra tenant id: makes the registration single-tenant (the default for new bots). Unset: multi-tenant.',
  ),
});

type Env = z.infer<typeof envSchema>;

/** Bot Framework credentials; absent in local mode (no authentication, no cloud calls). */
export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string;
  /** Set for a single-tenant registration. */
  readonly tenantId?: string;
}

/** Validated, typed, frozen configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly knowledgeDir: string;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** `undefined` means local mode: the adapter accepts unauthenticated requests. */
  readonly botCredentials: BotCredentials | undefined;
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
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(toConfig(parsed.data));
}

function toConfig(env: Env): Config {
  return {
    port: env.PORT,
    host: env.HOST,
    knowledgeDir: env.KNOWLEDGE_DIR,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    botCredentials:
      env.MicrosoftAppId && env.MicrosoftAppPassword
        ? { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, tenantId: env.MicrosoftAppTenantId }
        : undefined,
  };
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

/** Secrets are never echoed back into logs. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['MicrosoftAppPassword']);

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
