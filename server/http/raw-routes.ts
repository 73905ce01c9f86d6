import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleMediaRequest } from '../channels/media-proxy.ts';
import { handleCloudWebhook } from '../channels/whatsapp/cloud-webhook.ts';
import { handleTwilioWebhook } from '../channels/twilio/twilio-webhook.ts';
import { handleFormWebhook } from '../contact/form-webhook.ts';
import type { Deps } from '../deps.ts';
import { handleSendgridWebhook } from '../email/sendgrid-webhook.ts';
import { clientIp } from './request-info.ts';
import { reply } from './webhook-response.ts';

const TWILIO = /^\/webhooks\/whatsapp\/twilio\/([^/]+)$/;
const MEDIA = /^\/media\/([^/]+)$/;
const FORM = /^\/webhooks\/forms\/([^/]+)$/;

type Handler = () => Promise<void>;

const webhookHandler = (deps: Deps, req: IncomingMessage, res: ServerResponse, path: string): Handler | null => {
  if (path === '/webhooks/whatsapp/cloud') return () => handleCloudWebhook(deps, req, res);
  const twilio = TWILIO.exec(path);
  if (twilio) return () => handleTwilioWebhook(deps, req, res, twilio[1]!);
  if (path === '/webhooks/sendgrid') return () => handleSendgridWebhook(deps, req, res);
  const form = FORM.exec(path);
  if (form) return () => handleFormWebhook(deps, req, res, form[1]!);
  return null;
};

/** A refused request (4xx other than 429) counts against its address; too many and it is turned away unread. */
const limitRejections = async (deps: Deps, req: IncomingMessage, res: ServerResponse, handle: Handler): Promise<void> => {
  const ip = clientIp(req, deps.config.trustProxy);
  const retryAfter = await deps.webhookLimiter.blockedFor(ip);
  if (retryAfter !== null) {
    deps.log.warn({ ip, retryAfter }, 'webhook refused: too many rejected requests from this address');
    res.setHeader('retry-after', String(retryAfter));
    reply(res, 429, 'Too many rejected requests');
    req.resume();
    return;
  }
  await handle();
  if (res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 429) await deps.webhookLimiter.recordRejection(ip);
};

/**
 * Raw HTTP routes: provider webhooks (signatures are over raw bytes) and the media proxy
 * (streams bytes). Everything else is tRPC.
 */
export const routeRaw = (deps: Deps, req: IncomingMessage, res: ServerResponse, path: string): boolean => {
  const webhook = webhookHandler(deps, req, res, path);
  const media = MEDIA.exec(path);
  const handling = webhook ? limitRejections(deps, req, res, webhook) : media ? handleMediaRequest(deps, req, res, media[1]!) : null;
  if (!handling) return false;
  handling.catch((err: unknown) => {
    // Our fault, not the provider's: a 5xx makes it retry, and nothing was half-written.
    deps.log.error({ err, path }, 'raw route failed');
    reply(res, 500, 'Internal error');
  });
  return true;
};
