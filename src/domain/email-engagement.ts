import { z } from 'zod';
import { sha256Hex } from './sha256.ts';

/**
 * Engagement of one sent email, folded from SendGrid Event Webhook events.
 *
 * SendGrid documents no ordering (a `delivered` may arrive after the `open` it enabled), repeats
 * events (same `sg_event_id`, and retried batches) and batches per server, so the fold is built to
 * give the same answer whatever order the events come in:
 *
 * - status is the highest of the state's status and each event's implied status, by rank
 *   queued < sent < failed < processed < deferred < delivered < bounced < dropped.
 *   `open`, `click`, `spamreport`, `unsubscribe`, `group_unsubscribe` and `group_resubscribe` all
 *   prove the recipient had the email, so they imply `delivered`; a late `deferred` or `delivered`
 *   never moves a status back. `bounce` outranks `delivered` because SendGrid reports asynchronous
 *   bounces (the server said 250, then sent a DSN) after `delivered`: the address is bad even if
 *   an open was seen. `dropped` means SendGrid never sent it (it cannot coexist with a delivery)
 *   and is terminal. `failed` is our own "the API call did not succeed"; SendGrid sends events only
 *   for messages it accepted, so any event for a `failed` email (a send that timed out after
 *   SendGrid took it) proves otherwise and moves it on.
 * - deliveredAt is the earliest event proving delivery (the `delivered` event, or an open/click
 *   when `delivered` has not arrived yet — an upper bound that the late `delivered` lowers).
 * - openCount counts the open events it is given (the caller dedupes by sg_event_id/fingerprint);
 *   firstOpenedAt/lastOpenedAt are min/max. Clicks are grouped per URL (count, min, max), listed by
 *   first click then URL.
 * - bounceReason/dropReason are the reason of the latest such event (ties broken by the text).
 * - spamReportedAt is the first spam report.
 * - unsubscribedAt: a global `unsubscribe` (SendGrid's "opt out of all emails") is never undone by
 *   a `group_resubscribe` — SendGrid keeps dropping mail to a globally unsubscribed address. A
 *   `group_unsubscribe` counts only if no `group_resubscribe` is later than it (a resubscribe at
 *   the same second does not clear it). unsubscribedAt is when the current unsubscribed period began:
 *   the earliest global unsubscribe, or the first group_unsubscribe after the last resubscribe.
 *
 * Within one call the result is independent of event order. The state is a summary, though: it
 * does not remember resubscribe times or which kind of unsubscribe it holds, so a prior
 * `state.unsubscribedAt` is treated like a global unsubscribe (never cleared: we would rather not
 * email than email someone who opted out), and a prior reason loses to any reason in `events`. For
 * exact results, store each deduplicated event and refold them all from INITIAL_ENGAGEMENT.
 */

export type SendgridEventType =
  | 'processed'
  | 'deferred'
  | 'delivered'
  | 'open'
  | 'click'
  | 'bounce'
  | 'dropped'
  | 'spamreport'
  | 'unsubscribe'
  | 'group_unsubscribe'
  | 'group_resubscribe';

export const SENDGRID_EVENT_TYPES = [
  'processed',
  'deferred',
  'delivered',
  'open',
  'click',
  'bounce',
  'dropped',
  'spamreport',
  'unsubscribe',
  'group_unsubscribe',
  'group_resubscribe',
] as const satisfies readonly SendgridEventType[];

export type EngagementEvent = {
  type: SendgridEventType;
  at: Date;
  sgEventId: string | null;
  url?: string;
  reason?: string;
  bounceType?: string;
  status?: string;
};

export type EmailDeliveryStatus = 'queued' | 'sent' | 'processed' | 'deferred' | 'delivered' | 'bounced' | 'dropped' | 'failed';

export type EngagementState = {
  status: EmailDeliveryStatus;
  deliveredAt: Date | null;
  firstOpenedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  clicks: Array<{ url: string; count: number; firstAt: Date; lastAt: Date }>;
  bounceReason: string | null;
  dropReason: string | null;
  spamReportedAt: Date | null;
  unsubscribedAt: Date | null;
};

export const INITIAL_ENGAGEMENT: EngagementState = Object.freeze({
  status: 'sent',
  deliveredAt: null,
  firstOpenedAt: null,
  lastOpenedAt: null,
  openCount: 0,
  clicks: Object.freeze([]) as unknown as EngagementState['clicks'],
  bounceReason: null,
  dropReason: null,
  spamReportedAt: null,
  unsubscribedAt: null,
}) as EngagementState;

export const STATUS_RANK: Record<EmailDeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  failed: 2,
  processed: 3,
  deferred: 4,
  delivered: 5,
  bounced: 6,
  dropped: 7,
};

const IMPLIED_STATUS: Record<SendgridEventType, EmailDeliveryStatus> = {
  processed: 'processed',
  deferred: 'deferred',
  delivered: 'delivered',
  open: 'delivered',
  click: 'delivered',
  bounce: 'bounced',
  dropped: 'dropped',
  spamreport: 'delivered',
  unsubscribe: 'delivered',
  group_unsubscribe: 'delivered',
  group_resubscribe: 'delivered',
};

const PROVES_DELIVERY = new Set<SendgridEventType>(['delivered', 'open', 'click', 'spamreport', 'unsubscribe', 'group_unsubscribe', 'group_resubscribe']);

const minDate = (a: Date | null, b: Date | null): Date | null => (a && b ? (a.getTime() <= b.getTime() ? a : b) : (a ?? b));
const maxDate = (a: Date | null, b: Date | null): Date | null => (a && b ? (a.getTime() >= b.getTime() ? a : b) : (a ?? b));

/** The reason of the latest event carrying one; equal times broken by the text, so order never matters. */
const latestReason = (events: EngagementEvent[]): string | null => {
  let best: EngagementEvent | null = null;
  for (const event of events) {
    if (event.reason === undefined) continue;
    const later = !best || event.at.getTime() > best.at.getTime() || (event.at.getTime() === best.at.getTime() && event.reason > (best.reason ?? ''));
    if (later) best = event;
  }
  return best?.reason ?? null;
};

export const foldEngagement = (state: EngagementState, events: EngagementEvent[]): EngagementState => {
  const of = (type: SendgridEventType) => events.filter((event) => event.type === type);
  const earliest = (list: EngagementEvent[]) => list.reduce<Date | null>((acc, event) => minDate(acc, event.at), null);
  const latest = (list: EngagementEvent[]) => list.reduce<Date | null>((acc, event) => maxDate(acc, event.at), null);

  const status = events.reduce<EmailDeliveryStatus>((acc, event) => {
    const implied = IMPLIED_STATUS[event.type];
    return STATUS_RANK[implied] > STATUS_RANK[acc] ? implied : acc;
  }, state.status);

  const opens = of('open');
  const clicks = new Map(state.clicks.map((click) => [click.url, { ...click }]));
  for (const event of of('click')) {
    const url = event.url ?? '';
    const known = clicks.get(url);
    if (known) clicks.set(url, { url, count: known.count + 1, firstAt: minDate(known.firstAt, event.at)!, lastAt: maxDate(known.lastAt, event.at)! });
    else clicks.set(url, { url, count: 1, firstAt: event.at, lastAt: event.at });
  }

  // The current group-unsubscribed period starts at the first group_unsubscribe not followed by a resubscribe.
  const resubscribedAt = latest(of('group_resubscribe'))?.getTime() ?? -Infinity;
  const groupStillUnsubscribed = earliest(of('group_unsubscribe').filter((event) => event.at.getTime() >= resubscribedAt));

  return {
    status,
    deliveredAt: minDate(state.deliveredAt, earliest(events.filter((event) => PROVES_DELIVERY.has(event.type)))),
    firstOpenedAt: minDate(state.firstOpenedAt, earliest(opens)),
    lastOpenedAt: maxDate(state.lastOpenedAt, latest(opens)),
    openCount: state.openCount + opens.length,
    clicks: [...clicks.values()].sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    bounceReason: latestReason(of('bounce')) ?? state.bounceReason,
    dropReason: latestReason(of('dropped')) ?? state.dropReason,
    spamReportedAt: minDate(state.spamReportedAt, earliest(of('spamreport'))),
    unsubscribedAt: minDate(minDate(state.unsubscribedAt, earliest(of('unsubscribe'))), groupStillUnsubscribed),
  };
};

/**
 * Why no further email may go to this recipient, or null. Bounces (hard or block), spam reports
 * and unsubscribes put the address on SendGrid's suppression lists; sending again would be dropped
 * at best and hurt the sender's reputation at worst.
 */
export const blocksFurtherEmail = (state: EngagementState): string | null => {
  if (state.status === 'bounced' || state.bounceReason !== null) return `bounced: ${state.bounceReason ?? 'unknown reason'}`;
  if (state.spamReportedAt) return 'spam report';
  if (state.unsubscribedAt) return 'unsubscribed';
  // SendGrid drops mail to addresses already on a suppression list; those drop reasons say the
  // address is unusable. Other drops (spam content, invalid headers, quota) are about the email.
  if (state.status === 'dropped' && state.dropReason) return DROP_REASON_BLOCKS[state.dropReason.trim().toLowerCase()] ?? null;
  return null;
};

const DROP_REASON_BLOCKS: Record<string, string> = {
  'bounced address': 'bounced: Bounced Address',
  'unsubscribed address': 'unsubscribed',
  'spam reporting address': 'spam report',
};

// Only the fields the fold reads are validated strictly; anything else SendGrid adds (custom args,
// Marketing Campaigns fields, new properties) passes through untouched. A wrongly typed optional
// field is dropped rather than losing the whole event.
const optionalText = z.string().optional().catch(undefined);
const ZRawEvent = z.object({
  // Lower-cased: SendGrid's docs show a reserved-key collision example with "Processed".
  event: z.string().transform((event) => event.toLowerCase()).pipe(z.enum(SENDGRID_EVENT_TYPES)),
  // UNIX seconds; Marketing Campaigns examples show milliseconds, so both are accepted.
  timestamp: z.union([z.number().finite().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]),
  // Stored in a unique index: PostgreSQL text refuses NUL, and a btree entry past ~2.7 KB is an
  // error, not a miss. SendGrid's ids are short; anything else falls back to the fingerprint.
  sg_event_id: z
    .string()
    .transform((id) => id.replaceAll('\u0000', ''))
    .pipe(z.string().min(1).max(255))
    .optional()
    .catch(undefined),
  url: optionalText,
  reason: optionalText,
  type: optionalText,
  status: optionalText,
});

const MILLISECONDS_FROM = 1e11; // as seconds this is the year 5138

/** One raw webhook event → EngagementEvent; null (never a throw) for unknown or malformed events. */
export const toEngagementEvent = (raw: unknown): EngagementEvent | null => {
  const parsed = ZRawEvent.safeParse(raw);
  if (!parsed.success) return null;
  const { event, timestamp, sg_event_id, url, reason, type, status } = parsed.data;
  const at = new Date(timestamp >= MILLISECONDS_FROM ? timestamp : timestamp * 1000);
  if (Number.isNaN(at.getTime())) return null;
  return {
    type: event,
    at,
    sgEventId: sg_event_id ?? null,
    ...(url !== undefined && { url }),
    ...(reason !== undefined && { reason }),
    ...(type !== undefined && { bounceType: type }),
    ...(status !== undefined && { status }),
  };
};

/** JSON with object keys sorted at every depth, so key order never changes the text. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/**
 * A stable content hash of a raw event, ignoring `sg_event_id` and key order: SendGrid's retried
 * batches may carry the same event under a new id. Hex SHA-256 of the canonical JSON. It is pure
 * JavaScript (no node:crypto) so this module stays I/O- and platform-free; events are small, and a
 * 256-bit hash makes an accidental collision — which would silently swallow a real event — moot,
 * unlike a 32/64-bit FNV. Two genuinely distinct events identical in every field but the id (two
 * opens in the same second from the same client) collapse into one; that is the price of
 * recognising retries.
 */
export const eventFingerprint = (raw: Record<string, unknown>): string => {
  const { sg_event_id: _ignored, ...content } = raw;
  return sha256Hex(canonicalJson(content));
};
