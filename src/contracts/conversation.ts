import { z } from 'zod';

export type MessageDirection = 'INBOUND' | 'OUTBOUND';
export type MessageStatusDto = 'RECEIVED' | 'QUEUED' | 'SENT' | 'DELIVERED' | 'READ' | 'FAILED';
export type ChannelProviderDto = 'WHATSAPP_CLOUD' | 'TWILIO';

export type ContactSummaryDto = { id: string; name: string; phone: string };

/** One inbox row; also the snapshot carried by conversation events. */
export type ConversationDto = {
  id: string;
  channelId: string;
  contact: ContactSummaryDto;
  status: 'OPEN' | 'RESOLVED';
  /** Who answers: the AI persona, the queue, or the human in assigneeId. */
  owner: 'AI' | 'QUEUE' | 'HUMAN';
  ownerVersion: number;
  assigneeId: string | null;
  lastMessageAt: string;
  lastMessagePreview: string;
  lastMessageDirection: MessageDirection | null;
  lastMessageFromAi: boolean;
  lastInboundAt: string | null;
  unreadCount: number;
  createdAt: string;
};

/**
 * Type-specific message content, as normalised from either provider. Media is fetched through
 * `/media/:messageId`, never from the provider directly (that would expose the token).
 */
export type MessageContent =
  | { kind: 'media'; mediaId: string | null; mimeType: string | null; caption: string | null; filename: string | null; voice?: boolean }
  | { kind: 'location'; latitude: number; longitude: number; name: string | null; address: string | null }
  | { kind: 'reply'; replyId: string | null; title: string; description: string | null }
  | { kind: 'reaction'; emoji: string; targetProviderId: string }
  | { kind: 'template'; name: string; language: string; variables: string[] }
  | { kind: 'unsupported'; detail: string | null };

export type MessageDto = {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  type: string;
  body: string;
  content: MessageContent | null;
  status: MessageStatusDto;
  errorCode: string | null;
  errorTitle: string | null;
  sender: { id: string; name: string } | null;
  /** Set when the AI persona wrote it. */
  aiAgentId: string | null;
  /** Internal notes are visible to the team only and never sent. */
  isNote: boolean;
  /** When the send job took it under the ownership fence ("sending"). */
  claimedAt: string | null;
  replyToProviderId: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
};

export type ChannelDto = {
  id: string;
  provider: ChannelProviderDto;
  name: string;
  phoneNumber: string;
  phoneNumberId: string | null;
  wabaId: string | null;
  graphBaseUrl: string | null;
  graphApiVersion: string | null;
  twilioAccountSid: string | null;
  twilioApiBaseUrl: string | null;
  /** Where to point the provider's webhook. */
  webhookUrl: string;
  /** Which secrets are stored (never their values). */
  secretsSet: string[];
  createdAt: string;
};

export type TemplateDto = { id: string; channelId: string; name: string; language: string; category: string; body: string; variableCount: number };

export const ZConversationFilter = z.object({
  assignee: z.enum(['mine', 'unassigned', 'all']).default('all'),
  status: z.enum(['OPEN', 'RESOLVED']).default('OPEN'),
  search: z.string().trim().max(200).optional(),
  channelId: z.uuid().optional(),
});

export const ZListConversationsInput = ZConversationFilter.extend({
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZConversationIdInput = z.object({ conversationId: z.uuid() });

export const ZAddNoteInput = z.object({ conversationId: z.uuid(), body: z.string().trim().min(1, { error: 'Write a note' }).max(4096) });
export const ZRateAiMessageInput = z.object({ messageId: z.uuid(), helpful: z.boolean(), correction: z.string().trim().max(4096).optional() });

export const ZAssignInput = z.object({ conversationId: z.uuid(), assigneeId: z.uuid() });

export type OwnershipHistoryEntryDto = { change: OwnershipChangeDto; at: string };

export type OwnershipChangeDto = {
  /** The ownerVersion this change produced: unique per conversation. */
  version: number;
  from: ConversationDto['owner'];
  to: ConversationDto['owner'];
  fromAssigneeId: string | null;
  toAssigneeId: string | null;
  actorId: string | null;
  reason: string;
};

export const ZListMessagesInput = z.object({
  conversationId: z.uuid(),
  /** Older pages: messages before this cursor. */
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZSendTextInput = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().min(1, { error: 'Write a message' }).max(4096),
  replyToMessageId: z.uuid().optional(),
  /** Client-generated, makes a retried send idempotent. */
  clientMessageId: z.uuid().optional(),
});

export const ZSendTemplateInput = z.object({
  conversationId: z.uuid(),
  templateId: z.uuid(),
  variables: z.array(z.string().trim().min(1).max(1024)).max(20),
  clientMessageId: z.uuid().optional(),
});

const secret = z.string().trim().min(1, { error: 'Required' }).max(1000);

const channelName = z.string().trim().min(1, { error: 'Name the channel' }).max(120);
const businessNumber = z.string().trim().min(5, { error: 'Enter the number in international format, like +14155550123' }).max(30);

export const ZCreateCloudChannelInput = z.object({
  provider: z.literal('WHATSAPP_CLOUD'),
  name: channelName,
  phoneNumber: businessNumber,
  phoneNumberId: z.string().trim().regex(/^\d{5,30}$/, { error: 'The phone number id is the numeric id from the WhatsApp Manager' }),
  accessToken: secret,
  appSecret: secret,
  verifyToken: secret,
  graphBaseUrl: z.url().default('https://graph.facebook.com'),
  graphApiVersion: z.string().regex(/^v\d+\.\d+$/, { error: 'Like v21.0' }).default('v21.0'),
  wabaId: z.string().trim().regex(/^\d{5,30}$/, { error: 'The WhatsApp Business Account ID is numeric' }).optional(),
});

export const ZCreateTwilioChannelInput = z.object({
  provider: z.literal('TWILIO'),
  name: channelName,
  phoneNumber: businessNumber,
  twilioAccountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, { error: 'An account SID starts with AC and has 34 characters' }),
  authToken: secret,
  twilioApiBaseUrl: z.url().default('https://api.twilio.com'),
});

export const ZCreateChannelInput = z.discriminatedUnion('provider', [ZCreateCloudChannelInput, ZCreateTwilioChannelInput]);

export const ZUpdateChannelInput = z.object({
  channelId: z.uuid(),
  name: channelName.optional(),
  graphBaseUrl: z.url().optional(),
  graphApiVersion: z.string().regex(/^v\d+\.\d+$/).optional(),
  wabaId: z.string().trim().regex(/^\d{5,30}$/).optional(),
  twilioApiBaseUrl: z.url().optional(),
  /** Only the secrets given are replaced; omitted ones stay as stored. */
  accessToken: secret.optional(),
  appSecret: secret.optional(),
  verifyToken: secret.optional(),
  authToken: secret.optional(),
});

export const ZChannelIdInput = z.object({ channelId: z.uuid() });

export const ZCreateTemplateInput = z.object({
  channelId: z.uuid(),
  name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, { error: 'Lower-case letters, digits and underscores, as in WhatsApp Manager' }),
  language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, { error: 'Like en_US' }),
  category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']).default('UTILITY'),
  body: z.string().trim().min(1, { error: 'Write the template text' }).max(1024),
});

export const ZTemplateIdInput = z.object({ templateId: z.uuid() });

export type ListConversationsInput = z.infer<typeof ZListConversationsInput>;
export type CreateChannelInput = z.infer<typeof ZCreateChannelInput>;
export type UpdateChannelInput = z.infer<typeof ZUpdateChannelInput>;
