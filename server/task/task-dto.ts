import type { TaskDto } from '../../src/contracts/task.ts';
import type { Task } from '../db/generated/client.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const taskInclude = {
  contact: { select: { id: true, name: true, email: true, phone: true, company: true, doNotEmail: true, doNotEmailReason: true } },
  assignee: { select: { id: true, name: true } },
  completedBy: { select: { id: true, name: true } },
} as const;

type TaskRow = Task & {
  contact: TaskDto['contact'];
  assignee: { id: string; name: string } | null;
  completedBy: { id: string; name: string } | null;
};

export const toTaskDto = (t: TaskRow): TaskDto => ({
  id: t.id,
  contact: { ...t.contact },
  assigneeId: t.assigneeId,
  assignee: t.assignee ? { id: t.assignee.id, name: t.assignee.name } : null,
  title: t.title,
  dueAt: t.dueAt.toISOString(),
  status: t.status,
  snoozedUntil: iso(t.snoozedUntil),
  completedAt: iso(t.completedAt),
  completedBy: t.completedBy ? { id: t.completedBy.id, name: t.completedBy.name } : null,
  emailId: t.emailId,
  cadenceStep: t.cadenceStep,
  skipReason: t.skipReason,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
