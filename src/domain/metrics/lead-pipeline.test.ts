import { describe, expect, it } from 'vitest';
import { CRM_RANGE, scriptedLeads } from './crm-fixtures.ts';
import { leadPipeline, leadProgress } from './lead-pipeline.ts';
import { MIN } from './metrics-fixtures.ts';

const byId = (id: string) => scriptedLeads().find((l) => l.id === id)!;

describe('leadProgress', () => {
  it.each([
    ['web-new', { contacted: false, qualified: false, won: false, lost: false, timeToWonMs: null }],
    ['web-contacted', { contacted: true, qualified: false, won: false, lost: false, timeToWonMs: null }],
    ['web-won', { contacted: true, qualified: true, won: true, lost: false, timeToWonMs: 120 * MIN }],
    ['web-jump-won', { contacted: true, qualified: true, won: true, lost: false, timeToWonMs: 60 * MIN }],
    ['web-won-back', { contacted: true, qualified: true, won: true, lost: false, timeToWonMs: 30 * MIN }],
    ['wa-lost', { contacted: true, qualified: false, won: false, lost: true, timeToWonMs: null }],
    ['wa-qualified-lost', { contacted: true, qualified: true, won: false, lost: true, timeToWonMs: null }],
    ['wa-bare', { contacted: false, qualified: false, won: false, lost: false, timeToWonMs: null }],
    ['import-at-qualified', { contacted: true, qualified: true, won: false, lost: false, timeToWonMs: null }],
    ['manual-won', { contacted: true, qualified: true, won: true, lost: false, timeToWonMs: 24 * 60 * MIN }],
  ])('%s', (id, expected) => {
    expect(leadProgress(byId(id))).toEqual(expected);
  });

  it('does not depend on the order the changes are listed in', () => {
    const l = byId('web-won-back');
    expect(leadProgress({ ...l, changes: [...l.changes].reverse() })).toEqual(leadProgress(l));
  });
});

describe('leadPipeline', () => {
  it('counts the range’s leads by source, with rates over each source’s leads and the median time to won', () => {
    const p = leadPipeline(scriptedLeads(), CRM_RANGE.from, CRM_RANGE.to);
    expect(p.total).toEqual({
      leads: 10, contacted: 8, qualified: 6, won: 4, lost: 2,
      contactedRate: 0.8, qualifiedRate: 0.6, winRate: 0.4, lossRate: 0.2,
      // 30, 60, 120 min and a day: the lower middle is 60 min.
      timeToWonMedianMs: 60 * MIN,
    });
    expect(p.bySource.map((r) => [r.source, r.leads, r.contacted, r.qualified, r.won, r.lost, r.timeToWonMedianMs])).toEqual([
      ['WEB_FORM', 5, 4, 3, 3, 0, 60 * MIN],
      ['WHATSAPP', 3, 2, 1, 0, 2, null],
      ['IMPORT', 1, 1, 1, 0, 0, null],
      ['MANUAL', 1, 1, 1, 1, 0, 24 * 60 * MIN],
    ]);
    expect(p.bySource[0]).toMatchObject({ winRate: 3 / 5, contactedRate: 4 / 5 });
  });

  it('is empty, with null rates, for a range without leads', () => {
    expect(leadPipeline(scriptedLeads(), 0, 1)).toEqual({
      total: { leads: 0, contacted: 0, qualified: 0, won: 0, lost: 0, contactedRate: null, qualifiedRate: null, winRate: null, lossRate: null, timeToWonMedianMs: null },
      bySource: [],
    });
  });
});
