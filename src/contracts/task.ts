import { z } from 'zod';

export const TASK_STATUSES = ['OPEN', 'DONE', 'SKIPPED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type TaskDto = {
  id: string;
  /** The contact as the task list and the composer need it, including why it must not be emailed. */
  contact: { id: string; name: string; email: string | null; phone: string | null; company: string; doNotEmail: boolean; doNotEmailReason: string | null };
  assigneeId: string | null;
  assignee: { id: string; name: string } | null;
  title: string;
  /** When it is due; a snooze moves it (snoozedUntil says it was snoozed). */
  dueAt: string;
  status: TaskStatus;
  snoozedUntil: string | null;
  completedAt: string | null;
  completedBy: { id: string; name: string } | null;
  /** The email that completed it, when it was completed by sending one. */
  emailId: string | null;
  /** 1-based step of the cadence that created it; null for a task made by hand. */
  cadenceStep: number | null;
  skipReason: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * Which tasks: `mine` = open tasks assigned to me; `today` = open, due before the end of today;
 * `overdue` = open, due before the start of today; `all` = every status and assignee.
 * "Today" is the calendar day in `timeZone` (the user's browser zone), else the workspace's.
 */
export const ZListTasksInput = z.object({
  view: z.enum(['mine', 'today', 'overdue', 'all']).default('mine'),
  /** Whose tasks: default 'me' for mine/today/overdue ('mine' is always me), 'anyone' for all. */
  assignee: z.union([z.uuid(), z.enum(['me', 'anyone', 'none'])]).optional(),
  /** Only for `all`; the other views show open tasks. */
  status: z.enum(TASK_STATUSES).optional(),
  contactId: z.uuid().optional(),
  timeZone: z.string().max(64).optional(),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TaskPageDto = { items: TaskDto[]; nextCursor: string | null; total: number };

export const ZTaskCountsInput = z.object({ timeZone: z.string().max(64).optional() });
/** Open tasks assigned to me: all, due today (overdue included), overdue. */
export type TaskCountsDto = { mine: number; today: number; overdue: number };

export const ZTaskIdInput = z.object({ taskId: z.uuid() });
export const ZSkipTaskInput = z.object({ taskId: z.uuid(), reason: z.string().trim().max(300).optional() });
export const ZSnoozeTaskInput = z.object({ taskId: z.uuid(), until: z.iso.datetime({ offset: true }) });
export const ZReassignTaskInput = z.object({ taskId: z.uuid(), assigneeId: z.uuid() });
export const ZCreateTaskInput = z.object({
  contactId: z.uuid(),
  title: z.string().trim().min(1, { error: 'Say what to do' }).max(200),
  dueAt: z.iso.datetime({ offset: true }),
  /** Defaults to the contact's owner, else me. */
  assigneeId: z.uuid().optional(),
});

// ---------------------------------------------------------------------------------------------
// Cadence: the follow-up tasks a new lead gets.

export type CadenceStepDto = { position: number; dayOffset: number; title: string };
export type CadenceDto = { steps: CadenceStepDto[]; timeZone: string };

export const ZUpdateCadenceInput = z.object({
  steps: z
    .array(
      z.object({
        dayOffset: z.number().int().min(0, { error: 'Day 0 or later' }).max(365, { error: 'Within a year' }),
        title: z.string().trim().min(1, { error: 'Name the step' }).max(200),
      }),
    )
    .max(20, { error: 'At most 20 steps' }),
  /** IANA zone ("Europe/Paris") used for "today" and for due times at the start of a day. */
  timeZone: z.string().trim().min(1).max(64).optional(),
});

export const DEFAULT_CADENCE: ReadonlyArray<{ dayOffset: number; title: string }> = [
  { dayOffset: 0, title: 'Introduce yourself' },
  { dayOffset: 2, title: 'Follow up' },
  { dayOffset: 5, title: 'Check in' },
  { dayOffset: 10, title: 'Share something useful' },
  { dayOffset: 20, title: 'Last follow-up' },
];

export type ListTasksInput = z.infer<typeof ZListTasksInput>;
export type UpdateCadenceInput = z.infer<typeof ZUpdateCadenceInput>;
