import type { ChannelDto, ConversationDto, MessageDto, OwnershipChangeDto } from './conversation.ts';
import type { InviteDto, MemberDto } from './dto.ts';

/**
 * The realtime event union: type -> payload. Payloads carry the updated entity snapshot so a
 * client patches its cache without refetching.
 */
export type EventPayloads = {
  'member.invited': { invite: InviteDto };
  'member.invite_revoked': { inviteId: string };
  'member.joined': { member: MemberDto; inviteId: string | null };
  'member.role_changed': { member: MemberDto; previousRole: MemberDto['role'] };
  'member.deactivated': { member: MemberDto };
  'member.profile_updated': { member: MemberDto };
  'message.created': { message: MessageDto; conversation: ConversationDto };
  'message.updated': { message: MessageDto };
  'conversation.updated': { conversation: ConversationDto };
  'conversation.owner_changed': { conversation: ConversationDto; change: OwnershipChangeDto };
  'channel.updated': { channel: ChannelDto };
  /** A persona was created, edited or deleted: refetch the list. */
  'ai_agent.changed': { aiAgentId: string };
  'draft.created': { draft: { id: string; conversationId: string; body: string; origin: string; createdAt: string } };
  'channel.deleted': { channelId: string };
  /** A channel's templates were added, removed or synced: refetch its list. */
  'channel.templates_changed': { channelId: string };
};

export type EventType = keyof EventPayloads;

export type EventDraft = {
  [K in EventType]: { type: K; payload: EventPayloads[K]; actorId: string | null };
}[EventType];

export type TenantEvent = EventDraft & { tenantId: string; seq: number; createdAt: string };

/**
 * What `events.stream` yields: an event; `ready` first for a fresh subscription (its id is the
 * head, so a reconnect before any event resumes from there instead of silently starting over);
 * or `resync`, telling the client to refetch everything.
 */
export type StreamItem =
  | { kind: 'event'; event: TenantEvent }
  | { kind: 'ready'; headSeq: number }
  | { kind: 'resync'; headSeq: number };

/** A client further behind than this gets a resync marker instead of a replay. */
export const MAX_REPLAY_EVENTS = 10_000;
