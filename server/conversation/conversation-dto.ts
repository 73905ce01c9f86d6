import type { ConversationDto, MessageContent, MessageDto } from '../../src/contracts/conversation.ts';
import type { Contact, Conversation, Message } from '../db/generated/client.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toConversationDto = (c: Conversation & { contact: Pick<Contact, 'id' | 'name' | 'phone'> }): ConversationDto => ({
  id: c.id,
  channelId: c.channelId,
  contact: { id: c.contact.id, name: c.contact.name, phone: c.contact.phone ?? '' },
  status: c.status,
  owner: c.owner,
  ownerVersion: c.ownerVersion,
  assigneeId: c.assigneeId,
  lastMessageAt: c.lastMessageAt.toISOString(),
  lastMessagePreview: c.lastMessagePreview,
  lastMessageDirection: c.lastMessageDirection,
  lastMessageFromAi: c.lastMessageFromAi,
  lastInboundAt: iso(c.lastInboundAt),
  unreadCount: c.unreadCount,
  createdAt: c.createdAt.toISOString(),
});

export const toMessageDto = (m: Message & { sender?: { id: string; name: string } | null }): MessageDto => ({
  id: m.id,
  conversationId: m.conversationId,
  direction: m.direction,
  type: m.type,
  body: m.body,
  content: (m.content as MessageContent | null) ?? null,
  status: m.status,
  errorCode: m.errorCode,
  errorTitle: m.errorTitle,
  sender: m.sender ? { id: m.sender.id, name: m.sender.name } : null,
  aiAgentId: m.aiAgentId,
  isNote: m.isNote,
  claimedAt: iso(m.claimedAt),
  replyToProviderId: m.replyToProviderId,
  providerMessageId: m.providerMessageId,
  createdAt: m.createdAt.toISOString(),
  sentAt: iso(m.sentAt),
  deliveredAt: iso(m.deliveredAt),
  readAt: iso(m.readAt),
});

export const conversationInclude = { contact: { select: { id: true, name: true, phone: true } } } as const;
export const messageInclude = { sender: { select: { id: true, name: true } } } as const;
