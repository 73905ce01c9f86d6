import { z } from 'zod';
import { ZBusinessCalendar, type BusinessCalendar } from '../domain/business-hours.ts';
import type { SlaState } from '../domain/sla.ts';
import type { ContactSummaryDto } from './conversation.ts';

export const TICKET_STATUSES = ['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Lowest first: the order the list's priority sort ranks them in. */
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const SLA_STATES = ['none', 'running', 'paused', 'met', 'at_risk', 'breached'] as const satisfies readonly SlaState[];
export type SlaStateDto = SlaState;
export type AnalysisStatus = 'IDLE' | 'PENDING' | 'DONE' | 'FAILED';

export type SlaClockDto = {
  state: SlaStateDto;
  /** Null while paused (pending) or without a target. */
  dueAt: string | null;
  atRiskAt: string | null;
  /** Business minutes counted so far. */
  elapsedMinutes: number;
  targetMinutes: number | null;
};

export type TicketSlaDto = {
  /** The worst of the two clocks: breached > at_risk > running > paused > met > none. */
  state: SlaStateDto;
  /** The next due time of a clock still running (what the list sorts by). */
  dueAt: string | null;
  firstResponse: SlaClockDto;
  resolution: SlaClockDto;
};

export type TicketAnalysisResult = {
  summary: string;
  category: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  suggestedPriority: TicketPriority;
  nextActions: string[];
};

export type TicketAnalysisDto = {
  /** IDLE: never asked; PENDING: "analysing…"; FAILED: `error` says why, `ticket.retryAnalysis` runs it again. */
  status: AnalysisStatus;
  /** The last successful result; kept while a newer analysis is pending or has failed. */
  result: TicketAnalysisResult | null;
  error: string | null;
  analysedAt: string | null;
};

export type UserSummaryDto = { id: string; name: string };

/** One ticket row; also the snapshot carried by ticket events. */
export type TicketDto = {
  id: string;
  /** Per workspace, from 1001, gap-free. Shown as #1001. */
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  assignee: UserSummaryDto | null;
  contact: ContactSummaryDto | null;
  /** The WhatsApp conversation it came from or replies go through. */
  conversationId: string | null;
  tags: string[];
  sla: TicketSlaDto;
  /** Grows on every change that affects the SLA clocks. */
  slaVersion: number;
  analysis: TicketAnalysisDto;
  createdBy: UserSummaryDto | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  commentCount: number;
  createdAt: string;
  updatedAt: string;
};

export type TicketField = 'status' | 'priority' | 'assignee' | 'subject' | 'tags' | 'contact' | 'conversation' | 'created';

/** One history line: who changed which field from what to what, when. Values are display strings (assignee names, tag lists joined). */
export type TicketActivityDto = {
  id: string;
  ticketId: string;
  actor: UserSummaryDto | null;
  field: TicketField;
  from: string | null;
  to: string | null;
  createdAt: string;
};

/**
 * How a comment reached the customer: internal notes never do; a public reply goes through the
 * linked conversation's WhatsApp channel (its message's status tells sent/delivered/read), or is
 * stored and not delivered when the ticket has no conversation (email sending does not exist yet).
 */
export type CommentDelivery =
  | { kind: 'internal' }
  | { kind: 'whatsapp'; conversationId: string; messageId: string }
  | { kind: 'email'; emailId: string }
  | { kind: 'not_delivered'; reason: string };

export type TicketCommentDto = {
  id: string;
  ticketId: string;
  visibility: 'public' | 'internal';
  author: UserSummaryDto | null;
  body: string;
  delivery: CommentDelivery;
  createdAt: string;
};

export type TicketDetailDto = {
  ticket: TicketDto;
  /** Oldest first. */
  comments: TicketCommentDto[];
  /** Oldest first. */
  history: TicketActivityDto[];
  /** False without an OpenAI key: the AI panel says the AI is offline. */
  aiOnline: boolean;
};

export type TicketPageDto = {
  items: TicketDto[];
  nextCursor: string | null;
  /** Every ticket matching the filters, not just this page. */
  total: number;
};

export type SlaPolicyDto = {
  priority: TicketPriority;
  /** Business minutes; null = no target. */
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  updatedAt: string | null;
};

export type BusinessCalendarDto = BusinessCalendar;

export type NotificationKind = 'assigned' | 'commented' | 'sla_at_risk' | 'sla_breached';

export type NotificationDto = {
  id: string;
  /** The one member it is for: clients show only their own. */
  userId: string;
  kind: NotificationKind;
  ticket: { id: string; number: number; subject: string };
  actor: UserSummaryDto | null;
  createdAt: string;
  readAt: string | null;
};

export type NotificationPageDto = { items: NotificationDto[]; nextCursor: string | null; total: number; unread: number };

// ---- inputs ----

const subject = z.string().trim().min(1, { error: 'Give the ticket a subject' }).max(200);
const description = z.string().trim().max(20_000);
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_\-.:/ ]+$/u, { error: 'Tags use letters, digits, spaces and - _ . : /' });
const tags = z.array(tag).max(20).transform((list) => [...new Set(list)]);
/** Business minutes. Fractions are allowed (0.5 = 30 s), which also lets tests run short policies. */
const targetMinutes = z.number().positive({ error: 'A target must be more than zero; leave it empty for none' }).max(525_600).nullable();

export const ZTicketStatus = z.enum(TICKET_STATUSES);
export const ZTicketPriority = z.enum(TICKET_PRIORITIES);

export const ZCreateTicketInput = z.object({
  subject,
  description: description.default(''),
  priority: ZTicketPriority.default('NORMAL'),
  assigneeId: z.uuid().nullish(),
  contactId: z.uuid().nullish(),
  /** Links the ticket to a conversation without copying its transcript. */
  conversationId: z.uuid().nullish(),
  tags: tags.default([]),
});

/** "Create ticket" from a conversation: the transcript becomes the description and the ticket links to it. */
export const ZCreateTicketFromConversationInput = z.object({
  conversationId: z.uuid(),
  /** Defaults to "WhatsApp: <contact name>". */
  subject: subject.optional(),
  priority: ZTicketPriority.default('NORMAL'),
  assigneeId: z.uuid().nullish(),
  tags: tags.default([]),
});

export const ZTicketIdInput = z.object({ ticketId: z.uuid() });

/** Only the fields given change; each change becomes a history line. */
export const ZUpdateTicketInput = z.object({
  ticketId: z.uuid(),
  subject: subject.optional(),
  status: ZTicketStatus.optional(),
  priority: ZTicketPriority.optional(),
  /** Null unassigns. */
  assigneeId: z.uuid().nullable().optional(),
  tags: tags.optional(),
  /** Null unlinks the contact. */
  contactId: z.uuid().nullable().optional(),
});

export const ZBulkUpdateTicketsInput = z
  .object({
    ticketIds: z.array(z.uuid()).min(1).max(200),
    status: ZTicketStatus.optional(),
    assigneeId: z.uuid().nullable().optional(),
  })
  .refine((v) => v.status !== undefined || v.assigneeId !== undefined, { error: 'Choose a status or an assignee' });

export type BulkUpdateResultDto = {
  updated: TicketDto[];
  /** Tickets left as they were, each with the reason (e.g. a closed ticket cannot become pending). */
  refused: Array<{ ticketId: string; number: number | null; message: string }>;
};

export const ZAddTicketCommentInput = z.object({
  ticketId: z.uuid(),
  body: z.string().trim().min(1, { error: 'Write something' }).max(4096),
  visibility: z.enum(['public', 'internal']),
  /** Client-generated: a retried submit returns the same comment instead of a second one. */
  clientCommentId: z.uuid().optional(),
});

export const TICKET_SORTS = ['sla_due', 'updated', 'created', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const ZTicketFilter = z.object({
  status: z.array(ZTicketStatus).max(5).optional(),
  priority: z.array(ZTicketPriority).max(4).optional(),
  /** 'me' is the caller, 'unassigned' no one, or a member's id. */
  assignee: z.union([z.literal('me'), z.literal('unassigned'), z.uuid()]).optional(),
  slaState: z.array(z.enum(SLA_STATES)).max(6).optional(),
  tag: tag.optional(),
  /** "1042" or "#1042" matches the number; anything else the subject. */
  search: z.string().trim().max(200).optional(),
  /** Tickets linked to this conversation (e.g. "Ticket #1042" in a conversation's header). */
  conversationId: z.uuid().optional(),
});

export const ZListTicketsInput = ZTicketFilter.extend({
  /** sla_due: soonest first, tickets without a running clock last; others newest/highest first. */
  sort: z.enum(TICKET_SORTS).default('updated'),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZUpdateSlaPoliciesInput = z.object({
  policies: z
    .array(z.object({ priority: ZTicketPriority, firstResponseMinutes: targetMinutes, resolutionMinutes: targetMinutes }))
    .min(1)
    .max(4)
    .refine((list) => new Set(list.map((p) => p.priority)).size === list.length, { error: 'One policy per priority' }),
});

export const ZUpdateBusinessCalendarInput = z.object({ calendar: ZBusinessCalendar });

export const ZListNotificationsInput = z.object({
  unreadOnly: z.boolean().default(false),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const ZMarkNotificationsReadInput = z.object({ notificationIds: z.array(z.uuid()).min(1).max(200) });

export type CreateTicketInput = z.infer<typeof ZCreateTicketInput>;
export type UpdateTicketInput = z.infer<typeof ZUpdateTicketInput>;
export type ListTicketsInput = z.infer<typeof ZListTicketsInput>;
