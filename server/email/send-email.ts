import type { EmailDto, SendEmailInput } from '../../src/contracts/email.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { lockContact } from '../contact/contact-fields.ts';
import { taskNotFound } from '../task/update-task.ts';
import { emailInclude, toEmailDto } from './email-dto.ts';
import { loadCrmSettings, sendgridKeyFor } from './email-settings.ts';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email.ts';

export const SEND_EMAIL_JOB = 'email.send';
/** Where outbox mail claims to come from when no verified sender is set (it never leaves). */
export const OUTBOX_FROM = 'outbox@switchboard.invalid';

type Actor = { tenantId: string; actorId: string };

export const emailNotFound = () => new AppError('NOT_FOUND', { userMessage: 'Email not found.' });

export const enqueueSend = (deps: Deps, tenantId: string, emailId: string) =>
  deps.queue.enqueue(SEND_EMAIL_JOB, { tenantId, emailId }, { jobId: `email-send.${emailId}`, attempts: 5 });

/** Why a contact cannot be emailed, as the user should read it; null when it can. */
export const refusalFor = (contact: { email: string | null; doNotEmail: boolean; doNotEmailReason: string | null }): string | null => {
  if (!contact.email) return 'This contact has no email address.';
  if (contact.doNotEmail) return `This contact is marked do-not-email${contact.doNotEmailReason ? ` (${contact.doNotEmailReason})` : ''}: emails to them are blocked.`;
  return null;
};

/** The sender line: the agent's name at the workspace's verified address. */
const senderFor = async (deps: Deps, tx: Tx, tenantId: string, actorId: string) => {
  // One connection inside a transaction: queries run one after another.
  const settings = await loadCrmSettings(tx, tenantId);
  const user = await tx.user.findFirstOrThrow({ where: { id: actorId, tenantId }, select: { name: true } });
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } });
  const live = sendgridKeyFor(deps, settings) !== null;
  if (live && !settings?.fromAddress) {
    throw new AppError('INVALID_STATE', { userMessage: 'Set the verified sender address in Settings → Email before sending.' });
  }
  return { fromName: user.name || settings?.fromName || tenant.name, fromAddress: settings?.fromAddress ?? OUTBOX_FROM };
};

/**
 * Writes the email QUEUED and queues its send; the request returns at once and the send result
 * (and, from a task, the task's completion) arrives live. The task is completed only when the
 * provider accepts the email, in the transaction that records the send — a refused send leaves
 * it open. A client id makes a retried request return the same email.
 */
export const sendEmail = async (deps: Deps, { tenantId, actorId }: Actor, input: SendEmailInput): Promise<EmailDto> => {
  const html = sanitizeEmailHtml(input.html);
  const text = htmlToText(html);
  if (!text) throw new AppError('INVALID_INPUT', { userMessage: 'Write the email.' });
  const { email, created } = await writeWithEvents(
    deps,
    tenantId,
    async (tx) => {
      if (input.clientEmailId) {
        const twin = await tx.email.findUnique({ where: { tenantId_clientEmailId: { tenantId, clientEmailId: input.clientEmailId } }, include: emailInclude });
        if (twin) return { result: { email: toEmailDto(twin), created: false }, events: [] };
      }
      await lockContact(tx, tenantId, input.contactId);
      const contact = await tx.contact.findUniqueOrThrow({ where: { id: input.contactId } });
      const refusal = refusalFor(contact);
      if (refusal) throw new AppError('INVALID_STATE', { userMessage: refusal });
      if (input.draftId && !(await tx.emailDraft.findFirst({ where: { id: input.draftId, tenantId, contactId: contact.id }, select: { id: true } }))) {
        throw new AppError('NOT_FOUND', { userMessage: 'Draft not found.' });
      }
      if (input.taskId) {
        const task = await tx.task.findFirst({ where: { id: input.taskId, tenantId, contactId: contact.id } });
        if (!task) throw taskNotFound();
        if (task.status !== 'OPEN') throw new AppError('INVALID_STATE', { userMessage: 'This task is already closed.' });
      }
      const sender = await senderFor(deps, tx, tenantId, actorId);
      const row = await tx.email.create({
        data: {
          tenantId,
          contactId: contact.id,
          taskId: input.taskId ?? null,
          senderUserId: actorId,
          clientEmailId: input.clientEmailId ?? null,
          ...sender,
          to: contact.email!,
          subject: input.subject,
          html,
          text,
        },
        include: emailInclude,
      });
      const dto = toEmailDto(row);
      return { result: { email: dto, created: true }, events: [{ type: 'email.created', actorId, payload: { email: dto } }] };
    },
    { retryOnUniqueViolation: true },
  );
  // After commit; a lost enqueue is found by the start-up reconciler (QUEUED emails).
  if (created) await enqueueSend(deps, tenantId, email.id);
  return email;
};

/** Sends a FAILED email again (after fixing the sender settings, say), as the same email. */
export const retryEmail = async (deps: Deps, { tenantId, actorId }: Actor, { emailId }: { emailId: string }): Promise<EmailDto> => {
  const email = await writeWithEvents(deps, tenantId, async (tx) => {
    const row = await tx.email.findFirst({ where: { id: emailId, tenantId }, include: { contact: true } });
    if (!row) throw emailNotFound();
    if (row.status !== 'FAILED') throw new AppError('INVALID_STATE', { userMessage: 'Only a failed email can be sent again.' });
    const refusal = refusalFor(row.contact);
    if (refusal) throw new AppError('INVALID_STATE', { userMessage: refusal });
    if (row.taskId) {
      const task = await tx.task.findFirst({ where: { id: row.taskId, tenantId } });
      if (task && task.status !== 'OPEN') throw new AppError('INVALID_STATE', { userMessage: 'Its task was closed meanwhile; send a new email instead.' });
    }
    const sender = await senderFor(deps, tx, tenantId, row.senderUserId ?? actorId);
    const updated = toEmailDto(
      await tx.email.update({ where: { id: row.id }, data: { status: 'QUEUED', error: null, attempts: 0, ...sender }, include: emailInclude }),
    );
    return { result: updated, events: [{ type: 'email.updated', actorId, payload: { email: updated } }] };
  });
  // A distinct job id: the failed job's id may still be held by the queue.
  await deps.queue.enqueue(SEND_EMAIL_JOB, { tenantId, emailId }, { jobId: `email-send.${emailId}.retry-${Date.now()}`, attempts: 5 });
  return email;
};
