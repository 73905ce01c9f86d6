import type { EmailDraftDto, EmailDto, EmailEngagementDto } from '../../src/contracts/email.ts';
import type { Email, EmailDraft, EmailEvent, Prisma } from '../db/generated/client.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** How many provider events an email DTO carries (its history view); the fold covers all of them. */
export const EMAIL_DTO_EVENTS = 50;

export const emailInclude = {
  sender: { select: { id: true, name: true } },
  events: { orderBy: [{ occurredAt: 'desc' as const }, { id: 'desc' as const }], take: EMAIL_DTO_EVENTS },
} satisfies Prisma.EmailInclude;

export type StoredClick = { url: string; count: number; firstAt: string; lastAt: string };

export const readClicks = (raw: unknown): StoredClick[] =>
  Array.isArray(raw)
    ? raw.filter((c): c is StoredClick => typeof c === 'object' && c !== null && typeof (c as StoredClick).url === 'string')
    : [];

export const toEngagementDto = (e: Email): EmailEngagementDto => ({
  deliveredAt: iso(e.deliveredAt),
  firstOpenedAt: iso(e.firstOpenedAt),
  lastOpenedAt: iso(e.lastOpenedAt),
  openCount: e.openCount,
  clicks: readClicks(e.clicks),
  bounceReason: e.bounceReason,
  dropReason: e.dropReason,
  spamReportedAt: iso(e.spamReportedAt),
  unsubscribedAt: iso(e.unsubscribedAt),
});

const eventField = (raw: unknown, key: string): string | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
};

export const toEmailDto = (e: Email & { sender: { id: string; name: string } | null; events: EmailEvent[] }): EmailDto => ({
  id: e.id,
  contactId: e.contactId,
  taskId: e.taskId,
  sender: e.sender ? { id: e.sender.id, name: e.sender.name } : null,
  fromName: e.fromName,
  fromAddress: e.fromAddress,
  to: e.to,
  subject: e.subject,
  html: e.html,
  text: e.text,
  status: e.status,
  outbox: e.outbox,
  providerMessageId: e.providerMessageId,
  error: e.error,
  attempts: e.attempts,
  sentAt: iso(e.sentAt),
  createdAt: e.createdAt.toISOString(),
  engagement: toEngagementDto(e),
  events: e.events.map((ev) => ({
    id: ev.id,
    type: ev.type,
    at: ev.occurredAt.toISOString(),
    url: eventField(ev.raw, 'url'),
    reason: eventField(ev.raw, 'reason'),
  })),
});

export const toEmailDraftDto = (d: EmailDraft): EmailDraftDto => ({
  id: d.id,
  contactId: d.contactId,
  taskId: d.taskId,
  status: d.status,
  subject: d.subject,
  html: d.html,
  error: d.error,
  createdAt: d.createdAt.toISOString(),
});
