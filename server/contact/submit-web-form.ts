import type { EventDraft } from '../../src/contracts/events.ts';
import type { SubmittedLead } from '../../src/domain/form-submission.ts';
import type { WebForm } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { contactInclude, toContactDto } from './contact-dto.ts';
import { normaliseTags } from './contact-fields.ts';
import { insertContact } from './create-contact.ts';

const noteFor = (form: Pick<WebForm, 'name'>, lead: SubmittedLead, at: Date): string => {
  const lines = [lead.message, ...lead.extras.map(([k, v]) => `${k}: ${v}`)].filter(Boolean);
  return lines.length > 0 ? `[${form.name}, ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC]\n${lines.join('\n')}` : '';
};

/**
 * A submission becomes a lead: a new contact (source WEB_FORM, the form's owner and tags) with
 * its cadence tasks, or — when its email or phone is already known — an update of that contact
 * (blanks filled, tags merged, the message added to the notes), never a duplicate. Two
 * simultaneous submissions of one person are settled by the unique keys and a retry.
 */
export const submitWebForm = (deps: Deps, form: WebForm, lead: SubmittedLead, now = new Date()): Promise<{ contactId: string; created: boolean }> =>
  writeWithEvents<{ contactId: string; created: boolean }>(
    deps,
    form.tenantId,
    async (tx) => {
      const tenantId = form.tenantId;
      const byEmail = lead.email ? await tx.contact.findUnique({ where: { tenantId_email: { tenantId, email: lead.email } } }) : null;
      const byPhone = lead.phone ? await tx.contact.findUnique({ where: { tenantId_phone: { tenantId, phone: lead.phone } } }) : null;
      const existing = byEmail ?? byPhone;
      const note = noteFor(form, lead, now);
      await tx.webForm.update({ where: { id: form.id }, data: { submissionCount: { increment: 1 }, lastSubmissionAt: now } });
      if (!existing) {
        const { contact, events } = await insertContact(tx, {
          tenantId,
          actorId: null,
          createTasks: true,
          now,
          data: {
            name: lead.name,
            email: lead.email,
            phone: lead.phone,
            company: lead.company,
            source: 'WEB_FORM',
            stage: 'NEW',
            ownerId: form.ownerId,
            tags: normaliseTags(form.tags),
            notes: note,
          },
        });
        return { result: { contactId: contact.id, created: true }, events };
      }
      await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${existing.id}::uuid FOR UPDATE`;
      const current = await tx.contact.findUniqueOrThrow({ where: { id: existing.id } });
      // The phone is added only if no other contact has it (email and phone may name two people).
      const phoneFree = lead.phone && !current.phone && !(byPhone && byPhone.id !== current.id);
      const updated = await tx.contact.update({
        where: { id: current.id },
        data: {
          name: current.name ? undefined : lead.name || undefined,
          email: current.email ? undefined : (lead.email ?? undefined),
          phone: phoneFree ? lead.phone : undefined,
          company: current.company ? undefined : lead.company || undefined,
          tags: normaliseTags([...current.tags, ...form.tags]),
          notes: note ? [current.notes, note].filter(Boolean).join('\n\n').slice(-10_000) : undefined,
          ownerId: current.ownerId ?? form.ownerId ?? undefined,
        },
        include: contactInclude,
      });
      const events: EventDraft[] = [{ type: 'contact.updated', actorId: null, payload: { contact: toContactDto(updated) } }];
      return { result: { contactId: current.id, created: false }, events };
    },
    { retryOnUniqueViolation: true },
  );
