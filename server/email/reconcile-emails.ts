import type { Deps } from '../deps.ts';
import { EMAIL_DRAFT_JOB } from './draft-email.ts';
import { enqueueSend } from './send-email.ts';

/**
 * Re-enqueues email work the database says is owed: emails written but not sent (a send job lost
 * with Redis, or never enqueued) and drafts still pending. Deterministic job ids make it safe to
 * run on every start. `tenantId` limits it to one workspace.
 */
export const reconcileEmails = async (deps: Deps, tenantId?: string): Promise<number> => {
  const scope = tenantId ? { tenantId } : {};
  const emails = await deps.db.email.findMany({ where: { ...scope, status: 'QUEUED', sentAt: null }, select: { id: true, tenantId: true }, take: 10_000 });
  for (const e of emails) await enqueueSend(deps, e.tenantId, e.id);
  const drafts = await deps.db.emailDraft.findMany({ where: { ...scope, status: 'PENDING' }, select: { id: true, tenantId: true }, take: 10_000 });
  for (const d of drafts) await deps.queue.enqueue(EMAIL_DRAFT_JOB, { tenantId: d.tenantId, draftId: d.id }, { jobId: `email-draft.${d.id}`, attempts: 3 });
  return emails.length + drafts.length;
};
