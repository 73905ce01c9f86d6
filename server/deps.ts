import { Redis } from 'ioredis';
import OpenAI from 'openai';
import type { Config } from './config.ts';
import { createLucia, type AuthLucia } from './auth/lucia.ts';
import { SignInLimiter } from './auth/sign-in-limiter.ts';
import { WebhookLimiter } from './http/webhook-limiter.ts';
import { createDb, type Db } from './db/client.ts';
import { createBullQueue, createInProcessQueue, type JobQueue } from './jobs/queue.ts';
import type { Logger } from './logger.ts';
import { createInProcessBus, createRedisBus, type Bus } from './realtime/bus.ts';
import { SecretBox, loadSecretsKey } from './security/secret-box.ts';
import { createMemoryPresence, createRedisPresence, type PresenceStore } from './realtime/presence.ts';
import { createMemoryAgentPresence, createRedisAgentPresence, type AgentPresenceStore } from './realtime/agent-presence.ts';

/** Everything a service needs from the outside world, built once per process. */
export type Deps = {
  config: Config;
  log: Logger;
  db: Db;
  bus: Bus;
  queue: JobQueue;
  lucia: AuthLucia;
  signInLimiter: SignInLimiter;
  webhookLimiter: WebhookLimiter;
  secrets: SecretBox;
  /** Null without OPENAI_API_KEY: the AI is offline. */
  openai: OpenAI | null;
  presence: PresenceStore;
  /** Who has a live WebSocket (online/away), across nodes. */
  agentPresence: AgentPresenceStore;
  /** Null in single-node mode. */
  redis: Redis | null;
};

export const createDeps = (config: Config, databaseUrl: string, log: Logger): Deps => {
  const db = createDb(databaseUrl);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null }) : null;
  redis?.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const bus = config.redisUrl ? createRedisBus(config.redisUrl, config.redisPrefix, log) : createInProcessBus();
  const queue = config.redisUrl ? createBullQueue(config.redisUrl, config.redisPrefix, log) : createInProcessQueue(log);
  const secureCookie = config.publicUrl?.startsWith('https://') ?? false;
  const secretsKey = loadSecretsKey(config.secretsKey, config.dataDir);
  if (secretsKey.source === 'file' && config.databaseUrl) {
    log.warn({ dataDir: config.dataDir }, 'no SECRETS_KEY: provider secrets are encrypted with a key kept in DATA_DIR; set SECRETS_KEY in production');
  }
  return {
    config,
    log,
    db,
    bus,
    queue,
    redis,
    lucia: createLucia(db, { secureCookie, sessionDays: config.sessionDays }),
    signInLimiter: new SignInLimiter(config.signInLimits, redis, config.redisPrefix),
    webhookLimiter: new WebhookLimiter(config.webhookLimits, redis, config.redisPrefix),
    secrets: new SecretBox(secretsKey.key),
    presence: redis ? createRedisPresence(redis, config.redisPrefix, config.presenceTtlMs) : createMemoryPresence(),
    agentPresence: redis ? createRedisAgentPresence(redis, config.redisPrefix) : createMemoryAgentPresence(),
    // The SDK retries connection blips and 429/5xx quickly; the job's own attempts then decide when to escalate.
    openai: config.openai ? new OpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl ?? undefined, maxRetries: 2, timeout: 60_000 }) : null,
  };
};

export const closeDeps = async (deps: Deps): Promise<void> => {
  await Promise.allSettled([deps.queue.close(), deps.bus.close()]);
  await Promise.allSettled([deps.redis?.quit(), deps.db.$disconnect()]);
};
