import { createHmac, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FormField } from '../../src/domain/form-submission.ts';
import { readSubmission } from '../../src/domain/form-submission.ts';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Deps } from '../deps.ts';
import { clientIp } from '../http/request-info.ts';
import { readBodyOr413 } from '../http/read-body.ts';
import { reply } from '../http/webhook-response.ts';
import { openFormSecret } from './manage-web-forms.ts';
import { submitWebForm } from './submit-web-form.ts';

const MAX_BODY = 64 * 1024;
const FORM_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** One limiter per process's deps (shared through Redis when configured, so every node counts together). */
const limiters = new WeakMap<Deps, RateLimiterAbstract>();
const limiterFor = (deps: Deps): RateLimiterAbstract => {
  let limiter = limiters.get(deps);
  if (!limiter) {
    const points = deps.config.formSubmissionsPerMinute;
    limiter = deps.redis
      ? new RateLimiterRedis({ storeClient: deps.redis, points, duration: 60, keyPrefix: `${deps.config.redisPrefix}:form-submit` })
      : new RateLimiterMemory({ points, duration: 60, keyPrefix: 'form-submit' });
    limiters.set(deps, limiter);
  }
  return limiter;
};

/** Seconds to wait when this form has had too many submissions from this address, else null. */
const throttled = async (deps: Deps, formId: string, ip: string): Promise<number | null> => {
  try {
    await limiterFor(deps).consume(`${formId}:${ip}`);
    return null;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
};

const json = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
  reply(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
};

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/** Equal in constant time whatever the lengths (both sides hashed to 32 bytes first). */
const same = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

const parseFields = (raw: Buffer, contentType: string): Record<string, unknown> | 'malformed' | 'unsupported' => {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'malformed';
    } catch {
      return 'malformed';
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) fields[name] ??= value;
    return fields;
  }
  return 'unsupported';
};

/**
 * Authenticated by the form's secret: `X-Switchboard-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>` (servers: Zapier, a backend), or the secret itself as a token in `X-Form-Token` or
 * a `token` field (plain HTML forms, which cannot sign; anyone who can read the page can read a
 * token, so a signing caller is preferred).
 */
const authenticated = (req: IncomingMessage, raw: Buffer, fields: Record<string, unknown>, secret: string): boolean => {
  const signature = header(req, 'x-switchboard-signature');
  if (signature) {
    const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    return same(signature.trim().toLowerCase(), expected);
  }
  const fieldToken = ['token', '_token', 'form_token'].map((k) => fields[k]).find((v) => typeof v === 'string');
  const token = header(req, 'x-form-token') ?? (fieldToken as string | undefined) ?? null;
  return token !== null && same(token, secret);
};

/**
 * POST /webhooks/forms/:formKey — web-form leads, JSON or form-encoded. 404 unknown form, 429
 * too many from one address (FORM_SUBMISSIONS_PER_MINUTE), 401 bad or missing secret, 415 other content types, 400 malformed body or field errors
 * (`{ error, fieldErrors }`), 200 `{ ok, status: 'created' | 'updated' }` once committed.
 */
export const handleFormWebhook = async (deps: Deps, req: IncomingMessage, res: ServerResponse, formKey: string): Promise<void> => {
  // Sites post from their own origin (fetch with JSON preflights). Authentication is the form's
  // secret, never a cookie, so any origin may call.
  res.setHeader('access-control-allow-origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type, x-form-token, x-switchboard-signature', 'access-control-max-age': '86400' });
    res.end();
    return;
  }
  if (req.method !== 'POST') return json(res, 405, { error: 'Method not allowed' });
  if (!FORM_KEY.test(formKey)) return json(res, 404, { error: 'Unknown form' });
  const raw = await readBodyOr413(req, res, MAX_BODY);
  if (!raw) return;
  const form = await deps.db.webForm.findUnique({ where: { formKey } });
  if (!form) return json(res, 404, { error: 'Unknown form' });
  const wait = await throttled(deps, form.id, clientIp(req, deps.config.trustProxy));
  if (wait !== null) {
    res.setHeader('retry-after', String(wait));
    return json(res, 429, { error: `Too many submissions. Try again in ${wait} seconds.` });
  }
  const fields = parseFields(raw, header(req, 'content-type') ?? '');
  if (fields === 'unsupported') return json(res, 415, { error: 'Send application/json or application/x-www-form-urlencoded' });
  // Authenticate before saying anything about the body's content.
  const authed = authenticated(req, raw, fields === 'malformed' ? {} : fields, openFormSecret(deps, form));
  if (!authed) {
    deps.log.warn({ tenantId: form.tenantId, formId: form.id }, 'web form submission with a bad secret');
    return json(res, 401, { error: 'Invalid form secret or signature' });
  }
  if (fields === 'malformed') return json(res, 400, { error: 'The body is not a JSON object' });
  const result = readSubmission(fields, form.requiredFields as FormField[]);
  if (!result.ok) return json(res, 400, { error: 'Some fields are missing or invalid', fieldErrors: result.fieldErrors });
  const { created } = await submitWebForm(deps, form, result.lead);
  deps.log.info({ tenantId: form.tenantId, formId: form.id, created }, 'web form lead');
  return json(res, 200, { ok: true, status: created ? 'created' : 'updated' });
};
