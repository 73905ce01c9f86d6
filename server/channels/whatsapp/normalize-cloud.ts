import type { MessageContent } from '../../../src/contracts/conversation.ts';
import { toE164 } from '../../../src/domain/phone.ts';
import type { InboundMessage, StatusUpdate } from '../inbound.ts';
import type { CloudMessage, CloudStatus, CloudValue } from './cloud-payload.ts';

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

/** Provider timestamps are unix seconds as a string; tolerate milliseconds too. */
export const fromUnix = (value: string): Date => {
  const n = Number(value);
  return new Date(n > 1e12 ? n : n * 1000);
};

const contentOf = (m: CloudMessage): { body: string; content: MessageContent | null } => {
  if (m.type === 'text' && m.text) return { body: m.text.body, content: null };
  for (const kind of MEDIA_TYPES) {
    const media = m[kind];
    if (m.type === kind && media) {
      return {
        body: media.caption ?? '',
        content: {
          kind: 'media',
          mediaId: media.id ?? null,
          mimeType: media.mime_type ?? null,
          caption: media.caption ?? null,
          filename: media.filename ?? null,
          ...(media.voice ? { voice: true } : {}),
        },
      };
    }
  }
  if (m.type === 'location' && m.location) {
    const { latitude, longitude, name, address } = m.location;
    return { body: '', content: { kind: 'location', latitude, longitude, name: name ?? null, address: address ?? null } };
  }
  if (m.type === 'interactive' && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (reply) {
      const description = 'description' in reply && typeof reply.description === 'string' ? reply.description : null;
      return { body: reply.title, content: { kind: 'reply', replyId: reply.id, title: reply.title, description } };
    }
  }
  if (m.type === 'button' && m.button) {
    return { body: m.button.text, content: { kind: 'reply', replyId: m.button.payload ?? null, title: m.button.text, description: null } };
  }
  if (m.type === 'reaction' && m.reaction) {
    return { body: '', content: { kind: 'reaction', emoji: m.reaction.emoji ?? '', targetProviderId: m.reaction.message_id } };
  }
  return { body: '', content: { kind: 'unsupported', detail: m.errors?.[0]?.title ?? m.type } };
};

/**
 * The messages of one change value, with the sender's profile name from `contacts`. Messages
 * without a usable phone number (username-only users) are returned in `skipped`, not guessed at.
 */
export const normalizeCloudMessages = (value: CloudValue): { messages: InboundMessage[]; skipped: string[] } => {
  const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
  const messages: InboundMessage[] = [];
  const skipped: string[] = [];
  for (const m of value.messages ?? []) {
    const from = m.from ? toE164(m.from) : null;
    if (!from) {
      skipped.push(m.id);
      continue;
    }
    const { body, content } = contentOf(m);
    messages.push({
      providerMessageId: m.id,
      from,
      profileName: names.get(m.from) ?? (value.contacts?.length === 1 ? (value.contacts[0]?.profile?.name ?? null) : null),
      waId: m.from ?? null,
      timestamp: fromUnix(m.timestamp),
      type: m.type,
      body,
      content,
      replyToProviderId: m.context?.id ?? null,
    });
  }
  return { messages, skipped };
};

const STATUS_MAP: Record<string, StatusUpdate['status']> = { sent: 'SENT', delivered: 'DELIVERED', read: 'READ', failed: 'FAILED' };

/** Status updates we track; others (`played`, `deleted`, future ones) are ignored. */
export const normalizeCloudStatuses = (statuses: CloudStatus[]): StatusUpdate[] =>
  statuses.flatMap((s) => {
    const status = STATUS_MAP[s.status];
    if (!status) return [];
    const error = s.errors?.[0];
    return [
      {
        providerMessageId: s.id,
        status,
        timestamp: fromUnix(s.timestamp),
        errorCode: error?.code === undefined ? null : String(error.code),
        errorTitle: error ? (error.title ?? error.message ?? null) : null,
      },
    ];
  });
