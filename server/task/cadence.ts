import { DateTime } from 'luxon';
import type { EventDraft } from '../../src/contracts/events.ts';
import { DEFAULT_CADENCE, type CadenceDto, type UpdateCadenceInput } from '../../src/contracts/task.ts';
import { AppError } from '../../src/errors.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { taskInclude, toTaskDto } from './task-dto.ts';

export const workspaceTimeZone = async (db: Db | Tx, tenantId: string): Promise<string> =>
  (await db.crmSettings.findUnique({ where: { tenantId }, select: { timeZone: true } }))?.timeZone ?? 'UTC';

/** The workspace's steps, or the default five while it has never edited them. */
const loadCadence = async (db: Db | Tx, tenantId: string): Promise<CadenceDto> => {
  // Sequential: `db` may be a transaction (one connection).
  const rows = await db.cadenceStep.findMany({ where: { tenantId }, orderBy: { position: 'asc' } });
  const settings = await db.crmSettings.findUnique({ where: { tenantId }, select: { timeZone: true, cadenceCustomised: true } });
  const timeZone = settings?.timeZone ?? 'UTC';
  const customised = rows.length > 0 || settings?.cadenceCustomised === true;
  const steps = customised ? rows.map((r) => ({ position: r.position, dayOffset: r.dayOffset, title: r.title })) : DEFAULT_CADENCE.map((s, i) => ({ position: i + 1, ...s }));
  return { steps, timeZone };
};

export const getCadence = (deps: Deps, { tenantId }: { tenantId: string }): Promise<CadenceDto> => loadCadence(deps.db, tenantId);

export const isTimeZone = (zone: string): boolean => DateTime.local().setZone(zone).isValid;

export const updateCadence = (deps: Deps, { tenantId, actorId }: { tenantId: string; actorId: string }, input: UpdateCadenceInput): Promise<CadenceDto> => {
  if (input.timeZone && !isTimeZone(input.timeZone)) {
    throw new AppError('INVALID_INPUT', { userMessage: `"${input.timeZone}" is not a time zone. Use a name like Europe/Paris.` });
  }
  return writeWithEvents(deps, tenantId, async (tx) => {
    await tx.cadenceStep.deleteMany({ where: { tenantId } });
    const steps = [...input.steps].sort((a, b) => a.dayOffset - b.dayOffset);
    await tx.cadenceStep.createMany({ data: steps.map((s, i) => ({ tenantId, position: i + 1, dayOffset: s.dayOffset, title: s.title })) });
    // An emptied cadence stays empty (no tasks), rather than falling back to the default.
    await tx.crmSettings.upsert({
      where: { tenantId },
      create: { tenantId, cadenceCustomised: true, ...(input.timeZone ? { timeZone: input.timeZone } : {}) },
      update: { cadenceCustomised: true, ...(input.timeZone ? { timeZone: input.timeZone } : {}) },
    });
    const cadence = await loadCadence(tx, tenantId);
    return { result: cadence, events: [{ type: 'cadence.updated', actorId, payload: { cadence } }] };
  });
};

/**
 * A new lead's follow-up tasks, in the caller's transaction: one per cadence step, due that many
 * days after `now` at the same wall-clock time in the workspace's zone (a DST change does not
 * shift them by an hour), assigned to the lead's owner.
 */
export const createCadenceTasks = async (
  tx: Tx,
  { tenantId, contactId, assigneeId, now, actorId }: { tenantId: string; contactId: string; assigneeId: string | null; now: Date; actorId: string | null },
): Promise<EventDraft[]> => {
  const { steps, timeZone } = await loadCadence(tx, tenantId);
  const start = DateTime.fromJSDate(now).setZone(timeZone);
  // One round trip for all steps: this runs inside the lead's (often busy) transaction.
  const tasks = await tx.task.createManyAndReturn({
    data: steps.map((step) => ({ tenantId, contactId, assigneeId, title: step.title, dueAt: start.plus({ days: step.dayOffset }).toJSDate(), cadenceStep: step.position })),
    include: taskInclude,
  });
  const events: EventDraft[] = tasks
    .sort((a, b) => (a.cadenceStep ?? 0) - (b.cadenceStep ?? 0))
    .map((task) => ({ type: 'task.created', actorId, payload: { task: toTaskDto(task) } }));
  return events;
};
