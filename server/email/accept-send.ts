import type { EventDraft } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Email } from '../db/generated/client.ts';
import { changeStage } from '../contact/update-contact.ts';
import { taskInclude, toTaskDto } from '../task/task-dto.ts';

/**
 * What follows from the provider accepting an email, in the caller's transaction (the email row
 * locked): its task, if still open, is completed with it at `at`, and a NEW contact becomes
 * CONTACTED. Called once per email — by the send job on a 2xx, or by SendGrid's events when they
 * prove it accepted an email we had not recorded as sent (they beat our write, or the API call
 * timed out after SendGrid took it).
 */
export const completeAcceptedSend = async (tx: Tx, tenantId: string, email: Pick<Email, 'id' | 'taskId' | 'contactId' | 'senderUserId'>, at: Date): Promise<EventDraft[]> => {
  const events: EventDraft[] = [];
  if (email.taskId) {
    const { count } = await tx.task.updateMany({
      where: { id: email.taskId, tenantId, status: 'OPEN' },
      data: { status: 'DONE', completedAt: at, completedById: email.senderUserId, emailId: email.id },
    });
    if (count > 0) {
      const task = toTaskDto(await tx.task.findUniqueOrThrow({ where: { id: email.taskId }, include: taskInclude }));
      events.push({ type: 'task.updated', actorId: email.senderUserId, payload: { task } });
    }
  }
  const locked = await tx.$queryRaw<Array<{ stage: string }>>`SELECT stage FROM "Contact" WHERE id = ${email.contactId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (locked[0]?.stage === 'NEW') {
    events.push(...(await changeStage(tx, { tenantId, contactId: email.contactId, from: 'NEW', to: 'CONTACTED', actorId: email.senderUserId })));
  }
  return events;
};
