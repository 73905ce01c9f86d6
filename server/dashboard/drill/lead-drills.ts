import type { ContactSource } from '../../../src/contracts/contact.ts';
import type { DrillRowDto, LeadDrillMetric } from '../../../src/contracts/dashboard.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, type Cohort } from '../analytics/cohort.ts';
import { leadCohortCte } from '../analytics/leads-section.ts';

/** Which progress each lead metric lists (the same `prog` rows the pipeline counts). */
const WHERE: Record<LeadDrillMetric, Prisma.Sql> = {
  lead_created: Prisma.sql`true`,
  lead_contacted: Prisma.sql`top >= 1`,
  lead_qualified: Prisma.sql`top >= 2`,
  lead_won: Prisma.sql`top >= 3`,
  lead_lost: Prisma.sql`lost`,
};

const SOURCE_LABEL: Record<ContactSource, string> = { WHATSAPP: 'WhatsApp', WEB_FORM: 'Web form', EMAIL: 'Email', MANUAL: 'Manual', IMPORT: 'Import' };
const STAGE_LABEL: Record<string, string> = { NEW: 'New', CONTACTED: 'Contacted', QUALIFIED: 'Qualified', WON: 'Won', LOST: 'Lost' };

export const isLeadDrill = (metric: string): metric is LeadDrillMetric => metric in WHERE;

/**
 * The contacts behind a pipeline number, newest first, `limit + 1` rows after the cursor. For
 * won leads the row carries its time to won.
 */
export const leadDrillRows = async (
  deps: Deps,
  { cohort, metric, source, after, limit }: { cohort: Cohort; metric: LeadDrillMetric; source?: ContactSource; after: { at: string; id: string } | null; limit: number },
): Promise<DrillRowDto[]> => {
  const rows = await analyticsQuery<{ id: string; at: Date; name: string; email: string | null; phone: string | null; company: string; source: ContactSource; stage: string; ttw: number | null }>(deps, Prisma.sql`
    WITH ${leadCohortCte(cohort)},
    page AS MATERIALIZED (
      SELECT id, c_at, CASE WHEN won_at IS NOT NULL THEN GREATEST(0, extract(epoch FROM won_at - c_at) * 1000) END AS ttw FROM prog
      WHERE ${WHERE[metric]}
        ${source ? Prisma.sql`AND source = ${source}::"ContactSource"` : Prisma.empty}
        ${after ? Prisma.sql`AND (c_at, id) < (${new Date(after.at)}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY c_at DESC, id DESC LIMIT ${limit + 1}
    )
    SELECT ct.id, page.c_at AS at, ct.name, ct.email, ct.phone, ct.company, ct.source, ct.stage, page.ttw
    FROM page JOIN "Contact" ct ON ct.id = page.id AND ct."tenantId" = ${cohort.tenantId}::uuid
    ORDER BY page.c_at DESC, page.id DESC`);
  return rows.map((r) => ({
    id: r.id,
    kind: 'contact',
    title: r.name || r.email || r.phone || 'Unnamed contact',
    subtitle: [SOURCE_LABEL[r.source], r.company].filter(Boolean).join(' · '),
    status: STAGE_LABEL[r.stage] ?? r.stage,
    at: r.at.toISOString(),
    valueMs: metric === 'lead_won' && r.ttw !== null ? Math.round(Number(r.ttw)) : null,
    href: `/contacts/${r.id}`,
  }));
};
