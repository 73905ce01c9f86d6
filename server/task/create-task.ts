import type { TaskDto } from '../../src/contracts/task.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { contactNotFound, requireMember } from '../contact/contact-fields.ts';
import { taskInclude, toTaskDto } from './task-dto.ts';

/** A one-off task on a contact, assigned to whoever is named, else the contact's owner, else me. */
export const createTask = (
  deps: Deps,
  { tenantId, actorId }: { tenantId: string; actorId: string },
  input: { contactId: string; title: string; dueAt: string; assigneeId?: string },
): Promise<TaskDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: input.contactId, tenantId }, select: { id: true, ownerId: true } });
    if (!contact) throw contactNotFound();
    const assigneeId = input.assigneeId ?? contact.ownerId ?? actorId;
    await requireMember(tx, tenantId, assigneeId);
    const task = toTaskDto(
      await tx.task.create({ data: { tenantId, contactId: contact.id, assigneeId, title: input.title, dueAt: new Date(input.dueAt) }, include: taskInclude }),
    );
    return { result: task, events: [{ type: 'task.created', actorId, payload: { task } }] };
  });
