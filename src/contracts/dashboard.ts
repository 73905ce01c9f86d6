import { z } from 'zod';
import { CONTACT_SOURCES, type ContactSource } from './contact.ts';
import type { TicketSlaCompliance } from '../domain/metrics/ticket-sla-compliance.ts';
import type { SlaState } from '../domain/sla.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** IANA zone of the viewer: "today" starts at their midnight. */
export const ZTimeZone = z.string().min(1).max(64).refine(isTimeZone, { error: 'Unknown time zone' });

export const RANGE_PRESETS = ['24h', '7d', '30d', '90d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Longest custom range: a year keeps every query inside the indexes' reach. */
export const MAX_RANGE_DAYS = 366;

export const ZRange = z
  .object({
    preset: z.enum(RANGE_PRESETS),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .check((ctx) => {
    const { preset, from, to } = ctx.value;
    if (preset !== 'custom') return;
    if (!from || !to) {
      ctx.issues.push({ code: 'custom', message: 'A custom range needs a start and an end', input: ctx.value, path: ['from'] });
      return;
    }
    const span = Date.parse(to) - Date.parse(from);
    if (span <= 0) ctx.issues.push({ code: 'custom', message: 'The range must end after it starts', input: ctx.value, path: ['to'] });
    else if (span > MAX_RANGE_DAYS * 86_400_000) ctx.issues.push({ code: 'custom', message: `At most ${MAX_RANGE_DAYS} days`, input: ctx.value, path: ['to'] });
  });
export type RangeInput = z.infer<typeof ZRange>;

export const ZLiveInput = z.object({ timeZone: ZTimeZone });
export const ZAnalyticsInput = z.object({ range: ZRange, timeZone: ZTimeZone });

export const EMAIL_DRILL_METRICS = [
  'email_sent',
  'email_delivered',
  'email_opened',
  'email_clicked',
  'email_bounced',
  'email_dropped',
  'email_spam',
  'email_unsubscribed',
] as const;
export const TICKET_DRILL_METRICS = [
  'tickets_created',
  'tickets_first_response_met',
  'tickets_first_response_breached',
  'tickets_resolution_met',
  'tickets_resolution_breached',
] as const;
export const LEAD_DRILL_METRICS = ['lead_created', 'lead_contacted', 'lead_qualified', 'lead_won', 'lead_lost'] as const;

/**
 * What a number drills into. Conversation lists for the conversation figures; tickets, emails and
 * leads add their own metrics here (and a drill file each in server/dashboard/drill/).
 */
export const DRILL_METRICS = [
  // Live (no range): open conversations by owner, an agent's open conversations.
  'open_ai',
  'open_queue',
  'open_human',
  'agent_open',
  // Analytics (within the range's cohort).
  'conversations',
  'resolved',
  'ai_started',
  'ai_resolved',
  'taken_over',
  'handed_back',
  'escalated',
  'human_first_response',
  'ai_response',
  'agent_conversations',
  'persona_conversations',
  // Email funnel (emails sent in the range; userId: one sender).
  ...EMAIL_DRILL_METRICS,
  // Lead pipeline (contacts created in the range; source: one source).
  ...LEAD_DRILL_METRICS,
  // Tickets created in the range, and those whose clock ended met or breached.
  ...TICKET_DRILL_METRICS,
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];
export type EmailDrillMetric = (typeof EMAIL_DRILL_METRICS)[number];
export type LeadDrillMetric = (typeof LEAD_DRILL_METRICS)[number];
export type TicketDrillMetric = (typeof TICKET_DRILL_METRICS)[number];
export type ConversationDrillMetric = Exclude<DrillMetric, EmailDrillMetric | LeadDrillMetric | TicketDrillMetric>;

export const ZDrillInput = z.object({
  metric: z.enum(DRILL_METRICS),
  range: ZRange.optional(),
  /** For agent_open / agent_conversations. */
  userId: z.uuid().optional(),
  /** For persona_conversations. */
  aiAgentId: z.uuid().optional(),
  /** For escalated: one reason only. */
  reason: z.string().max(500).optional(),
  /** For lead_*: one source only. */
  source: z.enum(CONTACT_SOURCES).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type DrillInput = z.input<typeof ZDrillInput>;

export const CSV_TABLES = ['volume', 'escalations', 'agents', 'personas', 'email_funnel', 'email_senders', 'lead_sources', 'ticket_sla', 'drill'] as const;
export const ZExportCsvInput = z.object({
  table: z.enum(CSV_TABLES),
  range: ZRange,
  timeZone: ZTimeZone,
  /** For table = drill: which list. */
  drill: ZDrillInput.omit({ cursor: true, limit: true, range: true }).optional(),
});

export type AgentStatus = 'online' | 'away' | 'offline';

export type LiveAgentDto = { userId: string; name: string; role: 'ADMIN' | 'SUPERVISOR' | 'AGENT'; status: AgentStatus; openConversations: number };

/**
 * The live operations snapshot, one field per panel. Tickets add `tickets` (by status, SLA at
 * risk and breached) as one more panel: see server/dashboard/live/panels.ts.
 */
export type TicketStatusName = 'NEW' | 'OPEN' | 'PENDING' | 'RESOLVED' | 'CLOSED';

/** Tickets still being worked (not resolved or closed) by status, and how many clocks are at risk or breached. */
export type LiveTicketsDto = { byStatus: Record<TicketStatusName, number>; unresolved: number; atRisk: number; breached: number };

export type { TicketSlaCompliance, SlaState };

export type LiveSnapshotDto = {
  /** Server time of the computation: the client ticks waits from it. */
  at: string;
  conversations: { AI: number; QUEUE: number; HUMAN: number };
  queue: { length: number; oldestWaitingSince: string | null };
  agents: LiveAgentDto[];
  tickets: LiveTicketsDto;
  today: {
    since: string;
    newConversations: number;
    inbound: number;
    outbound: number;
    aiReplies: number;
    humanReplies: number;
    takeovers: number;
    escalations: number;
    resolved: number;
  };
  /** Today's email and task figures (since the viewer's midnight). */
  crm: {
    /** Accepted by SendGrid today (dev-outbox emails excluded). */
    emailsSent: number;
    /** Emails with an open or click event today. */
    emailsOpened: number;
    /** Emails with a bounce event today. */
    emailsBounced: number;
    /** Open tasks due between midnight and the next. */
    tasksDueToday: number;
    /** Open tasks due before now. */
    tasksOverdue: number;
  };
};

export type DurationStatDto = { medianMs: number | null; p90Ms: number | null; count: number };

export type VolumePointDto = { bucket: string; conversations: number; inbound: number; outbound: number; aiReplies: number; humanReplies: number };

export type AnalyticsDto = {
  range: { from: string; to: string; bucket: 'hour' | 'day' };
  volume: VolumePointDto[];
  summary: {
    conversations: number;
    resolved: number;
    aiStarted: number;
    aiResolved: number;
    aiResolutionRate: number | null;
    everAi: number;
    takenOver: number;
    takeoverRate: number | null;
    everHuman: number;
    handedBack: number;
    handbackRate: number | null;
    botMs: number;
    humanMs: number;
    queueMs: number;
    humanFirstResponse: DurationStatDto;
    aiResponse: DurationStatDto;
    resolution: { medianMs: number | null; count: number };
  };
  /** Helpdesk SLA compliance of the tickets created in the range. */
  tickets: TicketSlaCompliance;
  escalations: Array<{ reason: string; count: number }>;
  agents: Array<{ userId: string; name: string; conversations: number; takeovers: number; takeoverRate: number | null; firstResponseMedianMs: number | null; replies: number }>;
  personas: Array<{
    aiAgentId: string;
    name: string;
    conversations: number;
    takenOver: number;
    takeoverRate: number | null;
    replies: number;
    helpful: number;
    notHelpful: number;
    rating: number | null;
  }>;
  email: EmailAnalyticsDto;
  leads: LeadAnalyticsDto;
};

/** Emails sent in the range (definitions: src/domain/metrics/email-funnel.ts). */
export type EmailAnalyticsDto = {
  funnel: {
    sent: number;
    delivered: number;
    opened: number;
    clicked: number;
    bounced: number;
    dropped: number;
    spam: number;
    unsubscribed: number;
    deliveredRate: number | null;
    openRate: number | null;
    clickRate: number | null;
    bounceRate: number | null;
  };
  senders: Array<{
    /** Null: a teammate since removed (their emails keep their name). */
    senderUserId: string | null;
    name: string;
    sent: number;
    delivered: number;
    opened: number;
    clicked: number;
    bounced: number;
    deliveredRate: number | null;
    openRate: number | null;
    clickRate: number | null;
    bounceRate: number | null;
  }>;
};

export type PipelineRowDto = {
  leads: number;
  contacted: number;
  qualified: number;
  won: number;
  lost: number;
  contactedRate: number | null;
  qualifiedRate: number | null;
  winRate: number | null;
  lossRate: number | null;
  timeToWonMedianMs: number | null;
};

/** Leads created in the range (definitions: src/domain/metrics/lead-pipeline.ts). */
export type LeadAnalyticsDto = { total: PipelineRowDto; bySource: Array<PipelineRowDto & { source: ContactSource }> };

/** One row behind a number: generic so tickets, emails and leads drill into the same list view. */
export type DrillRowDto = {
  id: string;
  kind: 'conversation' | 'email' | 'contact' | 'ticket';
  title: string;
  subtitle: string;
  status: string;
  at: string;
  /** The figure this row contributed (a duration in ms), when the metric has one. */
  valueMs: number | null;
  href: string;
};

export type DrillPageDto = { items: DrillRowDto[]; nextCursor: string | null };
