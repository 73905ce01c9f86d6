import type { BusinessCalendarDto } from '../../src/contracts/ticket.ts';
import type { BusinessCalendar } from '../../src/domain/business-hours.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { enqueueSlaRecompute } from './recompute-sla.job.ts';
import { parseCalendar } from './ticket-sla.ts';

export const getBusinessCalendar = async (deps: Deps, { tenantId }: { tenantId: string }): Promise<BusinessCalendarDto> => {
  const tenant = await deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { businessCalendar: true } });
  return parseCalendar(tenant.businessCalendar);
};

/** Sets the workspace's business hours (supervisors and admins); open tickets' clocks are then recomputed by a job. */
export const updateBusinessCalendar = async (deps: Deps, o: { tenantId: string; actorId: string; calendar: BusinessCalendar }): Promise<BusinessCalendarDto> => {
  const calendar = await writeWithEvents(deps, o.tenantId, async (tx) => {
    await tx.tenant.update({ where: { id: o.tenantId }, data: { businessCalendar: o.calendar as unknown as Prisma.InputJsonValue } });
    return { result: o.calendar, events: [{ type: 'business_calendar.changed', actorId: o.actorId, payload: { calendar: o.calendar } }] };
  });
  await enqueueSlaRecompute(deps, o.tenantId);
  return calendar;
};
