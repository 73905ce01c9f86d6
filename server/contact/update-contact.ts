import type { ContactDto, ContactStage, UpdateContactInput } from '../../src/contracts/contact.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { hasRole } from '../../src/domain/roles.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { taskInclude, toTaskDto } from '../task/task-dto.ts';
import { contactInclude, toContactDto, toStageChangeDto } from './contact-dto.ts';
import { assertUnique, lockContact, normaliseTags, phoneOrThrow, requireMember } from './contact-fields.ts';
import type { Actor } from './create-contact.ts';

/**
 * Moves a contact to `stage` in the caller's transaction (row already locked), recording the
 * change for the timeline and pipeline analytics. Returns the events, or none when unchanged.
 */
export const changeStage = async (
  tx: Tx,
  { tenantId, contactId, from, to, actorId }: { tenantId: string; contactId: string; from: ContactStage; to: ContactStage; actorId: string | null },
): Promise<EventDraft[]> => {
  if (from === to) return [];
  const row = await tx.contact.update({ where: { id: contactId }, data: { stage: to }, include: contactInclude });
  const change = await tx.contactStageChange.create({ data: { tenantId, contactId, fromStage: from, toStage: to, actorId } });
  const actor = actorId ? await tx.user.findUnique({ where: { id: actorId }, select: { id: true, name: true } }) : null;
  return [{ type: 'contact.stage_changed', actorId, payload: { contact: toContactDto(row), change: toStageChangeDto(change, actor) } }];
};

export const updateContact = (deps: Deps, { tenantId, actorId, actorRole }: Actor, input: UpdateContactInput): Promise<ContactDto> => {
  const phone = input.phone ? phoneOrThrow(input.phone) : input.phone;
  return writeWithEvents(deps, tenantId, async (tx) => {
    await lockContact(tx, tenantId, input.contactId);
    const current = await tx.contact.findUniqueOrThrow({ where: { id: input.contactId } });
    if (input.ownerId) await requireMember(tx, tenantId, input.ownerId);
    await assertUnique(tx, tenantId, { email: input.email, phone, exceptId: current.id });
    if (phone === null && current.phone && (await tx.conversation.count({ where: { tenantId, contactId: current.id } })) > 0) {
      throw new AppError('INVALID_STATE', { userMessage: 'This contact has WhatsApp conversations, so its phone number cannot be removed.' });
    }
    // A block set because the address bounced or complained protects the sender's reputation:
    // lifting it is a supervisor's decision.
    if (input.doNotEmail === false && current.doNotEmail && !hasRole(actorRole ?? 'AGENT', 'SUPERVISOR')) {
      throw new AppError('FORBIDDEN', { userMessage: 'Only supervisors and above can allow emails to a blocked contact again.' });
    }
    const data: Prisma.ContactUpdateInput = {
      name: input.name,
      email: input.email,
      phone,
      company: input.company,
      source: input.source,
      tags: input.tags ? normaliseTags(input.tags) : undefined,
      notes: input.notes,
      ...(input.ownerId !== undefined ? { owner: input.ownerId ? { connect: { id: input.ownerId } } : { disconnect: true } } : {}),
      ...(input.doNotEmail !== undefined
        ? { doNotEmail: input.doNotEmail, doNotEmailReason: input.doNotEmail ? input.doNotEmailReason || 'Marked by hand' : null }
        : {}),
    };
    const row = await tx.contact.update({ where: { id: current.id }, data, include: contactInclude });
    const events: EventDraft[] = [];
    // A new owner takes over the open follow-ups the previous owner (or nobody) had on this lead.
    if (input.ownerId && input.ownerId !== current.ownerId) {
      const moving = await tx.task.findMany({
        where: { tenantId, contactId: current.id, status: 'OPEN', OR: [{ assigneeId: current.ownerId }, { assigneeId: null }] },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      for (const { id } of moving) {
        const task = await tx.task.update({ where: { id }, data: { assigneeId: input.ownerId }, include: taskInclude });
        events.push({ type: 'task.updated', actorId, payload: { task: toTaskDto(task) } });
      }
    }
    const stageEvents = input.stage ? await changeStage(tx, { tenantId, contactId: current.id, from: current.stage, to: input.stage, actorId }) : [];
    if (stageEvents.length === 0) events.push({ type: 'contact.updated', actorId, payload: { contact: toContactDto(row) } });
    events.push(...stageEvents);
    const latest = stageEvents.length > 0 ? await tx.contact.findUniqueOrThrow({ where: { id: current.id }, include: contactInclude }) : row;
    return { result: toContactDto(latest), events };
  }, { retryOnUniqueViolation: true });
};

export const setContactStage = (deps: Deps, actor: Actor, { contactId, stage }: { contactId: string; stage: ContactStage }): Promise<ContactDto> =>
  writeWithEvents(deps, actor.tenantId, async (tx) => {
    await lockContact(tx, actor.tenantId, contactId);
    const current = await tx.contact.findUniqueOrThrow({ where: { id: contactId } });
    const events = await changeStage(tx, { tenantId: actor.tenantId, contactId, from: current.stage, to: stage, actorId: actor.actorId });
    const row = await tx.contact.findUniqueOrThrow({ where: { id: contactId }, include: contactInclude });
    return { result: toContactDto(row), events };
  });
