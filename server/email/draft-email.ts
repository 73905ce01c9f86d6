import type { DraftEmailInput, DraftEmailResultDto, EmailDraftDto } from '../../src/contracts/email.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { contactNotFound } from '../contact/contact-fields.ts';
import { taskNotFound } from '../task/update-task.ts';
import { toEmailDraftDto } from './email-dto.ts';

export const EMAIL_DRAFT_JOB = 'email.draft';

/**
 * "Draft email": records a PENDING draft and queues the AI job; the request returns at once and
 * the written draft arrives with `email.draft_updated`. Without OpenAI nothing is queued and the
 * answer says the AI is offline (the editor opens empty).
 */
export const draftEmail = async (deps: Deps, { tenantId, actorId }: { tenantId: string; actorId: string }, input: DraftEmailInput): Promise<DraftEmailResultDto> => {
  const contact = await deps.db.contact.findFirst({ where: { id: input.contactId, tenantId }, select: { id: true, email: true } });
  if (!contact) throw contactNotFound();
  if (input.taskId && !(await deps.db.task.findFirst({ where: { id: input.taskId, tenantId, contactId: contact.id }, select: { id: true } }))) throw taskNotFound();
  if (!deps.openai) return { ai: 'offline', draft: null };
  if (!contact.email) throw new AppError('INVALID_STATE', { userMessage: 'This contact has no email address.' });
  const draft = await writeWithEvents(deps, tenantId, async (tx) => {
    const row = toEmailDraftDto(
      await tx.emailDraft.create({
        data: { tenantId, contactId: contact.id, taskId: input.taskId ?? null, requestedById: actorId, instructions: input.instructions ?? '' },
      }),
    );
    return { result: row, events: [{ type: 'email.draft_updated', actorId, payload: { draft: row } }] };
  });
  await deps.queue.enqueue(EMAIL_DRAFT_JOB, { tenantId, draftId: draft.id }, { jobId: `email-draft.${draft.id}`, attempts: 3 });
  return { ai: 'online', draft };
};

export const getEmailDraft = async (deps: Deps, { tenantId, draftId }: { tenantId: string; draftId: string }): Promise<EmailDraftDto> => {
  const row = await deps.db.emailDraft.findFirst({ where: { id: draftId, tenantId } });
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Draft not found.' });
  return toEmailDraftDto(row);
};
