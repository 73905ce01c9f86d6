import type { LiveTicketsDto, TicketStatusName } from '../../../src/contracts/dashboard.ts';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import type { LivePanel } from './panels.ts';

/** Any ticket change (created, edited, a comment reopening it, an SLA crossing recorded by its timer). */
const touchesTickets = (e: TenantEvent) => e.type.startsWith('ticket.');

/** Tickets by status, and unresolved ones whose worst clock is at risk or breached (index on tenantId + status). */
export const ticketsPanel: LivePanel<LiveTicketsDto> = {
  affectedBy: touchesTickets,
  compute: async (deps, { tenantId }) => {
    const rows = await deps.db.$queryRaw<Array<{ status: TicketStatusName; n: bigint; at_risk: bigint; breached: bigint }>>`
      SELECT status, count(*) AS n,
        count(*) FILTER (WHERE "slaState" = 'at_risk') AS at_risk,
        count(*) FILTER (WHERE "slaState" = 'breached') AS breached
      FROM "Ticket" WHERE "tenantId" = ${tenantId}::uuid GROUP BY status`;
    const byStatus: Record<TicketStatusName, number> = { NEW: 0, OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 };
    let atRisk = 0;
    let breached = 0;
    for (const r of rows) {
      byStatus[r.status] = Number(r.n);
      if (r.status === 'RESOLVED' || r.status === 'CLOSED') continue;
      atRisk += Number(r.at_risk);
      breached += Number(r.breached);
    }
    return { data: { byStatus, unresolved: byStatus.NEW + byStatus.OPEN + byStatus.PENDING, atRisk, breached } };
  },
};
