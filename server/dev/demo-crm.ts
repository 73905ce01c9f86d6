import { randomUUID } from 'node:crypto';
import { toEngagementEvent } from '../../src/domain/email-engagement.ts';
import { createContact } from '../contact/create-contact.ts';
import { createWebForm } from '../contact/manage-web-forms.ts';
import type { Deps } from '../deps.ts';
import { applyEmailEvents, type IncomingEmailEvent } from '../email/apply-email-events.ts';
import { htmlToText } from '../email/sanitize-email.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { completeTask } from '../task/update-task.ts';

const LEADS = [
  { name: 'Priya Patel', email: 'priya.patel@example.com', phone: '+14155550141', company: 'Northwind Interiors', stage: 'QUALIFIED', tags: ['hotel', 'bulk'], source: 'WEB_FORM' },
  { name: 'Marco Rossi', email: 'marco.rossi@example.com', phone: null, company: 'Rossi & Figli', stage: 'CONTACTED', tags: ['italy'], source: 'IMPORT' },
  { name: 'Hannah Lee', email: 'hannah.lee@example.com', phone: '+447700900123', company: '', stage: 'NEW', tags: [], source: 'MANUAL' },
  { name: 'Omar Haddad', email: 'omar@example.com', phone: null, company: 'Haddad Offices', stage: 'LOST', tags: ['office'], source: 'EMAIL' },
] as const;

/**
 * Demo leads with their cadence tasks (some done), one web form, and emails whose engagement
 * came from SendGrid-shaped events folded by the real code path, so every CRM screen has
 * something to show. The demo emails were never sent anywhere: they are written as sent with a
 * `demo.` provider id.
 */
export const seedDemoCrm = async (deps: Deps, { tenantId, actorId }: { tenantId: string; actorId: string }): Promise<void> => {
  const actor = { tenantId, actorId };
  await deps.db.user.update({ where: { id: actorId }, data: { title: 'Sales Manager', phone: '+14155550100', emailSignature: 'Demo Admin\nSales Manager, Demo workspace' } });
  await createWebForm(deps, { ...actor, appUrl: deps.config.publicUrl ?? `http://localhost:${deps.config.port}` }, { name: 'Website contact form', requiredFields: ['name'], tags: ['website'] });
  const contacts = [];
  for (const lead of LEADS) {
    contacts.push(await createContact(deps, actor, { ...lead, phone: lead.phone ?? undefined, tags: [...lead.tags], notes: '', ownerId: actorId, createTasks: true }));
  }
  const now = Date.now();
  const emails: Array<{ contactId: string; subject: string; html: string; events: Array<[string, number, Record<string, unknown>?]> }> = [
    {
      contactId: contacts[0]!.id,
      subject: 'Your hotel lobby project',
      html: '<p>Hi Priya,</p><p>Thanks for your request. Here is our <a href="https://example.com/catalogue">bulk catalogue</a>.</p><p>Best regards,</p>',
      events: [['processed', -180], ['delivered', -179], ['open', -120], ['open', -60], ['click', -59, { url: 'https://example.com/catalogue' }]],
    },
    {
      contactId: contacts[1]!.id,
      subject: 'Following up on our call',
      html: '<p>Ciao Marco,</p><p>As promised, the samples ship on Monday.</p><p>Best regards,</p>',
      events: [['processed', -30], ['delivered', -29]],
    },
  ];
  for (const spec of emails) {
    const contact = contacts.find((c) => c.id === spec.contactId)!;
    const task = await deps.db.task.findFirst({ where: { tenantId, contactId: contact.id, cadenceStep: 1 } });
    const email = await writeWithEvents(deps, tenantId, async (tx) => {
      const sentAt = new Date(now + (spec.events[0]![1] - 1) * 60_000);
      const row = await tx.email.create({
        data: {
          tenantId,
          contactId: contact.id,
          taskId: task?.id ?? null,
          senderUserId: actorId,
          fromName: 'Demo Admin',
          fromAddress: 'sales@demo.switchboard.test',
          to: contact.email!,
          subject: spec.subject,
          html: spec.html,
          text: htmlToText(spec.html),
          status: 'SENT',
          providerMessageId: `demo.${randomUUID()}`,
          attempts: 1,
          sentAt,
          createdAt: sentAt,
        },
      });
      if (task) await tx.task.update({ where: { id: task.id }, data: { status: 'DONE', completedAt: sentAt, completedById: actorId, emailId: row.id } });
      return { result: row, events: [] };
    });
    const incoming: IncomingEmailEvent[] = spec.events.flatMap(([type, minutes, extra]) => {
      const raw = { email: contact.email, event: type, timestamp: Math.floor((now + minutes * 60_000) / 1000), sg_event_id: randomUUID(), emailId: email.id, tenantId, ...extra };
      const event = toEngagementEvent(raw);
      return event ? [{ emailId: email.id, raw, event }] : [];
    });
    await applyEmailEvents(deps, tenantId, incoming);
  }
  // Hannah's first follow-up is done by hand.
  const first = await deps.db.task.findFirst({ where: { tenantId, contactId: contacts[2]!.id, cadenceStep: 1 } });
  if (first) await completeTask(deps, actor, { taskId: first.id });
};
