import type { ChannelDto, ConversationDto, MessageDto, OwnershipChangeDto } from './conversation.ts';
import type { ContactDto, StageChangeDto } from './contact.ts';
import type { InviteDto, MemberDto } from './dto.ts';
import type { EmailDraftDto, EmailDto } from './email.ts';
import type { CadenceDto, TaskDto } from './task.ts';
import type { BusinessCalendarDto, NotificationDto, SlaPolicyDto, TicketActivityDto, TicketCommentDto, TicketDto } from './ticket.ts';

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
  'contact.created': { contact: ContactDto };
  'contact.updated': { contact: ContactDto };
  /** Carries the change so an open timeline adds its entry. */
  'contact.stage_changed': { contact: ContactDto; change: StageChangeDto };
  'contact.deleted': { contactId: string };
  /** A CSV import (contacts created or updated, their stage changes and any cadence tasks, sent without their own events): refetch contact and task lists. */
  'contacts.imported': { created: number; updated: number };
  'task.created': { task: TaskDto };
  'task.updated': { task: TaskDto };
  'cadence.updated': { cadence: CadenceDto };
  'email.created': { email: EmailDto };
  /** Status, engagement or send result changed. */
  'email.updated': { email: EmailDto };
  'email.draft_updated': { draft: EmailDraftDto };
  /** Email settings or web forms changed: refetch settings. */
  'email_settings.updated': { mode: 'sendgrid' | 'outbox' };
  'web_form.changed': { formId: string };
  'ticket.created': { ticket: TicketDto };
  /** Fields changed by a person (`changes` are the new history lines) or SLA due times moved. */
  'ticket.updated': { ticket: TicketDto; changes: TicketActivityDto[] };
  'ticket.comment_added': { ticket: TicketDto; comment: TicketCommentDto };
  /** A clock crossed 80 % of its target, recorded once at that moment. */
  'ticket.sla_at_risk': { ticket: TicketDto; clock: 'first_response' | 'resolution' };
  /** A clock passed its due time, recorded once at that moment. */
  'ticket.sla_breached': { ticket: TicketDto; clock: 'first_response' | 'resolution' };
  /** AI analysis went PENDING, DONE or FAILED. */
  'ticket.analysis_updated': { ticket: TicketDto };
  'sla_policy.changed': { policies: SlaPolicyDto[] };
  'business_calendar.changed': { calendar: BusinessCalendarDto };
  /** For one member only (`notification.userId`): other clients ignore it. */
  'notification.created': { notification: NotificationDto };
  /** `notificationIds` null: all of the member's notifications were read. */
  'notification.read': { userId: string; notificationIds: string[] | null; unreadCount: number };
};

export type EventType = keyof EventPayloads;

export type EventDraft = {
  [K in EventType]: { type: K; payload: EventPayloads[K]; actorId: string | null };
}[EventType];

export type TenantEvent = EventDraft & { tenantId: string; seq: number; createdAt: string };

/**
 * What `events.stream` yields: consecutive events in seq order (one item for a replayed page or
 * for whatever arrived live while the client's previous item was being sent: a client that falls
 * behind gets fewer, larger items instead of a growing queue); `ready` first for a fresh
 * subscription (its id is the head, so a reconnect before any event resumes from there instead of
 * silently starting over); or `resync`, telling the client to refetch everything. An item's id is
 * its last seq.
 */
export type StreamItem =
  | { kind: 'events'; events: TenantEvent[] }
  | { kind: 'ready'; headSeq: number }
  | { kind: 'resync'; headSeq: number };

/** A client further behind than this gets a resync marker instead of a replay. */
export const MAX_REPLAY_EVENTS = 10_000;

/** The most events in one `events` item (a replayed page, or a live backlog in slices). */
export const MAX_EVENTS_PER_ITEM = 500;

export const lastSeqOf = (item: StreamItem): number => (item.kind === 'events' ? item.events[item.events.length - 1]!.seq : item.headSeq);
