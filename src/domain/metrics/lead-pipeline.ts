import { median, rate } from './aggregate.ts';

export type LeadStage = 'NEW' | 'CONTACTED' | 'QUALIFIED' | 'WON' | 'LOST';
export type LeadSource = 'WHATSAPP' | 'WEB_FORM' | 'EMAIL' | 'MANUAL' | 'IMPORT';

/** A contact and its stage changes (ContactStageChange rows; none: it entered NEW at createdAt and stayed). */
export type LeadFact = { id: string; source: LeadSource; createdAt: number; changes: Array<{ toStage: LeadStage; at: number }> };

/** The pipeline's forward order; LOST is a side exit, not a step. */
const RANK: Record<Exclude<LeadStage, 'LOST'>, number> = { NEW: 0, CONTACTED: 1, QUALIFIED: 2, WON: 3 };

/**
 * How far a lead got, ever (a later move back does not undo it): reaching a stage counts every
 * forward stage before it (a lead moved straight from NEW to WON was contacted and qualified).
 * Lost: it was ever moved to LOST. Time to won: from creation to its first move to WON.
 */
export const leadProgress = (lead: LeadFact) => {
  let top = 0;
  let wonAt: number | null = null;
  let lost = false;
  for (const c of lead.changes) {
    if (c.toStage === 'LOST') lost = true;
    else top = Math.max(top, RANK[c.toStage]);
    if (c.toStage === 'WON' && (wonAt === null || c.at < wonAt)) wonAt = c.at;
  }
  return { contacted: top >= 1, qualified: top >= 2, won: top >= 3, lost, timeToWonMs: wonAt === null ? null : Math.max(0, wonAt - lead.createdAt) };
};

export type PipelineRow = {
  leads: number;
  contacted: number;
  qualified: number;
  won: number;
  lost: number;
  /** Each over the leads of the row. */
  contactedRate: number | null;
  qualifiedRate: number | null;
  winRate: number | null;
  lossRate: number | null;
  /** Median (lower middle, like percentile_disc) of creation → first WON. */
  timeToWonMedianMs: number | null;
};

const row = (leads: LeadFact[]): PipelineRow => {
  const p = leads.map(leadProgress);
  const n = (f: (x: (typeof p)[number]) => boolean) => p.filter(f).length;
  const [contacted, qualified, won, lost] = [n((x) => x.contacted), n((x) => x.qualified), n((x) => x.won), n((x) => x.lost)];
  return {
    leads: leads.length,
    contacted,
    qualified,
    won,
    lost,
    contactedRate: rate(contacted, leads.length),
    qualifiedRate: rate(qualified, leads.length),
    winRate: rate(won, leads.length),
    lossRate: rate(lost, leads.length),
    timeToWonMedianMs: median(p.flatMap((x) => (x.timeToWonMs === null ? [] : [x.timeToWonMs]))),
  };
};

/** Leads created in [from, to): the whole pipeline, and one row per source that has any (most leads first, then by name). */
export const leadPipeline = (leads: LeadFact[], from: number, to: number): { total: PipelineRow; bySource: Array<PipelineRow & { source: LeadSource }> } => {
  const cohort = leads.filter((l) => l.createdAt >= from && l.createdAt < to);
  const sources = [...new Set(cohort.map((l) => l.source))];
  return {
    total: row(cohort),
    bySource: sources
      .map((source) => ({ source, ...row(cohort.filter((l) => l.source === source)) }))
      .sort((a, b) => b.leads - a.leads || a.source.localeCompare(b.source)),
  };
};
