import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { readBodyOr413 } from '../../http/read-body.ts';
import { requestOrigin } from '../../http/request-info.ts';
import { reply } from '../../http/webhook-response.ts';
import { openSecrets } from '../channel-secrets.ts';
import { ingestChannelBatch } from '../ingest.ts';
import { isStatusCallback, normalizeTwilioMessage, normalizeTwilioStatus, type FormParams } from './normalize-twilio.ts';
import { verifyTwilioSignature, type TwilioParams } from './verify-signature.ts';

const MAX_BODY = 1024 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const parseForm = (raw: Buffer): { all: TwilioParams; single: FormParams } => {
  const all: TwilioParams = {};
  const single: FormParams = {};
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) {
    const prior = all[name];
    all[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
    single[name] ??= value;
  }
  return { all, single };
};

/**
 * POST /webhooks/whatsapp/twilio/:channelId — inbound messages and status callbacks. The
 * signature covers the public URL Twilio called, so PUBLIC_URL must be what Twilio sees.
 */
export const handleTwilioWebhook = async (deps: Deps, req: IncomingMessage, res: ServerResponse, channelId: string): Promise<void> => {
  if (req.method !== 'POST') return reply(res, 405, 'Method not allowed');
  if (!z.uuid().safeParse(channelId).success) return reply(res, 404, 'Unknown channel');
  const raw = await readBodyOr413(req, res, MAX_BODY);
  if (!raw) return;
  const channel = await deps.db.channel.findFirst({ where: { id: channelId, provider: 'TWILIO' } });
  if (!channel) {
    deps.log.warn({ channelId }, 'twilio webhook for an unknown channel');
    return reply(res, 404, 'Unknown channel');
  }
  const { authToken } = openSecrets(deps.secrets, channel.secrets);
  const url = `${deps.config.publicUrl ?? requestOrigin(req)}${req.url ?? ''}`;
  const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const { all, single } = isForm ? parseForm(raw) : { all: {}, single: {} };
  const signature = req.headers['x-twilio-signature'];
  const valid =
    Boolean(authToken) &&
    verifyTwilioSignature({ authToken: authToken!, url, params: all, signature: Array.isArray(signature) ? signature[0] : signature, rawBody: raw });
  if (!valid) {
    deps.log.warn({ channelId, tenantId: channel.tenantId }, 'twilio webhook signature refused');
    return reply(res, 401, 'Invalid signature');
  }
  if (!isForm) return reply(res, 400, 'Expected a form-encoded body');

  const now = new Date();
  if (isStatusCallback(single)) {
    const status = normalizeTwilioStatus(single, now);
    if (status) await ingestChannelBatch(deps, { tenantId: channel.tenantId, channelId, messages: [], statuses: [status] });
    return reply(res, 200, EMPTY_TWIML, 'text/xml');
  }
  const message = normalizeTwilioMessage(single, now);
  if (!message) return reply(res, 400, 'Missing From or MessageSid');
  const result = await ingestChannelBatch(deps, { tenantId: channel.tenantId, channelId, messages: [message], statuses: [] });
  deps.log.info({ tenantId: channel.tenantId, channelId, ...result }, 'twilio webhook ingested');
  return reply(res, 200, EMPTY_TWIML, 'text/xml');
};
