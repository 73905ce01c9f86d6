import type { ContactDto, ContactSource, ContactStage, CreateContactInput } from '../../src/contracts/contact.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { createCadenceTasks } from '../task/cadence.ts';
import { contactInclude, toContactDto } from './contact-dto.ts';
import { assertUnique, normaliseTags, phoneOrThrow, requireMember } from './contact-fields.ts';

export type Actor = { tenantId: string; actorId: string; actorRole?: 'ADMIN' | 'SUPERVISOR' | 'AGENT' };

export type NewContact = {
  name: string;
  email: string | null;
  phone: string | null;
  company: string;
  source: ContactSource;
  stage: ContactStage;
  ownerId: string | null;
  tags: string[];
  notes: string;
};

/**
 * Inserts a contact with its first stage change and, for a lead, its cadence tasks — all in the
 * caller's transaction, so a lead never exists without its follow-ups. Used by manual creation,
 * web forms and imports.
 */
export const insertContact = async (
  tx: Tx,
  { tenantId, actorId, data, createTasks, now = new Date() }: { tenantId: string; actorId: string | null; data: NewContact; createTasks: boolean; now?: Date },
): Promise<{ contact: ContactDto; events: EventDraft[] }> => {
  const row = await tx.contact.create({ data: { tenantId, ...data, createdAt: now }, include: contactInclude });
  await tx.contactStageChange.create({ data: { tenantId, contactId: row.id, fromStage: null, toStage: data.stage, actorId, createdAt: now } });
  const contact = toContactDto(row);
  const events: EventDraft[] = [{ type: 'contact.created', actorId, payload: { contact } }];
  if (createTasks) events.push(...(await createCadenceTasks(tx, { tenantId, contactId: row.id, assigneeId: data.ownerId, now, actorId })));
  return { contact, events };
};

export const createContact = (deps: Deps, { tenantId, actorId }: Actor, input: CreateContactInput): Promise<ContactDto> => {
  const phone = input.phone ? phoneOrThrow(input.phone) : null;
  return writeWithEvents(deps, tenantId, async (tx) => {
    const ownerId = input.ownerId === undefined ? actorId : input.ownerId;
    if (ownerId) await requireMember(tx, tenantId, ownerId);
    await assertUnique(tx, tenantId, { email: input.email, phone });
    const { contact, events } = await insertContact(tx, {
      tenantId,
      actorId,
      createTasks: input.createTasks,
      data: {
        name: input.name,
        email: input.email ?? null,
        phone,
        company: input.company,
        source: input.source,
        stage: input.stage,
        ownerId,
        tags: normaliseTags(input.tags),
        notes: input.notes,
      },
    });
    return { result: contact, events };
  }, { retryOnUniqueViolation: true });
};
