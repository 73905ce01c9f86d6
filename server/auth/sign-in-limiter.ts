import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../src/errors.ts';

/** consume() rejects with the limiter's state when the allowance is used up, with an Error when the store fails. */
const take = async (limiter: RateLimiterAbstract, key: string): Promise<void> => {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError('RATE_LIMITED', {
      userMessage: `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
      retryAfterSeconds,
    });
  }
};

export type SignInLimits = { perEmail: number; perIp: number; windowSeconds: number };

/**
 * Counts failed sign-ins per email and per IP. Every attempt takes a point before its password is
 * checked: checking first and counting after let a burst of parallel guesses all pass the check
 * before any failure was counted. A success gives its points back and clears the email's count,
 * so a person who types their password right is never slowed. Shared through Redis when it is
 * configured, so every node sees the same counts.
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

  /** Takes one attempt from the IP's and the email's allowance, or refuses when either is used up. */
  async beginAttempt(email: string, ip: string): Promise<void> {
    await take(this.byIp, ip);
    try {
      await take(this.byEmail, email);
    } catch (err) {
      // Refused before any password was checked: not a failure of this IP.
      await this.byIp.reward(ip, 1);
      throw err;
    }
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.delete(email), this.byIp.reward(ip, 1)]);
  }
}
