import type { TaskDto } from '../../src/contracts/task.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Prisma, Task } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { requireMember } from '../contact/contact-fields.ts';
import { taskInclude, toTaskDto } from './task-dto.ts';

type Actor = { tenantId: string; actorId: string };

export const taskNotFound = () => new AppError('NOT_FOUND', { userMessage: 'Task not found.' });

/** Locks the task row (a send completing it and a click completing it serialise here). */
export const lockTask = async (tx: Tx, tenantId: string, taskId: string): Promise<Task> => {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Task" WHERE id = ${taskId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw taskNotFound();
  return tx.task.findUniqueOrThrow({ where: { id: taskId } });
};

const notOpen = (task: Task) =>
  new AppError('INVALID_STATE', { userMessage: task.status === 'DONE' ? 'This task is already done.' : 'This task was skipped.' });

/** One state change on one task: lock, check, update, event. */
const changeTask = (
  deps: Deps,
  { tenantId, actorId }: Actor,
  taskId: string,
  decide: (task: Task, tx: Tx) => Promise<Prisma.TaskUncheckedUpdateInput> | Prisma.TaskUncheckedUpdateInput,
): Promise<TaskDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const task = await lockTask(tx, tenantId, taskId);
    const data = await decide(task, tx);
    const updated = toTaskDto(await tx.task.update({ where: { id: taskId }, data, include: taskInclude }));
    return { result: updated, events: [{ type: 'task.updated', actorId, payload: { task: updated } }] };
  });

export const completeTask = (deps: Deps, actor: Actor, { taskId }: { taskId: string }, now = new Date()) =>
  changeTask(deps, actor, taskId, (task) => {
    if (task.status !== 'OPEN') throw notOpen(task);
    return { status: 'DONE', completedAt: now, completedById: actor.actorId };
  });

export const skipTask = (deps: Deps, actor: Actor, { taskId, reason }: { taskId: string; reason?: string }, now = new Date()) =>
  changeTask(deps, actor, taskId, (task) => {
    if (task.status !== 'OPEN') throw notOpen(task);
    return { status: 'SKIPPED', completedAt: now, completedById: actor.actorId, skipReason: reason || null };
  });

export const snoozeTask = (deps: Deps, actor: Actor, { taskId, until }: { taskId: string; until: string }, now = new Date()) =>
  changeTask(deps, actor, taskId, (task) => {
    if (task.status !== 'OPEN') throw notOpen(task);
    const at = new Date(until);
    if (at <= now) throw new AppError('INVALID_INPUT', { userMessage: 'Snooze until a time in the future.' });
    return { dueAt: at, snoozedUntil: at };
  });

export const reassignTask = (deps: Deps, actor: Actor, { taskId, assigneeId }: { taskId: string; assigneeId: string }) =>
  changeTask(deps, actor, taskId, async (task, tx) => {
    if (task.status !== 'OPEN') throw notOpen(task);
    await requireMember(tx, actor.tenantId, assigneeId);
    return { assigneeId };
  });

export const reopenTask = (deps: Deps, actor: Actor, { taskId }: { taskId: string }) =>
  changeTask(deps, actor, taskId, (task) => {
    if (task.status === 'OPEN') throw new AppError('INVALID_STATE', { userMessage: 'This task is already open.' });
    // Its email went out; reopening would claim it had not.
    if (task.emailId) throw new AppError('INVALID_STATE', { userMessage: 'This task was completed by sending an email and cannot be reopened.' });
    return { status: 'OPEN', completedAt: null, completedById: null, skipReason: null };
  });
