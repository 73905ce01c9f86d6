import type { SlaPolicyDto, TicketPriority } from '../../src/contracts/ticket.ts';
import { TICKET_PRIORITIES } from '../../src/contracts/ticket.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { enqueueSlaRecompute } from './recompute-sla.job.ts';

const readPolicies = async (tx: Pick<Tx, 'slaPolicy'>, tenantId: string): Promise<SlaPolicyDto[]> => {
  const rows = await tx.slaPolicy.findMany({ where: { tenantId } });
  const byPriority = new Map(rows.map((r) => [r.priority, r]));
  // Every priority, highest first, so the settings form has a row for each (null = no target).
  return [...TICKET_PRIORITIES].reverse().map((priority) => {
    const row = byPriority.get(priority);
    return {
      priority,
      firstResponseMinutes: row?.firstResponseMinutes ?? null,
      resolutionMinutes: row?.resolutionMinutes ?? null,
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  });
};

export const listSlaPolicies = (deps: Deps, { tenantId }: { tenantId: string }): Promise<SlaPolicyDto[]> => readPolicies(deps.db, tenantId);

/** Sets targets (supervisors and admins); open tickets' clocks are then recomputed by a job. */
export const updateSlaPolicies = async (
  deps: Deps,
  o: { tenantId: string; actorId: string; policies: Array<{ priority: TicketPriority; firstResponseMinutes: number | null; resolutionMinutes: number | null }> },
): Promise<SlaPolicyDto[]> => {
  const policies = await writeWithEvents(deps, o.tenantId, async (tx) => {
    for (const p of o.policies) {
      const values = { firstResponseMinutes: p.firstResponseMinutes, resolutionMinutes: p.resolutionMinutes };
      await tx.slaPolicy.upsert({ where: { tenantId_priority: { tenantId: o.tenantId, priority: p.priority } }, create: { tenantId: o.tenantId, priority: p.priority, ...values }, update: values });
    }
    const policies = await readPolicies(tx, o.tenantId);
    return { result: policies, events: [{ type: 'sla_policy.changed', actorId: o.actorId, payload: { policies } }] };
  });
  await enqueueSlaRecompute(deps, o.tenantId);
  return policies;
};
