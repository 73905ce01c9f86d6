import { z } from 'zod';
import type { Channel } from '../../db/generated/client.ts';
import type { TwilioSecrets } from '../channel-secrets.ts';
import { postToProvider, retryableStatus, type OutboundPayload, type SendOutcome } from '../provider-send.ts';
import type { ProviderUrlPolicy } from '../../http/provider-fetch.ts';

const ZTwilioSent = z.looseObject({ sid: z.string().min(1) });
const ZTwilioError = z.looseObject({ code: z.number().optional(), message: z.string().optional() });

/** Twilio's Messages API, WhatsApp flavour (`whatsapp:` addresses). */
export const sendThroughTwilio = async (
  channel: Channel,
  secrets: TwilioSecrets,
  payload: OutboundPayload,
  statusCallbackUrl: string | null,
  policy: ProviderUrlPolicy,
): Promise<SendOutcome> => {
  if (payload.kind !== 'text') {
    return { ok: false, retryable: false, code: 'unsupported', title: 'Templates on Twilio channels need Twilio Content templates, which are not supported yet.' };
  }
  const form = new URLSearchParams({ From: `whatsapp:${channel.phoneNumber}`, To: `whatsapp:${payload.to}`, Body: payload.body });
  if (statusCallbackUrl) form.set('StatusCallback', statusCallbackUrl);
  const base = channel.twilioApiBaseUrl ?? 'https://api.twilio.com';
  const auth = Buffer.from(`${channel.twilioAccountSid}:${secrets.authToken}`).toString('base64');
  const response = await postToProvider(`${base}/2010-04-01/Accounts/${channel.twilioAccountSid}/Messages.json`, {
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  }, policy);
  if (!response.ok) return { ok: false, retryable: true, code: 'network', title: response.error };
  const sent = ZTwilioSent.safeParse(response.json);
  if (response.status >= 200 && response.status < 300 && sent.success) return { ok: true, providerMessageId: sent.data.sid };
  const error = ZTwilioError.safeParse(response.json);
  return {
    ok: false,
    retryable: retryableStatus(response.status),
    code: error.success && error.data.code !== undefined ? String(error.data.code) : `http_${response.status}`,
    title: (error.success && error.data.message) || `Twilio answered HTTP ${response.status}`,
  };
};
