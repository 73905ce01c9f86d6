/**
 * Failed sign-ins are limited per email and per IP (all test traffic comes from 127.0.0.1), with
 * the in-process limiter and with the Redis one. Each test starts its own server with small limits
 * (and, with Redis, its own key prefix) so counts never leak between tests or files.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PASSWORD, createWorkspace, postMutation, settle, signIn, uniqueEmail } from '../support/factories.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { startTestApp } from '../support/test-app.ts';

const PER_EMAIL = 3;
const PER_IP = 5;
const WINDOW_SECONDS = 120;

/** This test's own counters (and queue keys) in the shared Redis. */
const deleteRedisKeys = async (prefix: string) => {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
};

const attempt = async (baseUrl: string, email: string, password: string) => {
  const res = await postMutation(baseUrl, 'auth.signIn', { email, password });
  const body = (await res.json()) as { error?: { data: { code: string } } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.error?.data.code ?? null };
};

describe.each([
  { mode: 'in-process', redis: false },
  { mode: 'redis', redis: true },
])('sign-in rate limits ($mode)', ({ redis }) => {
  const start = async () => {
    const prefix = `sbtest-limits-${randomUUID()}`;
    const app = await startTestApp({
      redis,
      env: {
        SIGN_IN_MAX_FAILURES_PER_EMAIL: String(PER_EMAIL),
        SIGN_IN_MAX_FAILURES_PER_IP: String(PER_IP),
        SIGN_IN_WINDOW_SECONDS: String(WINDOW_SECONDS),
        REDIS_PREFIX: prefix,
      },
    });
    onTestFinished(async () => {
      await app.stop();
      if (redis) await deleteRedisKeys(prefix);
    });
    return app;
  };

  it('answers HTTP 429 with Retry-After once an email has used up its failures, even for the right password', async () => {
    const app = await start();
    const { email } = await createWorkspace(app.url);
    for (let i = 0; i < PER_EMAIL; i++) {
      expect(await attempt(app.url, email, 'wrong password')).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    }
    const limited = await attempt(app.url, email, 'wrong password');
    expect(limited).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    const retryAfter = Number(limited.retryAfter);
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= WINDOW_SECONDS).toBe(true);
    expect(await attempt(app.url, email, PASSWORD)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  });

  it('does not block the right password for another email when one email is limited', async () => {
    const app = await start();
    const victim = await createWorkspace(app.url);
    const other = await createWorkspace(app.url);
    for (let i = 0; i <= PER_EMAIL; i++) await attempt(app.url, victim.email, 'wrong password');
    expect(await attempt(app.url, victim.email, PASSWORD)).toMatchObject({ status: 429 });

    const { me } = await signIn(app.url, other.email);
    expect(me.user.id).toBe(other.me.user.id);
  });

  it('limits failures per IP across different emails, for known and unknown accounts alike', async () => {
    const app = await start();
    const { email } = await createWorkspace(app.url);
    for (let i = 0; i < PER_IP; i++) {
      expect(await attempt(app.url, uniqueEmail('guess'), 'wrong password')).toMatchObject({ status: 401 });
    }
    const limited = await attempt(app.url, uniqueEmail('guess'), 'wrong password');
    expect(limited).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(await attempt(app.url, email, PASSWORD)).toMatchObject({ status: 429 });
  });

  it('clears the email count on a successful sign-in, and successes never count', async () => {
    const app = await start();
    const { email } = await createWorkspace(app.url);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < PER_EMAIL - 1; i++) expect(await attempt(app.url, email, 'wrong password')).toMatchObject({ status: 401 });
      expect(await attempt(app.url, email, PASSWORD)).toMatchObject({ status: 200 });
    }
  });

  it('lets no more than the allowed number of guesses through when they arrive all at once', async () => {
    const app = await start();
    const { email } = await createWorkspace(app.url);
    const burst = Array.from({ length: 12 }, () => attempt(app.url, email, 'wrong password'));
    const results = await Promise.all(burst);
    const judged = results.filter((r) => r.status === 401);
    expect(judged.length).toBeLessThanOrEqual(PER_EMAIL);
    expect(results.filter((r) => r.status === 429)).toHaveLength(results.length - judged.length);
    // The same holds through the typed client: every refusal is UNAUTHORIZED or TOO_MANY_REQUESTS.
    const { lost } = await settle([signIn(app.url, email, 'wrong'), signIn(app.url, email, 'wrong')]);
    expect(lost.map((r) => r.code)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });
});
