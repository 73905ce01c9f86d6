import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../src/errors.ts';

export type SignInLimits = { perEmail: number; perIp: number; windowSeconds: number };

/**
 * Counts failed sign-ins per email and per IP. Only failures count, so a person who types their
 * password right is never slowed; a success clears the email's count. Shared through Redis when
 * it is configured, so every node sees the same counts.
 */
export class SignInLimiter {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(limits: SignInLimits, redis: Redis | null, prefix: string) {
    const make = (points: number, keyPrefix: string): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, points, duration: limits.windowSeconds, keyPrefix: `${prefix}:${keyPrefix}` })
        : new RateLimiterMemory({ points, duration: limits.windowSeconds, keyPrefix });
    this.byEmail = make(limits.perEmail, 'signin-email');
    this.byIp = make(limits.perIp, 'signin-ip');
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const checks: Array<[RateLimiterAbstract, string]> = [
      [this.byEmail, email],
      [this.byIp, ip],
    ];
    for (const [limiter, key] of checks) {
      const state = await limiter.get(key);
      if (state && state.consumedPoints >= limiter.points) {
        const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', {
          userMessage: `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
          retryAfterSeconds,
        });
      }
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    // consume() rejects once the limit is passed; the next assertAllowed reports that.
    await Promise.allSettled([this.byEmail.consume(email), this.byIp.consume(ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
