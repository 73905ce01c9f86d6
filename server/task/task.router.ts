import {
  ZCreateTaskInput,
  ZListTasksInput,
  ZReassignTaskInput,
  ZSkipTaskInput,
  ZSnoozeTaskInput,
  ZTaskCountsInput,
  ZTaskIdInput,
  ZUpdateCadenceInput,
} from '../../src/contracts/task.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure, supervisorProcedure } from '../trpc/procedures.ts';
import { getCadence, updateCadence } from './cadence.ts';
import { createTask } from './create-task.ts';
import { countTasks, listTasks } from './list-tasks.ts';
import { completeTask, reassignTask, reopenTask, skipTask, snoozeTask } from './update-task.ts';

const actor = (ctx: { tenantId: string; user: { id: string } }) => ({ tenantId: ctx.tenantId, actorId: ctx.user.id });

export const taskRouter = t.router({
  list: agentProcedure.input(ZListTasksInput).query(({ ctx, input }) => listTasks(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  counts: agentProcedure.input(ZTaskCountsInput).query(({ ctx, input }) => countTasks(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  create: agentProcedure.input(ZCreateTaskInput).mutation(({ ctx, input }) => createTask(ctx.deps, actor(ctx), input)),
  complete: agentProcedure.input(ZTaskIdInput).mutation(({ ctx, input }) => completeTask(ctx.deps, actor(ctx), input)),
  skip: agentProcedure.input(ZSkipTaskInput).mutation(({ ctx, input }) => skipTask(ctx.deps, actor(ctx), input)),
  snooze: agentProcedure.input(ZSnoozeTaskInput).mutation(({ ctx, input }) => snoozeTask(ctx.deps, actor(ctx), input)),
  reassign: agentProcedure.input(ZReassignTaskInput).mutation(({ ctx, input }) => reassignTask(ctx.deps, actor(ctx), input)),
  reopen: agentProcedure.input(ZTaskIdInput).mutation(({ ctx, input }) => reopenTask(ctx.deps, actor(ctx), input)),
  cadence: agentProcedure.query(({ ctx }) => getCadence(ctx.deps, { tenantId: ctx.tenantId })),
  updateCadence: supervisorProcedure.input(ZUpdateCadenceInput).mutation(({ ctx, input }) => updateCadence(ctx.deps, actor(ctx), input)),
});
