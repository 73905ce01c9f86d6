import { z } from 'zod';

/**
 * The only module that reads process.env. Every variable is optional: missing ones fall back to
 * the embedded defaults (embedded Postgres, in-process bus and queue), so a fresh machine runs
 * with `npm start` alone.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(32767).default(25432),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i).default('sb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  WEBHOOK_MAX_REJECTIONS_PER_IP: z.coerce.number().int().min(1).default(120),
  WEBHOOK_REJECTION_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  SERVE_CLIENT: z.enum(['true', 'false']).default('true'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  FORM_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SENDGRID_API_KEY: z.string().min(1).optional(),
  SENDGRID_BASE_URL: z.url().optional(),
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().min(40).optional(),
  TICKET_ANALYSIS_MODEL: z.string().min(1).default('gpt-4o-mini'),
  PRESENCE_TTL_MS: z.coerce.number().int().min(100).max(120_000).default(12_000),
  AI_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  STATS_DEBOUNCE_MS: z.coerce.number().int().min(1).max(60_000).default(5000),
  PROVIDER_URLS: z.enum(['public-only', 'any']).optional(),
  SIMULATOR_PORT: z.coerce.number().int().min(1024).max(65535).default(3100),
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { error: 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)' })
    .optional(),
  RUN_WORKERS: z.enum(['true', 'false']).default('true'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** The URL people open; drives the cookie's Secure flag and invite links. */
  publicUrl: string | null;
  /** Extra allowed Origins for mutations and WebSocket upgrades; the server's own origin always is. */
  allowedOrigins: string[];
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  redisUrl: string | null;
  redisPrefix: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  sessionDays: number;
  shutdownGraceMs: number;
  signInLimits: { perEmail: number; perIp: number; windowSeconds: number };
  webhookLimits: { maxRejectionsPerIp: number; windowSeconds: number };
  serveClient: boolean;
  runWorkers: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits per IP need it). */
  trustProxy: boolean;
  /** Base64 AES key for provider secrets at rest; without it one is generated under DATA_DIR. */
  secretsKey: string | null;
  /** Whether provider URLs (Graph base URL, media links) may point at internal addresses; never in production by default. */
  providerUrlPolicy: 'public-only' | 'any';
  /** Where `npm run simulate` serves the fake Graph API the demo channel points at. */
  simulatorPort: number;
  /** Null: the AI is offline and new conversations wait in the queue. */
  openai: { apiKey: string; baseUrl: string | null } | null;
  /**
   * Deployment-wide SendGrid defaults. A workspace's own key (Settings -> Email) wins; with
   * neither, emails go to the dev outbox. baseUrl points the SDK elsewhere (the fake in tests).
   * The webhook key verifies Event Webhook batches for workspaces without their own.
   */
  sendgrid: { apiKey: string | null; baseUrl: string | null; webhookPublicKey: string | null };
  /** Web-form submissions allowed per form and client address per minute (public endpoint: spam). */
  formSubmissionsPerMinute: number;
  /** The model that analyses helpdesk tickets (summary, category, sentiment, next actions). */
  ticketAnalysisModel: string;
  /** A burst of customer messages within this window gets one AI reply. */
  aiDebounceMs: number;
  /** Events on one conversation within this window refresh its analytics row once (the analytics' lag). */
  statsDebounceMs: number;
  /** How long a presence heartbeat counts; clients renew at a third of it. */
  presenceTtlMs: number;
};

export class ConfigError extends Error {}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const origins = (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin)) throw new ConfigError(`Invalid configuration:\n  ALLOWED_ORIGINS: "${origin}" is not a URL`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/$/, '') : null,
    allowedOrigins: origins.map((o) => new URL(o).origin),
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    logLevel: e.LOG_LEVEL,
    sessionDays: e.SESSION_DAYS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    signInLimits: {
      perEmail: e.SIGN_IN_MAX_FAILURES_PER_EMAIL,
      perIp: e.SIGN_IN_MAX_FAILURES_PER_IP,
      windowSeconds: e.SIGN_IN_WINDOW_SECONDS,
    },
    webhookLimits: {
      maxRejectionsPerIp: e.WEBHOOK_MAX_REJECTIONS_PER_IP,
      windowSeconds: e.WEBHOOK_REJECTION_WINDOW_SECONDS,
    },
    serveClient: e.SERVE_CLIENT === 'true',
    runWorkers: e.RUN_WORKERS === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    secretsKey: e.SECRETS_KEY ?? null,
    simulatorPort: e.SIMULATOR_PORT,
    providerUrlPolicy: e.PROVIDER_URLS ?? (e.NODE_ENV === 'production' ? 'public-only' : 'any'),
    openai: e.OPENAI_API_KEY ? { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL ?? null } : null,
    formSubmissionsPerMinute: e.FORM_SUBMISSIONS_PER_MINUTE,
    sendgrid: { apiKey: e.SENDGRID_API_KEY ?? null, baseUrl: e.SENDGRID_BASE_URL ?? null, webhookPublicKey: e.SENDGRID_WEBHOOK_PUBLIC_KEY ?? null },
    ticketAnalysisModel: e.TICKET_ANALYSIS_MODEL,
    aiDebounceMs: e.AI_DEBOUNCE_MS,
    statsDebounceMs: e.STATS_DEBOUNCE_MS,
    presenceTtlMs: e.PRESENCE_TTL_MS,
  };
};
