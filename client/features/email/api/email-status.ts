import type { EmailDto, EmailStatusDto } from '../../../../src/contracts/email.ts';

export type Tone = 'neutral' | 'progress' | 'success' | 'warning' | 'danger';

export const STATUS_LABELS: Record<EmailStatusDto, string> = {
  QUEUED: 'Sending…',
  SENT: 'Sent',
  PROCESSED: 'Accepted',
  DEFERRED: 'Deferred',
  DELIVERED: 'Delivered',
  BOUNCED: 'Bounced',
  DROPPED: 'Dropped',
  FAILED: 'Failed',
};

const TONES: Record<EmailStatusDto, Tone> = {
  QUEUED: 'progress',
  SENT: 'neutral',
  PROCESSED: 'neutral',
  DEFERRED: 'warning',
  DELIVERED: 'success',
  BOUNCED: 'danger',
  DROPPED: 'danger',
  FAILED: 'danger',
};

/**
 * The one word an email's row shows. Engagement outranks delivery (an opened email was
 * delivered), and an outbox email says where it went.
 */
export const emailHeadline = (email: EmailDto): { label: string; tone: Tone } => {
  const e = email.engagement;
  if (email.outbox && (email.status === 'SENT' || email.status === 'QUEUED')) return { label: email.status === 'QUEUED' ? 'Sending…' : 'In dev outbox', tone: 'neutral' };
  if (TONES[email.status] === 'danger') return { label: STATUS_LABELS[email.status], tone: 'danger' };
  if (e.spamReportedAt) return { label: 'Marked as spam', tone: 'danger' };
  if (e.clicks.length > 0) return { label: 'Clicked', tone: 'success' };
  if (e.openCount > 0) return { label: e.openCount === 1 ? 'Opened' : `Opened ×${e.openCount}`, tone: 'success' };
  return { label: STATUS_LABELS[email.status], tone: TONES[email.status] };
};

/** Total clicks across links. */
export const clickCount = (email: EmailDto): number => email.engagement.clicks.reduce((n, c) => n + c.count, 0);
