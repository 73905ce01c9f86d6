import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleMediaRequest } from '../channels/media-proxy.ts';
import { handleCloudWebhook } from '../channels/whatsapp/cloud-webhook.ts';
import { handleTwilioWebhook } from '../channels/twilio/twilio-webhook.ts';
import type { Deps } from '../deps.ts';
import { reply } from './webhook-response.ts';

const TWILIO = /^\/webhooks\/whatsapp\/twilio\/([^/]+)$/;
const MEDIA = /^\/media\/([^/]+)$/;

/**
 * Raw HTTP routes: provider webhooks (signatures are over raw bytes) and the media proxy
 * (streams bytes). Everything else is tRPC.
 */
export const routeRaw = (deps: Deps, req: IncomingMessage, res: ServerResponse, path: string): boolean => {
  let handling: Promise<void> | null = null;
  if (path === '/webhooks/whatsapp/cloud') handling = handleCloudWebhook(deps, req, res);
  const twilio = TWILIO.exec(path);
  if (twilio) handling = handleTwilioWebhook(deps, req, res, twilio[1]!);
  const media = MEDIA.exec(path);
  if (media) handling = handleMediaRequest(deps, req, res, media[1]!);
  if (!handling) return false;
  handling.catch((err: unknown) => {
    // Our fault, not the provider's: a 5xx makes it retry, and nothing was half-written.
    deps.log.error({ err, path }, 'raw route failed');
    reply(res, 500, 'Internal error');
  });
  return true;
};
