import { z } from 'zod';
import type { EventDraft } from '../../src/contracts/events.ts';
import { STATUS_RANK, type EmailDeliveryStatus } from '../../src/domain/email-engagement.ts';
import type { Tx } from '../db/client.ts';
import type { EmailStatus } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { completeAcceptedSend } from './accept-send.ts';
import { emailInclude, toEmailDto } from './email-dto.ts';
import { loadCrmSettings, sendgridKeyFor } from './email-settings.ts';
import { refusalFor } from './send-email.ts';
import { createSendgridMailer, sendThroughSendgrid, type SendOutcome } from './sendgrid-client.ts';

const ZPayload = z.object({ tenantId: z.uuid(), emailId: z.uuid() });

class RetryableSendError extends Error {}

export const toDeliveryStatus = (s: EmailStatus): EmailDeliveryStatus => s.toLowerCase() as EmailDeliveryStatus;
export const fromDeliveryStatus = (s: EmailDeliveryStatus): EmailStatus => s.toUpperCase() as EmailStatus;

/** Locks the email row: the send result and webhook events for the same email serialise on it. */
export const lockEmail = async (tx: Tx, tenantId: string, emailId: string) => {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Email" WHERE id = ${emailId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  return rows.length === 0 ? null : tx.email.findUniqueOrThrow({ where: { id: emailId } });
};

type Result = (SendOutcome & { outbox: boolean }) | { ok: false; retryable: false; status: null; error: string; outbox: false };

/**
 * Records the send result. Success: SENT (or further, when SendGrid's events beat us here), and
 * — unless those events already did — the email's task completed with it, in this one
 * transaction: a task is never completed by an email that was not accepted, nor an accepted email
 * left with its task open. Failure: FAILED with the reason; the task stays open.
 */
const record = (deps: Deps, tenantId: string, emailId: string, attempt: number, result: Result) =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const email = await lockEmail(tx, tenantId, emailId);
    if (!email) return { result: undefined, events: [] };
    const now = new Date();
    const events: EventDraft[] = [];
    if (result.ok) {
      // A twin run already recorded it.
      if (email.sentAt && (email.providerMessageId || email.outbox)) return { result: undefined, events: [] };
      const current = toDeliveryStatus(email.status);
      const status = current !== 'failed' && STATUS_RANK[current] > STATUS_RANK.sent ? email.status : 'SENT';
      await tx.email.update({
        where: { id: emailId },
        data: { status, sentAt: email.sentAt ?? now, providerMessageId: email.providerMessageId ?? result.providerMessageId, outbox: result.outbox, attempts: attempt, error: null },
      });
      if (!email.sentAt) events.push(...(await completeAcceptedSend(tx, tenantId, email, now)));
    } else {
      if (email.sentAt || email.status !== 'QUEUED') return { result: undefined, events: [] };
      await tx.email.update({ where: { id: emailId }, data: { status: 'FAILED', error: result.error, attempts: attempt } });
    }
    const dto = toEmailDto(await tx.email.findUniqueOrThrow({ where: { id: emailId }, include: emailInclude }));
    events.unshift({ type: 'email.updated', actorId: null, payload: { email: dto } });
    return { result: undefined, events };
  });

/** A retryable failure: the attempt and its reason shown on the email while it stays QUEUED. */
const noteAttempt = (deps: Deps, tenantId: string, emailId: string, attempt: number, error: string) =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { count } = await tx.email.updateMany({ where: { id: emailId, tenantId, status: 'QUEUED', sentAt: null }, data: { attempts: attempt, error } });
    if (count === 0) return { result: undefined, events: [] };
    const dto = toEmailDto(await tx.email.findUniqueOrThrow({ where: { id: emailId }, include: emailInclude }));
    return { result: undefined, events: [{ type: 'email.updated', actorId: null, payload: { email: dto } }] };
  });

/**
 * Sends one QUEUED email through `@sendgrid/mail` with the workspace's key (or the
 * deployment's), from the agent's name at the verified sender, with custom args naming the
 * email and workspace so webhook events route back to it. Without a key it goes to the dev
 * outbox. 429/5xx/network failures retry with backoff; other 4xx, or the last attempt, fail it.
 * SendGrid has no idempotency key: a crash between its 202 and our commit can send twice.
 */
export const sendEmailJob =
  (deps: Deps) =>
  async (raw: unknown, { attempt, maxAttempts }: { attempt: number; maxAttempts: number }): Promise<void> => {
    const { tenantId, emailId } = ZPayload.parse(raw);
    const email = await deps.db.email.findFirst({ where: { id: emailId, tenantId }, include: { contact: true } });
    if (!email || email.sentAt || email.status === 'FAILED') return;
    const refusal = refusalFor(email.contact);
    if (refusal) {
      await record(deps, tenantId, emailId, attempt, { ok: false, retryable: false, status: null, error: refusal, outbox: false });
      return;
    }
    const key = sendgridKeyFor(deps, await loadCrmSettings(deps.db, tenantId));
    let result: Result;
    if (!key) {
      result = { ok: true, providerMessageId: null, outbox: true };
    } else {
      const mailer = createSendgridMailer(key, deps.config.sendgrid.baseUrl);
      const outcome = await sendThroughSendgrid(mailer, {
        to: { email: email.to, name: email.contact.name || undefined },
        from: { email: email.fromAddress, name: email.fromName },
        subject: email.subject,
        html: email.html,
        text: email.text,
        customArgs: { emailId, tenantId },
        trackingSettings: { openTracking: { enable: true }, clickTracking: { enable: true, enableText: false } },
      });
      if (!outcome.ok && outcome.retryable && attempt < maxAttempts) {
        deps.log.warn({ tenantId, emailId, attempt, status: outcome.status }, 'email send failed; retrying');
        await noteAttempt(deps, tenantId, emailId, attempt, `Retrying: ${outcome.error}`);
        throw new RetryableSendError(outcome.error);
      }
      result = { ...outcome, outbox: false };
    }
    await record(deps, tenantId, emailId, attempt, result);
    deps.log.info({ tenantId, emailId, ok: result.ok, outbox: result.outbox, ...(result.ok ? {} : { status: result.status }) }, 'email send finished');
  };
