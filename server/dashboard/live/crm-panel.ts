import { DateTime } from 'luxon';
import type { LiveSnapshotDto } from '../../../src/contracts/dashboard.ts';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import type { LivePanel } from './panels.ts';

/**
 * Events that can move today's email or task figures: email sends and folded engagement, task
 * changes, and contacts (creating a lead creates its cadence tasks, deleting one removes its tasks
 * and emails, an import does both in bulk). Drafts change nothing here.
 */
export const touchesCrm = (e: TenantEvent) =>
  (e.type.startsWith('email.') && e.type !== 'email.draft_updated') || e.type.startsWith('task.') || e.type.startsWith('contact.') || e.type === 'contacts.imported';

/**
 * Today's emails and tasks since the viewer's midnight. Opens and bounces are counted from the
 * stored events (by when they happened, so an email sent yesterday and opened today counts),
 * one email once. Tasks use the task lists' definitions: due today = open and due before the next
 * midnight but not before this one; overdue = open and due before this midnight. Each count is
 * one index range: Email (tenantId, sentAt), EmailEvent (tenantId, type, occurredAt),
 * Task (tenantId, status, dueAt).
 */
export const crmPanel: LivePanel<LiveSnapshotDto['crm']> = {
  affectedBy: touchesCrm,
  compute: async (deps, { tenantId, dayStart, timeZone }) => {
    const dayEnd = DateTime.fromJSDate(dayStart).setZone(timeZone).plus({ days: 1 }).toJSDate();
    const [row] = await deps.db.$queryRaw<Array<Record<string, bigint>>>`
      SELECT
        (SELECT count(*) FROM "Email" WHERE "tenantId" = ${tenantId}::uuid AND "sentAt" >= ${dayStart} AND NOT outbox) AS sent,
        (SELECT count(DISTINCT "emailId") FROM "EmailEvent" WHERE "tenantId" = ${tenantId}::uuid AND type IN ('open', 'click') AND "occurredAt" >= ${dayStart}) AS opened,
        (SELECT count(DISTINCT "emailId") FROM "EmailEvent" WHERE "tenantId" = ${tenantId}::uuid AND type = 'bounce' AND "occurredAt" >= ${dayStart}) AS bounced,
        (SELECT count(*) FROM "Task" WHERE "tenantId" = ${tenantId}::uuid AND status = 'OPEN' AND "dueAt" >= ${dayStart} AND "dueAt" < ${dayEnd}) AS due_today,
        (SELECT count(*) FROM "Task" WHERE "tenantId" = ${tenantId}::uuid AND status = 'OPEN' AND "dueAt" < ${dayStart}) AS overdue`;
    const n = (k: string) => Number(row?.[k] ?? 0);
    return { data: { emailsSent: n('sent'), emailsOpened: n('opened'), emailsBounced: n('bounced'), tasksDueToday: n('due_today'), tasksOverdue: n('overdue') } };
  },
};
