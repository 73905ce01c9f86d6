import { DateTime } from 'luxon';
import type { ListTasksInput, TaskCountsDto, TaskPageDto } from '../../src/contracts/task.ts';
import { AppError } from '../../src/errors.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import { contactNotFound } from '../contact/contact-fields.ts';
import { isTimeZone, workspaceTimeZone } from './cadence.ts';
import { taskInclude, toTaskDto } from './task-dto.ts';

/** The start and end of "today" in the user's zone if given (and valid), else the workspace's. */
const todayBounds = async (deps: Deps, tenantId: string, timeZone: string | undefined, now: Date) => {
  if (timeZone && !isTimeZone(timeZone)) throw new AppError('INVALID_INPUT', { userMessage: `"${timeZone}" is not a time zone.` });
  const zone = timeZone ?? (await workspaceTimeZone(deps.db, tenantId));
  const local = DateTime.fromJSDate(now).setZone(zone);
  return { start: local.startOf('day').toJSDate(), end: local.plus({ days: 1 }).startOf('day').toJSDate() };
};

const assigneeWhere = (assignee: string, userId: string): Prisma.TaskWhereInput =>
  assignee === 'anyone' ? {} : assignee === 'me' ? { assigneeId: userId } : assignee === 'none' ? { assigneeId: null } : { assigneeId: assignee };

const taskWhere = async (
  deps: Deps,
  { tenantId, userId, view, assignee, status, contactId, timeZone }: Omit<ListTasksInput, 'cursor' | 'limit'> & { tenantId: string; userId: string },
  now: Date,
): Promise<Prisma.TaskWhereInput> => {
  const who = view === 'mine' ? 'me' : (assignee ?? (view === 'all' ? 'anyone' : 'me'));
  const base: Prisma.TaskWhereInput = { tenantId, ...assigneeWhere(who, userId), ...(contactId ? { contactId } : {}) };
  if (view === 'all') return { ...base, ...(status ? { status } : {}) };
  if (view === 'mine') return { ...base, status: 'OPEN' };
  const { start, end } = await todayBounds(deps, tenantId, timeZone, now);
  return { ...base, status: 'OPEN', dueAt: { lt: view === 'today' ? end : start } };
};

/** Soonest due first (overdue at the top), keyset-paginated on (dueAt, id), with the real total. */
export const listTasks = async (
  deps: Deps,
  { cursor, limit, ...filter }: ListTasksInput & { tenantId: string; userId: string },
  now = new Date(),
): Promise<TaskPageDto> => {
  if (filter.contactId && !(await deps.db.contact.findFirst({ where: { id: filter.contactId, tenantId: filter.tenantId }, select: { id: true } }))) {
    throw contactNotFound();
  }
  const where = await taskWhere(deps, filter, now);
  const after = cursor ? decodeCursor(cursor) : null;
  const pageWhere: Prisma.TaskWhereInput = after
    ? { AND: [where, { OR: [{ dueAt: { gt: new Date(after.at) } }, { dueAt: new Date(after.at), id: { gt: after.id } }] }] }
    : where;
  const [rows, total] = await Promise.all([
    deps.db.task.findMany({ where: pageWhere, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: limit + 1, include: taskInclude }),
    deps.db.task.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toTaskDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.dueAt.toISOString(), id: last.id }) : null,
    total,
  };
};

/** Badge numbers for my open tasks. */
export const countTasks = async (
  deps: Deps,
  { tenantId, userId, timeZone }: { tenantId: string; userId: string; timeZone?: string },
  now = new Date(),
): Promise<TaskCountsDto> => {
  const { start, end } = await todayBounds(deps, tenantId, timeZone, now);
  const mine: Prisma.TaskWhereInput = { tenantId, assigneeId: userId, status: 'OPEN' };
  const [all, today, overdue] = await Promise.all([
    deps.db.task.count({ where: mine }),
    deps.db.task.count({ where: { ...mine, dueAt: { lt: end } } }),
    deps.db.task.count({ where: { ...mine, dueAt: { lt: start } } }),
  ]);
  return { mine: all, today, overdue };
};
