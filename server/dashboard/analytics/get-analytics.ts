import type { AnalyticsDto, RangeInput } from '../../../src/contracts/dashboard.ts';
import type { Deps } from '../../deps.ts';
import { agentsSection } from './agents-section.ts';
import { emailSection } from './email-section.ts';
import { escalationsSection } from './escalations-section.ts';
import { leadsSection } from './leads-section.ts';
import { personasSection } from './personas-section.ts';
import { resolveRange } from './range.ts';
import { summarySection } from './summary-section.ts';
import { ticketsSection } from './tickets-section.ts';
import { volumeSection } from './volume-section.ts';

/**
 * Every analytics section of a range, computed in parallel. A new section is one `*-section.ts`
 * file and one field here (and in AnalyticsDto).
 */
export const getAnalytics = async (deps: Deps, { tenantId, range, timeZone, now = Date.now() }: { tenantId: string; range: RangeInput; timeZone: string; now?: number }): Promise<AnalyticsDto> => {
  const r = resolveRange(range, timeZone, now);
  const cohort = { tenantId, from: r.from, to: r.to, now: new Date(now) };
  const [volume, summary, escalations, agents, personas, email, leads, tickets] = await Promise.all([
    volumeSection(deps, tenantId, r),
    summarySection(deps, cohort),
    escalationsSection(deps, cohort),
    agentsSection(deps, cohort),
    personasSection(deps, cohort),
    emailSection(deps, cohort),
    leadsSection(deps, cohort),
    ticketsSection(deps, cohort),
  ]);
  return { range: { from: r.from.toISOString(), to: r.to.toISOString(), bucket: r.bucket }, volume, summary, tickets, escalations, agents, personas, email, leads };
};
