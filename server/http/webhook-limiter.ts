import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type WebhookLimits = { maxRejectionsPerIp: number; windowSeconds: number };

/**
 * Throttles addresses whose webhook requests keep being refused (bad signature, malformed body,
 * unknown form). Only refusals count, so a provider delivering a burst of valid events is never
 * slowed, while a flood of forged requests stops costing body reads, signature checks and
 * database lookups once its allowance is spent. Shared through Redis when configured.
 */
export class WebhookLimiter {
  private readonly rejections: RateLimiterAbstract;
  private readonly max: number;

  constructor(limits: WebhookLimits, redis: Redis | null, prefix: string) {
    this.max = limits.maxRejectionsPerIp;
    this.rejections = redis
      ? new RateLimiterRedis({ storeClient: redis, points: limits.maxRejectionsPerIp, duration: limits.windowSeconds, keyPrefix: `${prefix}:webhook-rejections` })
      : new RateLimiterMemory({ points: limits.maxRejectionsPerIp, duration: limits.windowSeconds, keyPrefix: 'webhook-rejections' });
  }

  /** Seconds until the address may try again, or null when it is within its allowance. */
  async blockedFor(ip: string): Promise<number | null> {
    const state = await this.rejections.get(ip);
    if (!state || state.consumedPoints < this.max) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async recordRejection(ip: string): Promise<void> {
    // Over the limit consume() rejects with the limiter state; the count is what matters here.
    await this.rejections.consume(ip).catch(() => undefined);
  }
}
