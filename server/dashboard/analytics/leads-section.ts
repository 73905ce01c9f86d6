import type { ContactSource } from '../../../src/contracts/contact.ts';
import type { LeadAnalyticsDto, PipelineRowDto } from '../../../src/contracts/dashboard.ts';
import { rate } from '../../../src/domain/metrics/aggregate.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, lookback, type Cohort } from './cohort.ts';

/**
 * Each contact created in the range with how far it got — the SQL form of leadProgress() in
 * src/domain/metrics/lead-pipeline.ts: the highest forward stage it was ever moved to (reaching
 * one counts those before it), whether it was ever lost, and its first move to WON. A contact
 * without change rows entered NEW at creation and stayed.
 *
 * Changes are aggregated per contact first and hash-joined to the cohort (probing the change
 * index once per contact costs several times more on 100k contacts). Only changes from a day
 * before the range are read: every change is written at or after its contact's creation
 * (create-contact writes the first one with the contact), so the cohort's changes are all there.
 */
export const leadCohortCte = (c: Pick<Cohort, 'tenantId' | 'from' | 'to'>) => Prisma.sql`
  lead AS (
    SELECT ct.id, ct.source, ct."createdAt" AS c_at FROM "Contact" ct
    WHERE ct."tenantId" = ${c.tenantId}::uuid AND ct."createdAt" >= ${c.from} AND ct."createdAt" < ${c.to}
  ),
  ch AS (
    SELECT s."contactId" AS id,
      max(CASE s."toStage" WHEN 'CONTACTED' THEN 1 WHEN 'QUALIFIED' THEN 2 WHEN 'WON' THEN 3 ELSE 0 END) AS top,
      bool_or(s."toStage" = 'LOST') AS lost,
      min(s."createdAt") FILTER (WHERE s."toStage" = 'WON') AS won_at
    FROM "ContactStageChange" s
    WHERE s."tenantId" = ${c.tenantId}::uuid AND s."createdAt" >= ${lookback(c.from)}
    GROUP BY s."contactId"
  ),
  prog AS (
    SELECT lead.id, lead.source, lead.c_at, COALESCE(ch.top, 0) AS top, COALESCE(ch.lost, false) AS lost, ch.won_at
    FROM lead LEFT JOIN ch ON ch.id = lead.id
  )`;

const num = (v: unknown) => Number(v ?? 0);

const toRow = (r: Record<string, unknown>): PipelineRowDto => {
  const [leads, contacted, qualified, won, lost] = [num(r.leads), num(r.contacted), num(r.qualified), num(r.won), num(r.lost)];
  return {
    leads,
    contacted,
    qualified,
    won,
    lost,
    contactedRate: rate(contacted, leads),
    qualifiedRate: rate(qualified, leads),
    winRate: rate(won, leads),
    lossRate: rate(lost, leads),
    timeToWonMedianMs: r.ttw === null || r.ttw === undefined ? null : Math.round(Number(r.ttw)),
  };
};

/** The pipeline of the range's leads, in total and per source, in one statement. */
export const leadsSection = async (deps: Deps, c: Cohort): Promise<LeadAnalyticsDto> => {
  const rows = await analyticsQuery<Record<string, unknown> & { source: ContactSource | null; total: number }>(deps, Prisma.sql`
    WITH ${leadCohortCte(c)},
    counts AS (
      SELECT source, grouping(source) AS total, count(*) AS leads,
        count(*) FILTER (WHERE top >= 1) AS contacted, count(*) FILTER (WHERE top >= 2) AS qualified,
        count(*) FILTER (WHERE top >= 3) AS won, count(*) FILTER (WHERE lost) AS lost
      FROM prog GROUP BY GROUPING SETS ((source), ())
    ),
    -- The median over won leads only: the counts hash-aggregate without sorting the whole cohort.
    ttw AS (
      SELECT source, grouping(source) AS total, percentile_disc(0.5) WITHIN GROUP (ORDER BY GREATEST(0, extract(epoch FROM won_at - c_at) * 1000)) AS ttw
      FROM prog WHERE won_at IS NOT NULL GROUP BY GROUPING SETS ((source), ())
    )
    SELECT counts.*, ttw.ttw FROM counts LEFT JOIN ttw ON ttw.total = counts.total AND ttw.source IS NOT DISTINCT FROM counts.source
    ORDER BY counts.leads DESC, counts.source::text`);
  const total = rows.find((r) => Number(r.total) === 1);
  return {
    total: toRow(total ?? {}),
    bySource: rows.filter((r) => Number(r.total) === 0 && r.source !== null).map((r) => ({ source: r.source!, ...toRow(r) })),
  };
};
