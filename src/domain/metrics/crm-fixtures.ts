import type { EmailFact } from './email-funnel.ts';
import type { LeadFact, LeadSource, LeadStage } from './lead-pipeline.ts';
import { ANA, BEN, MIN, T0, t } from './metrics-fixtures.ts';

/**
 * Hand-built emails and leads for the funnel and pipeline tests (domain and SQL alike), timed in
 * minutes after T0 like the conversation fixtures. The range of the tests is T0 - 1 h to T0 + 1 day.
 */
const base = (id: string, sender: string | null, minute: number | null): EmailFact => ({
  id, senderUserId: sender, sentAt: minute === null ? null : t(minute), outbox: false, status: 'SENT',
  deliveredAt: null, firstOpenedAt: null, clickedLinks: 0, spamReportedAt: null, unsubscribedAt: null,
});

export const scriptedEmails = (): EmailFact[] => [
  { ...base('delivered', ANA, 1), status: 'DELIVERED', deliveredAt: t(2) },
  { ...base('opened', ANA, 2), status: 'DELIVERED', deliveredAt: t(3), firstOpenedAt: t(10) },
  { ...base('clicked', ANA, 3), status: 'DELIVERED', deliveredAt: t(4), firstOpenedAt: t(11), clickedLinks: 2 },
  // Images blocked: a click without an open still counts as opened.
  { ...base('click-no-open', BEN, 4), status: 'DELIVERED', deliveredAt: t(5), clickedLinks: 1 },
  // An open before `delivered` arrived: delivery proven by the open.
  { ...base('open-before-delivered', BEN, 5), status: 'DELIVERED', deliveredAt: t(20), firstOpenedAt: t(20) },
  { ...base('bounced', BEN, 6), status: 'BOUNCED' },
  // Delivered, then an asynchronous bounce.
  { ...base('late-bounce', ANA, 7), status: 'BOUNCED', deliveredAt: t(8) },
  { ...base('dropped', ANA, 8), status: 'DROPPED' },
  { ...base('spam', BEN, 9), status: 'DELIVERED', deliveredAt: t(10), firstOpenedAt: t(12), spamReportedAt: t(13) },
  { ...base('unsubscribed', null, 10), status: 'DELIVERED', deliveredAt: t(11), unsubscribedAt: t(30) },
  { ...base('processing', ANA, 11), status: 'PROCESSED' },
  // Not counted: queued, failed, the dev outbox, and sent outside the range.
  { ...base('queued', ANA, null), status: 'QUEUED' },
  { ...base('failed', ANA, null), status: 'FAILED' },
  { ...base('outbox', ANA, 12), outbox: true, status: 'DELIVERED', deliveredAt: t(12) },
  { ...base('before-range', BEN, -2 * 60), status: 'DELIVERED', deliveredAt: t(-100), firstOpenedAt: t(-90) },
  { ...base('after-range', BEN, 25 * 60), status: 'DELIVERED', deliveredAt: t(25 * 60 + 1) },
];

const lead = (id: string, source: LeadSource, minute: number, moves: Array<[LeadStage, number]>): LeadFact => ({
  id, source, createdAt: t(minute), changes: moves.map(([toStage, m]) => ({ toStage, at: t(m) })),
});

export const scriptedLeads = (): LeadFact[] => [
  // As the app creates them: a first change from nothing to NEW at creation.
  lead('web-new', 'WEB_FORM', 0, [['NEW', 0]]),
  lead('web-contacted', 'WEB_FORM', 1, [['NEW', 1], ['CONTACTED', 30]]),
  lead('web-won', 'WEB_FORM', 2, [['NEW', 2], ['CONTACTED', 10], ['QUALIFIED', 40], ['WON', 122]]),
  // Straight to WON: contacted and qualified on the way.
  lead('web-jump-won', 'WEB_FORM', 3, [['NEW', 3], ['WON', 63]]),
  // Won, then moved back: still reached WON (the first time counts).
  lead('web-won-back', 'WEB_FORM', 4, [['NEW', 4], ['WON', 34], ['QUALIFIED', 50], ['WON', 300]]),
  lead('wa-lost', 'WHATSAPP', 5, [['NEW', 5], ['CONTACTED', 6], ['LOST', 90]]),
  lead('wa-qualified-lost', 'WHATSAPP', 6, [['NEW', 6], ['QUALIFIED', 20], ['LOST', 200]]),
  // Seeded or WhatsApp-made contacts without any change row: NEW since creation.
  lead('wa-bare', 'WHATSAPP', 7, []),
  lead('import-at-qualified', 'IMPORT', 8, [['QUALIFIED', 8]]),
  lead('manual-won', 'MANUAL', 9, [['NEW', 9], ['WON', 9 + 24 * 60]]),
  lead('before-range', 'WEB_FORM', -2 * 60, [['NEW', -120], ['WON', 0]]),
  lead('after-range', 'MANUAL', 25 * 60, [['NEW', 25 * 60]]),
];

export const CRM_RANGE = { from: T0 - 60 * MIN, to: T0 + 24 * 60 * MIN };
