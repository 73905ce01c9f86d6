import type { ContactDto, StageChangeDto } from '../../src/contracts/contact.ts';
import type { Contact, ContactStageChange } from '../db/generated/client.ts';

export const contactInclude = { owner: { select: { id: true, name: true } } } as const;

export const toContactDto = (c: Contact & { owner: { id: string; name: string } | null }): ContactDto => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  company: c.company,
  source: c.source,
  stage: c.stage,
  ownerId: c.ownerId,
  owner: c.owner ? { id: c.owner.id, name: c.owner.name } : null,
  tags: c.tags,
  notes: c.notes,
  doNotEmail: c.doNotEmail,
  doNotEmailReason: c.doNotEmailReason,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});


export const toStageChangeDto = (s: ContactStageChange, actor: { id: string; name: string } | null): StageChangeDto => ({
  id: s.id,
  contactId: s.contactId,
  from: s.fromStage,
  to: s.toStage,
  actor,
  at: s.createdAt.toISOString(),
});
