import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { toEngagementEvent } from '../../src/domain/email-engagement.ts';
import type { Deps } from '../deps.ts';
import { readBodyOr413 } from '../http/read-body.ts';
import { reply } from '../http/webhook-response.ts';
import { applyEmailEvents, type IncomingEmailEvent } from './apply-email-events.ts';
import { parseSendgridPublicKey, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, verifySendgridSignature } from './verify-event-webhook.ts';

/** SendGrid posts at 768 KB per batch; room for its JSON layout. */
const MAX_BODY = 2 * 1024 * 1024;
const ZId = z.uuid();

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/** The key as one canonical string (base64 DER), so keys pasted as PEM or base64 compare equal. */
const canonicalKey = (key: string | null): string | null => parseSendgridPublicKey(key ?? '')?.export({ format: 'der', type: 'spki' }).toString('base64') ?? null;

/** Workspace id -> its verification key (canonical), for the named workspaces or (null) all. */
const workspaceKeys = async (deps: Deps, tenantIds: string[] | null): Promise<Map<string, string | null>> => {
  const rows = await deps.db.crmSettings.findMany({
    where: { webhookPublicKey: { not: null }, ...(tenantIds ? { tenantId: { in: tenantIds } } : {}) },
    select: { tenantId: true, webhookPublicKey: true },
  });
  return new Map(rows.map((r) => [r.tenantId, canonicalKey(r.webhookPublicKey)]));
};

const parseBatch = (raw: Buffer): Array<Record<string, unknown>> | null => {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(json) || !json.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e))) return null;
  return json as Array<Record<string, unknown>>;
};

const argOf = (event: Record<string, unknown>, key: string): string | null => {
  const value = event[key];
  return typeof value === 'string' && ZId.safeParse(value).success ? value : null;
};

/**
 * POST /webhooks/sendgrid — SendGrid's Signed Event Webhook, one URL for the deployment.
 *
 * Each event names its email and workspace by the custom args we sent (`emailId`, `tenantId`).
 * A workspace's events must be signed with its own verification key (Settings → Email), or with
 * the deployment's SENDGRID_WEBHOOK_PUBLIC_KEY when it has none: an event naming a workspace
 * whose key did not sign the batch is ignored, as is one whose email is not that workspace's.
 * Verified on the raw bytes first: no valid signature → 401 (nothing read further); then a body
 * that is not a JSON array of objects → 400. Unknown event types and events for mail we did not
 * send are acknowledged (a retry would not change them). 200 once everything is committed.
 */
export const handleSendgridWebhook = async (deps: Deps, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  if (req.method !== 'POST') return reply(res, 405, 'Method not allowed');
  const raw = await readBodyOr413(req, res, MAX_BODY);
  if (!raw) return;
  const signature = header(req, SENDGRID_SIGNATURE_HEADER);
  const timestamp = header(req, SENDGRID_TIMESTAMP_HEADER);
  if (!signature || !timestamp) return reply(res, 401, 'Missing signature');

  // The (unverified) body only chooses which keys to try first: the deployment's and those of
  // the workspaces it names. Failing those, every workspace's (a batch of mail we did not send —
  // no custom args — is still an authentic delivery to acknowledge, or SendGrid retries it for a day).
  const batch = parseBatch(raw);
  const named = batch ? [...new Set(batch.flatMap((e) => argOf(e, 'tenantId') ?? []))] : [];
  const globalKey = canonicalKey(deps.config.sendgrid.webhookPublicKey);
  const tenantKeys = await workspaceKeys(deps, named);
  const verifies = (publicKey: string) => verifySendgridSignature({ publicKey, signature, timestamp, rawBody: raw });
  const verified = new Set([globalKey, ...tenantKeys.values()].filter((k): k is string => k !== null && verifies(k)));
  if (verified.size === 0) {
    const tried = new Set([globalKey, ...tenantKeys.values()]);
    const others = [...new Set((await workspaceKeys(deps, null)).values())].filter((k): k is string => k !== null && !tried.has(k));
    if (!others.some(verifies)) {
      deps.log.warn({ named: named.length }, 'sendgrid webhook signature refused');
      return reply(res, 401, 'Invalid signature');
    }
  }
  if (!batch) return reply(res, 400, 'Malformed SendGrid event batch: expected a JSON array of events');

  const byTenant = new Map<string, IncomingEmailEvent[]>();
  let ignored = 0;
  for (const rawEvent of batch) {
    const event = toEngagementEvent(rawEvent);
    const tenantId = argOf(rawEvent, 'tenantId');
    const emailId = argOf(rawEvent, 'emailId');
    if (!event || !tenantId || !emailId) {
      ignored++;
      continue;
    }
    const key = tenantKeys.get(tenantId) ?? globalKey;
    if (!key || !verified.has(key)) {
      deps.log.warn({ tenantId, emailId }, 'sendgrid event for a workspace whose key did not sign the batch ignored');
      ignored++;
      continue;
    }
    byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), { emailId, raw: rawEvent, event }]);
  }
  let applied = 0;
  let duplicates = 0;
  for (const [tenantId, events] of byTenant) {
    const outcome = await applyEmailEvents(deps, tenantId, events);
    applied += outcome.applied;
    duplicates += outcome.duplicates;
    ignored += outcome.unknownEmail;
    if (outcome.unknownEmail > 0) deps.log.warn({ tenantId, count: outcome.unknownEmail }, 'sendgrid events for unknown emails ignored');
  }
  deps.log.info({ events: batch.length, applied, duplicates, ignored }, 'sendgrid webhook');
  return reply(res, 200, 'OK');
};
