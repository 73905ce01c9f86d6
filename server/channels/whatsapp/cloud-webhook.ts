import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken } from '../../auth/token.ts';
import type { Deps } from '../../deps.ts';
import { readBodyOr413 } from '../../http/read-body.ts';
import { reply } from '../../http/webhook-response.ts';
import { openSecrets } from '../channel-secrets.ts';
import { toChannelDto } from '../channel-dto.ts';
import { requestOrigin } from '../../http/request-info.ts';
import { writeWithEvents } from '../../realtime/write-with-events.ts';
import type { InboundMessage, StatusUpdate } from '../inbound.ts';
import { ingestChannelBatch } from '../ingest.ts';
import { ZCloudValue, ZCloudWebhook, type CloudValue } from './cloud-payload.ts';
import { normalizeCloudMessages, normalizeCloudStatuses } from './normalize-cloud.ts';
import { verifyMetaSignature } from './verify-signature.ts';
import { findCloudChannels, forgetCloudChannels } from './cloud-channels.ts';
import type { Channel } from '../../db/generated/client.ts';

/** Meta documents payloads of up to 3 MB. */
const MAX_BODY = 3 * 1024 * 1024;

/** Meta's subscription handshake: echo the challenge when the verify token is one of ours. */
const handleHandshake = async (deps: Deps, url: URL, res: ServerResponse) => {
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token');
  const challenge = url.searchParams.get('hub.challenge');
  if (mode !== 'subscribe' || !token || !challenge) return reply(res, 400, 'Missing hub.mode, hub.verify_token or hub.challenge');
  const channel = await deps.db.channel.findFirst({ where: { verifyTokenHash: hashToken(token), provider: 'WHATSAPP_CLOUD' }, select: { id: true } });
  if (!channel) return reply(res, 403, 'Unknown verify token');
  return reply(res, 200, challenge);
};

type ParsedChange = { wabaId: string; value: CloudValue };

const parsePayload = (raw: Buffer): ParsedChange[] | null => {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const webhook = ZCloudWebhook.safeParse(json);
  if (!webhook.success) return null;
  const changes: ParsedChange[] = [];
  for (const entry of webhook.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = ZCloudValue.safeParse(change.value);
      if (!value.success) return null;
      changes.push({ wabaId: entry.id, value: value.data });
    }
  }
  return changes;
};

/**
 * POST /webhooks/whatsapp/cloud — one URL for every Cloud API channel, routed by
 * metadata.phone_number_id. Nothing is written before the signature of every channel the
 * payload names verifies; 200 only once the change is committed.
 */
export const handleCloudWebhook = async (deps: Deps, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET') return handleHandshake(deps, url, res);
  if (req.method !== 'POST') return reply(res, 405, 'Method not allowed');

  const raw = await readBodyOr413(req, res, MAX_BODY);
  if (!raw) return;
  const changes = parsePayload(raw);
  if (!changes) return reply(res, 400, 'Malformed WhatsApp webhook payload');

  const phoneNumberIds = [...new Set(changes.map((c) => c.value.metadata.phone_number_id))];
  let channels = await findCloudChannels(deps.db, phoneNumberIds);
  const signature = req.headers['x-hub-signature-256'];
  const header = Array.isArray(signature) ? signature[0] : signature;
  const verifies = (channel: Channel) => {
    const { appSecret } = openSecrets(deps.secrets, channel.secrets);
    return Boolean(appSecret) && verifyMetaSignature(appSecret!, raw, header);
  };
  let verified = channels.every(verifies);
  // A kept channel may carry a secret rotated since: look again before refusing.
  if (!verified) {
    forgetCloudChannels(deps.db, phoneNumberIds);
    channels = await findCloudChannels(deps.db, phoneNumberIds);
    verified = channels.every(verifies);
  }
  const known = new Map(channels.map((c) => [c.phoneNumberId!, c]));
  const unknown = phoneNumberIds.filter((id) => !known.has(id));
  if (unknown.length > 0) deps.log.warn({ phoneNumberIds: unknown }, 'whatsapp webhook for unknown phone number ids acknowledged');
  if (channels.length === 0) return reply(res, 200, 'OK');

  if (!verified) {
    const refused = channels.find((c) => !verifies(c))!;
    deps.log.warn({ channelId: refused.id, tenantId: refused.tenantId }, 'whatsapp webhook signature refused');
    return reply(res, 401, 'Invalid signature');
  }

  const batches = new Map<string, { messages: InboundMessage[]; statuses: StatusUpdate[] }>();
  for (const { wabaId, value } of changes) {
    const channel = known.get(value.metadata.phone_number_id);
    if (!channel) continue;
    if (channel.wabaId !== wabaId && /^\d+$/.test(wabaId)) {
      // The business account id arrives with every webhook; keeping it lets templates sync.
      const updated = await writeWithEvents(deps, channel.tenantId, async (tx) => {
        const row = await tx.channel.update({ where: { id: channel.id }, data: { wabaId } });
        const dto = toChannelDto(row, deps.secrets, deps.config.publicUrl ?? requestOrigin(req));
        return { result: row, events: [{ type: 'channel.updated', actorId: null, payload: { channel: dto } }] };
      });
      channel.wabaId = updated.wabaId;
    }
    const batch = batches.get(channel.id) ?? { messages: [], statuses: [] };
    const { messages, skipped } = normalizeCloudMessages(value);
    if (skipped.length > 0) deps.log.warn({ channelId: channel.id, skipped }, 'messages without a phone number skipped');
    batch.messages.push(...messages);
    batch.statuses.push(...normalizeCloudStatuses(value.statuses ?? []));
    batches.set(channel.id, batch);
  }
  for (const [channelId, batch] of batches) {
    const channel = channels.find((c) => c.id === channelId)!;
    const result = await ingestChannelBatch(deps, { tenantId: channel.tenantId, channelId, ...batch });
    deps.log.info({ tenantId: channel.tenantId, channelId, ...result }, 'whatsapp webhook ingested');
  }
  return reply(res, 200, 'OK');
};
