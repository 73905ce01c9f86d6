import type { EventDraft } from '../../src/contracts/events.ts';
import {
  blocksFurtherEmail,
  eventFingerprint,
  foldEngagement,
  INITIAL_ENGAGEMENT,
  toEngagementEvent,
  type EngagementEvent,
} from '../../src/domain/email-engagement.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { contactInclude, toContactDto } from '../contact/contact-dto.ts';
import { emailInclude, toEmailDto } from './email-dto.ts';
import { completeAcceptedSend } from './accept-send.ts';
import { fromDeliveryStatus, lockEmail, toDeliveryStatus } from './send-email.job.ts';

export type IncomingEmailEvent = { emailId: string; raw: Record<string, unknown>; event: EngagementEvent };
export type ApplyOutcome = { applied: number; duplicates: number; unknownEmail: number };

/** PostgreSQL jsonb refuses NUL characters; a provider payload carrying one must still store. */
const storable = (raw: Record<string, unknown>): Prisma.InputJsonValue => JSON.parse(JSON.stringify(raw).replaceAll('\\u0000', '')) as Prisma.InputJsonValue;

const blockReason = (reason: string): string =>
  reason === 'spam report' ? 'Reported our email as spam' : reason === 'unsubscribed' ? 'Unsubscribed' : `Email ${reason}`;

/**
 * Stores one workspace's share of an Event Webhook batch and refolds each touched email. Events
 * are deduplicated by the unique keys (sg_event_id; and the content fingerprint, for retries
 * whose id changed), so a repeat changes nothing and emits nothing. The email's engagement is
 * the fold of all its stored events — whatever order they came in — and its status never moves
 * back. A bounce, spam report or unsubscribe marks the contact do-not-email. Only emails of
 * `tenantId` are looked at: an event naming another workspace's email finds nothing.
 */
export const applyEmailEvents = (deps: Deps, tenantId: string, incoming: IncomingEmailEvent[]): Promise<ApplyOutcome> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const outcome: ApplyOutcome = { applied: 0, duplicates: 0, unknownEmail: 0 };
    const events: EventDraft[] = [];
    const byEmail = new Map<string, IncomingEmailEvent[]>();
    for (const item of incoming) byEmail.set(item.emailId, [...(byEmail.get(item.emailId) ?? []), item]);
    // One lock order for every writer: by email id.
    for (const emailId of [...byEmail.keys()].sort()) {
      const batch = byEmail.get(emailId)!;
      const email = await lockEmail(tx, tenantId, emailId);
      if (!email) {
        outcome.unknownEmail += batch.length;
        continue;
      }
      const { count } = await tx.emailEvent.createMany({
        data: batch.map(({ raw, event }) => ({
          tenantId,
          emailId,
          sgEventId: event.sgEventId,
          fingerprint: eventFingerprint(raw),
          type: event.type,
          occurredAt: event.at,
          raw: storable(raw),
        })),
        skipDuplicates: true,
      });
      outcome.applied += count;
      outcome.duplicates += batch.length - count;
      if (count === 0) continue;
      const stored = await tx.emailEvent.findMany({ where: { tenantId, emailId }, select: { raw: true } });
      const all = stored.flatMap((s) => {
        const e = toEngagementEvent(s.raw);
        return e ? [e] : [];
      });
      const state = foldEngagement({ ...INITIAL_ENGAGEMENT, status: toDeliveryStatus(email.status) }, all);
      // SendGrid only reports mail it accepted: an email not yet recorded as sent (the events beat
      // our write, or the API call timed out after SendGrid took it) was sent after all.
      const acceptedAt = email.sentAt || all.length === 0 ? null : new Date(Math.min(...all.map((e) => e.at.getTime())));
      const followUps = acceptedAt ? await completeAcceptedSend(tx, tenantId, email, acceptedAt) : [];
      const updated = await tx.email.update({
        where: { id: emailId },
        data: {
          ...(acceptedAt ? { sentAt: acceptedAt, error: null } : {}),
          status: fromDeliveryStatus(state.status),
          deliveredAt: state.deliveredAt,
          firstOpenedAt: state.firstOpenedAt,
          lastOpenedAt: state.lastOpenedAt,
          openCount: state.openCount,
          clicks: state.clicks.map((c) => ({ url: c.url, count: c.count, firstAt: c.firstAt.toISOString(), lastAt: c.lastAt.toISOString() })),
          bounceReason: state.bounceReason,
          dropReason: state.dropReason,
          spamReportedAt: state.spamReportedAt,
          unsubscribedAt: state.unsubscribedAt,
        },
        include: emailInclude,
      });
      // The email first: a client places the task's completion against it.
      events.push({ type: 'email.updated', actorId: null, payload: { email: toEmailDto(updated) } }, ...followUps);
      const block = blocksFurtherEmail(state);
      if (block) {
        const { count: marked } = await tx.contact.updateMany({
          where: { id: email.contactId, tenantId, doNotEmail: false },
          data: { doNotEmail: true, doNotEmailReason: blockReason(block) },
        });
        if (marked > 0) {
          const contact = await tx.contact.findUniqueOrThrow({ where: { id: email.contactId }, include: contactInclude });
          events.push({ type: 'contact.updated', actorId: null, payload: { contact: toContactDto(contact) } });
        }
      }
    }
    return { result: outcome, events };
  });
