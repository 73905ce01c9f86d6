import type { MessageContent } from '../../../src/contracts/conversation.ts';
import { toE164 } from '../../../src/domain/phone.ts';
import type { InboundMessage, StatusUpdate } from '../inbound.ts';

export type FormParams = Record<string, string>;

const STATUS_MAP: Record<string, StatusUpdate['status']> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  failed: 'FAILED',
  undelivered: 'FAILED',
};

/** A Twilio status callback carries MessageStatus for one of our outbound messages; an inbound message does not (or says `received`). */
export const isStatusCallback = (p: FormParams): boolean => Boolean(p.MessageStatus) && p.MessageStatus !== 'received';

export const normalizeTwilioStatus = (p: FormParams, now: Date): StatusUpdate | null => {
  const status = p.MessageStatus ? STATUS_MAP[p.MessageStatus] : undefined;
  if (!status || !p.MessageSid) return null;
  return {
    providerMessageId: p.MessageSid,
    status,
    timestamp: now,
    errorCode: p.ErrorCode || null,
    errorTitle: p.ErrorMessage || (p.ErrorCode ? `Twilio error ${p.ErrorCode}` : null),
  };
};

const mediaKind = (mime: string): string => {
  const top = mime.split('/')[0];
  if (top === 'image' || top === 'video' || top === 'audio') return top;
  return 'document';
};

/** Twilio's inbound WhatsApp message (form fields) in our shape; null when it has no sender or id. */
export const normalizeTwilioMessage = (p: FormParams, now: Date): InboundMessage | null => {
  const from = p.From ? toE164(p.From) : null;
  if (!from || !p.MessageSid) return null;
  let type = 'text';
  let content: MessageContent | null = null;
  const body = p.Body ?? '';
  if (Number(p.NumMedia ?? 0) > 0 && p.MediaUrl0) {
    const mimeType = p.MediaContentType0 ?? 'application/octet-stream';
    type = mediaKind(mimeType);
    content = { kind: 'media', mediaId: p.MediaUrl0, mimeType, caption: body || null, filename: null };
  } else if (p.Latitude && p.Longitude) {
    type = 'location';
    content = { kind: 'location', latitude: Number(p.Latitude), longitude: Number(p.Longitude), name: p.Label || null, address: p.Address || null };
  } else if (p.ButtonText) {
    type = 'button';
    content = { kind: 'reply', replyId: p.ButtonPayload || null, title: p.ButtonText, description: null };
  }
  return {
    providerMessageId: p.MessageSid,
    from,
    profileName: p.ProfileName || null,
    waId: p.WaId || null,
    timestamp: now,
    type,
    body: content?.kind === 'reply' ? content.title : body,
    content,
    replyToProviderId: p.OriginalRepliedMessageSid || null,
  };
};
