import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type WebhookLimits = { maxRejectionsPerIp: number; windowSeconds: number };

/**
 * Throttles addresses whose webhook requests keep being refused (bad signature, malformed body,
 * unknown form). Only refusals count, so a provider delivering a burst of valid events is never
 * slowed, while a flood of forged requests stops costing body reads, signature checks and
 * database lookups once its allowance is spent. Shared through Redis when configured.
 */
/**
 * An address found within its allowance is not asked about again for this long: a provider's
 * steady stream of valid deliveries would otherwise cost a Redis round trip each. A refusal
 * forgets it at once, so only requests already admitted in that second escape a new block.
 */
const CLEAR_FOR_MS = 1000;
const MAX_REMEMBERED = 10_000;

export class WebhookLimiter {
  private readonly rejections: RateLimiterAbstract;
  private readonly max: number;
  /** Address → until when it is known to be within its allowance. */
  private readonly clearUntil = new Map<string, number>();

  constructor(limits: WebhookLimits, redis: Redis | null, prefix: string) {
    this.max = limits.maxRejectionsPerIp;
    this.rejections = redis
      ? new RateLimiterRedis({ storeClient: redis, points: limits.maxRejectionsPerIp, duration: limits.windowSeconds, keyPrefix: `${prefix}:webhook-rejections` })
      : new RateLimiterMemory({ points: limits.maxRejectionsPerIp, duration: limits.windowSeconds, keyPrefix: 'webhook-rejections' });
  }

  /** Seconds until the address may try again, or null when it is within its allowance. */
  async blockedFor(ip: string): Promise<number | null> {
    const now = Date.now();
    if ((this.clearUntil.get(ip) ?? 0) > now) return null;
    const state = await this.rejections.get(ip);
    if (!state || state.consumedPoints < this.max) {
      if (this.clearUntil.size >= MAX_REMEMBERED) this.clearUntil.clear();
      this.clearUntil.set(ip, now + CLEAR_FOR_MS);
      return null;
    }
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async recordRejection(ip: string): Promise<void> {
    this.clearUntil.delete(ip);
    // Over the limit consume() rejects with the limiter state; the count is what matters here.
    await this.rejections.consume(ip).catch(() => undefined);
  }
}
