import { z } from 'zod';
import type { Channel } from '../../db/generated/client.ts';
import type { CloudSecrets } from '../channel-secrets.ts';
import { postToProvider, retryableStatus, type OutboundPayload, type SendOutcome } from '../provider-send.ts';
import type { ProviderUrlPolicy } from '../../http/provider-fetch.ts';

const ZGraphSent = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const ZGraphError = z.object({
  error: z.looseObject({ message: z.string().optional(), code: z.number().optional(), error_data: z.looseObject({ details: z.string().optional() }).optional() }),
});

export const graphUrl = (channel: Pick<Channel, 'graphBaseUrl' | 'graphApiVersion'>, path: string) =>
  `${channel.graphBaseUrl ?? 'https://graph.facebook.com'}/${channel.graphApiVersion ?? 'v21.0'}/${path}`;

const bodyFor = (payload: OutboundPayload) =>
  payload.kind === 'text'
    ? {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: payload.to,
        type: 'text',
        text: { preview_url: false, body: payload.body },
        ...(payload.replyToProviderId ? { context: { message_id: payload.replyToProviderId } } : {}),
      }
    : {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: payload.to,
        type: 'template',
        template: {
          name: payload.name,
          language: { code: payload.language },
          ...(payload.variables.length > 0
            ? { components: [{ type: 'body', parameters: payload.variables.map((text) => ({ type: 'text', text })) }] }
            : {}),
        },
      };

/** POST /{version}/{phone-number-id}/messages on the Graph API (or any server speaking it). */
export const sendThroughGraph = async (channel: Channel, secrets: CloudSecrets, payload: OutboundPayload, policy: ProviderUrlPolicy): Promise<SendOutcome> => {
  const response = await postToProvider(graphUrl(channel, `${channel.phoneNumberId}/messages`), {
    headers: { authorization: `Bearer ${secrets.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(bodyFor(payload)),
  }, policy);
  if (!response.ok) return { ok: false, retryable: true, code: 'network', title: response.error };
  const sent = ZGraphSent.safeParse(response.json);
  if (response.status >= 200 && response.status < 300 && sent.success) return { ok: true, providerMessageId: sent.data.messages[0]!.id };
  const error = ZGraphError.safeParse(response.json);
  const detail = error.success ? error.data.error : null;
  return {
    ok: false,
    retryable: retryableStatus(response.status),
    code: detail?.code === undefined ? `http_${response.status}` : String(detail.code),
    title: detail?.error_data?.details ?? detail?.message ?? `WhatsApp answered HTTP ${response.status}`,
  };
};
