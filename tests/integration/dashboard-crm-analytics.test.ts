/**
 * The email funnel and the lead pipeline in SQL agree with the pure formulas on hand-built emails
 * and leads; drill-downs list exactly what each number counted (emails link to /emails/:id,
 * contacts to /contacts/:id); CSV tables; agents are refused; another workspace's emails and
 * leads never count and its teammates are NOT_FOUND.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillMetric, RangeInput } from '../../src/contracts/dashboard.ts';
import { CRM_RANGE, scriptedEmails, scriptedLeads } from '../../src/domain/metrics/crm-fixtures.ts';
import { emailFunnel, emailOutcome, emailsBySender, inRange, type EmailStep } from '../../src/domain/metrics/email-funnel.ts';
import { leadPipeline, leadProgress } from '../../src/domain/metrics/lead-pipeline.ts';
import { ANA, BEN, T0 } from '../../src/domain/metrics/metrics-fixtures.ts';
import { getAnalytics } from '../../server/dashboard/analytics/get-analytics.ts';
import { drillDown } from '../../server/dashboard/drill/drill-down.ts';
import type { ApiUser } from '../support/api-client.ts';
import { addMember, createWorkspace, refusalOf } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const RANGE: RangeInput = { preset: 'custom', from: new Date(CRM_RANGE.from).toISOString(), to: new Date(CRM_RANGE.to).toISOString() };
const NOW = CRM_RANGE.to + 3_600_000;
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The scripted emails and leads, stored as the app stores them (subject / name = the fixture id). */
const seed = async (tenantId: string, ids: Record<string, string>) => {
  const db = app.deps.db;
  // Recipients exist since before the range, so they are not leads of it.
  const recipient = await db.contact.create({ data: { tenantId, email: `r-${randomUUID().slice(0, 8)}@example.com`, name: 'Rita Recipient', createdAt: new Date(T0 - 7 * 86_400_000) } });
  const emailIds: Record<string, string> = {};
  for (const e of scriptedEmails()) {
    const clicks = Array.from({ length: e.clickedLinks }, (_, i) => ({ url: `https://acme.test/${i}`, count: 1, firstAt: new Date(T0).toISOString(), lastAt: new Date(T0).toISOString() }));
    const row = await db.email.create({
      data: {
        tenantId, contactId: recipient.id, senderUserId: e.senderUserId ? ids[e.senderUserId]! : null, fromName: e.senderUserId ? 'Teammate' : 'Olga Old', fromAddress: 'sales@acme.test',
        to: recipient.email!, subject: e.id, html: '<p>x</p>', text: 'x', status: e.status, outbox: e.outbox, sentAt: date(e.sentAt), deliveredAt: date(e.deliveredAt),
        firstOpenedAt: date(e.firstOpenedAt), lastOpenedAt: date(e.firstOpenedAt), openCount: e.firstOpenedAt ? 1 : 0, clicks,
        spamReportedAt: date(e.spamReportedAt), unsubscribedAt: date(e.unsubscribedAt), createdAt: new Date(e.sentAt ?? T0),
      },
    });
    emailIds[e.id] = row.id;
  }
  const leadIds: Record<string, string> = {};
  for (const l of scriptedLeads()) {
    const row = await db.contact.create({
      data: { tenantId, name: l.id, email: `${l.id}-${randomUUID().slice(0, 6)}@example.com`, source: l.source, stage: l.changes.at(-1)?.toStage ?? 'NEW', createdAt: new Date(l.createdAt) },
    });
    leadIds[l.id] = row.id;
    let from: (typeof l.changes)[number]['toStage'] | null = null;
    for (const c of l.changes) {
      await db.contactStageChange.create({ data: { tenantId, contactId: row.id, fromStage: from, toStage: c.toStage, createdAt: new Date(c.at) } });
      from = c.toStage;
    }
  }
  return { emailIds, leadIds };
};

const world = async () => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const ana = await addMember(app.url, admin, 'AGENT', 'Ana Agent');
  const ben = await addMember(app.url, admin, 'AGENT', 'Ben Agent');
  const sue = await addMember(app.url, admin, 'SUPERVISOR', 'Sue Supervisor');
  const ids: Record<string, string> = { [ANA]: ana.me.user.id, [BEN]: ben.me.user.id };
  return { admin, tenantId, ana, ben, sue, ids, ...(await seed(tenantId, ids)) };
};
type World = Awaited<ReturnType<typeof world>>;

let w: World;
beforeAll(async () => {
  w = await world();
});

const analytics = () => getAnalytics(app.deps, { tenantId: w.tenantId, range: RANGE, timeZone: 'UTC', now: NOW });

describe('email funnel in SQL = emailFunnel() / emailsBySender()', () => {
  it('counts and rates the funnel exactly as the pure formula does', async () => {
    expect((await analytics()).email.funnel).toEqual(emailFunnel(scriptedEmails(), CRM_RANGE.from, CRM_RANGE.to));
  });

  it('gives each sender the same row, named (a removed sender by the name on their emails)', async () => {
    const names: Record<string, string> = { [w.ids[ANA]!]: 'Ana Agent', [w.ids[BEN]!]: 'Ben Agent' };
    const expected = emailsBySender(scriptedEmails(), CRM_RANGE.from, CRM_RANGE.to).map((r) => {
      const senderUserId = r.senderUserId ? w.ids[r.senderUserId]! : null;
      return { ...r, senderUserId, name: senderUserId ? names[senderUserId]! : 'Olga Old' };
    });
    expect((await analytics()).email.senders).toEqual(expected);
  });
});

describe('lead pipeline in SQL = leadPipeline()', () => {
  it('counts, rates and times the range’s leads per source and in total', async () => {
    const got = (await analytics()).leads;
    const expected = leadPipeline(scriptedLeads(), CRM_RANGE.from, CRM_RANGE.to);
    expect(got.total).toEqual(expected.total);
    expect(got.bySource).toEqual(expected.bySource);
  });
});

describe('drill-downs list what the number counted', () => {
  const drillAll = async (metric: DrillMetric, extra: Partial<Parameters<typeof drillDown>[1]> = {}) => {
    const items = [];
    let cursor: string | null = null;
    do {
      const page = await drillDown(app.deps, { tenantId: w.tenantId, timeZone: 'UTC', range: RANGE, now: NOW, metric, limit: 3, cursor, ...extra });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  const STEPS: EmailStep[] = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'dropped', 'spam', 'unsubscribed'];
  it.each(STEPS)('email_%s: the emails the funnel counted, paged by cursor, each linking to the email', async (step) => {
    const expected = scriptedEmails().filter((e) => inRange(e, CRM_RANGE.from, CRM_RANGE.to) && emailOutcome(e)[step]).map((e) => e.id);
    const items = await drillAll(`email_${step}` as DrillMetric);
    expect(items.map((i) => i.subtitle).sort()).toEqual(expected.sort());
    expect(items.length).toBe((await analytics()).email.funnel[step]);
    for (const i of items) expect(i).toMatchObject({ kind: 'email', href: `/emails/${i.id}` });
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // Newest sent first.
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
  });

  it('lists one sender’s emails', async () => {
    const items = await drillAll('email_delivered', { userId: w.ids[BEN] });
    expect(items.map((i) => i.subtitle).sort()).toEqual(['click-no-open', 'open-before-delivered', 'spam']);
  });

  const LEAD: Array<[DrillMetric, keyof ReturnType<typeof leadProgress> | null]> = [
    ['lead_created', null], ['lead_contacted', 'contacted'], ['lead_qualified', 'qualified'], ['lead_won', 'won'], ['lead_lost', 'lost'],
  ];
  it.each(LEAD)('%s: the contacts the pipeline counted, each linking to the contact', async (metric, flag) => {
    const cohort = scriptedLeads().filter((l) => l.createdAt >= CRM_RANGE.from && l.createdAt < CRM_RANGE.to);
    const expected = cohort.filter((l) => flag === null || leadProgress(l)[flag]).map((l) => l.id);
    const items = await drillAll(metric);
    expect(items.map((i) => i.title).sort()).toEqual(expected.sort());
    for (const i of items) expect(i).toMatchObject({ kind: 'contact', href: `/contacts/${i.id}` });
  });

  it('filters leads by source and carries each won lead’s time to won', async () => {
    const won = await drillAll('lead_won', { source: 'WEB_FORM' });
    expect(Object.fromEntries(won.map((i) => [i.title, i.valueMs! / 60_000]))).toEqual({ 'web-won': 120, 'web-jump-won': 60, 'web-won-back': 30 });
    expect((await drillAll('lead_lost', { source: 'WEB_FORM' }))).toEqual([]);
  });

  it('needs a range', async () => {
    await expect(drillDown(app.deps, { tenantId: w.tenantId, timeZone: 'UTC', metric: 'email_sent', limit: 10 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('CSV export', () => {
  it('exports the funnel, the sender table and the lead sources', async () => {
    const q = (table: 'email_funnel' | 'email_senders' | 'lead_sources') => w.sue.member.http.dashboard.exportCsv.query({ table, range: RANGE, timeZone: 'UTC' });
    const funnel = (await q('email_funnel')).csv.trim().split('\n');
    expect(funnel[0]).toBe('step,emails,rate_pct');
    expect(funnel.slice(1, 5)).toEqual(['sent,11,', 'delivered,8,72.7', 'opened,5,62.5', 'clicked,2,40']);
    const senders = (await q('email_senders')).csv.trim().split('\n');
    expect(senders).toHaveLength(4);
    expect(senders[1]).toBe(`${w.ids[ANA]},Ana Agent,6,4,2,1,1,66.7,50,25,16.7`);
    const sources = await q('lead_sources');
    expect(sources.filename).toMatch(/^lead_sources_/);
    expect(sources.csv.trim().split('\n').slice(1)).toEqual([
      'WEB_FORM,5,4,3,3,0,80,60,60,0,1',
      'WHATSAPP,3,2,1,0,2,66.7,33.3,0,66.7,',
      'IMPORT,1,1,1,0,0,100,100,0,0,',
      'MANUAL,1,1,1,1,0,100,100,100,0,24',
      'ALL,10,8,6,4,2,80,60,40,20,1',
    ]);
  });

  it('exports an email drill-down with email columns', async () => {
    const { csv } = await w.sue.member.http.dashboard.exportCsv.query({ table: 'drill', range: RANGE, timeZone: 'UTC', drill: { metric: 'email_clicked' } });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('email_id,contact,subject,status,sent_at,value_s');
    expect(lines).toHaveLength(3);
  });
});

const calls: Record<string, (u: ApiUser) => Promise<unknown>> = {
  'drill email_sent': (u) => u.http.dashboard.drill.query({ metric: 'email_sent', range: RANGE, timeZone: 'UTC' }),
  'drill lead_won': (u) => u.http.dashboard.drill.query({ metric: 'lead_won', source: 'WEB_FORM', range: RANGE, timeZone: 'UTC' }),
  'exportCsv email_senders': (u) => u.http.dashboard.exportCsv.query({ table: 'email_senders', range: RANGE, timeZone: 'UTC' }),
  'exportCsv lead_sources': (u) => u.http.dashboard.exportCsv.query({ table: 'lead_sources', range: RANGE, timeZone: 'UTC' }),
};

describe('roles', () => {
  it.each(Object.keys(calls))('%s is FORBIDDEN to an agent and open to supervisors and admins', async (name) => {
    expect(await refusalOf(calls[name]!(w.ana.member))).toMatchObject({ code: 'FORBIDDEN' });
    await expect(calls[name]!(w.sue.member)).resolves.toBeDefined();
    await expect(calls[name]!(w.admin)).resolves.toBeDefined();
  });
});

describe('tenancy', () => {
  it('never counts another workspace’s emails or leads', async () => {
    const other = await createWorkspace(app.url, 'Other');
    const got = await other.admin.http.dashboard.analytics.query({ range: RANGE, timeZone: 'UTC' });
    expect(got.email.funnel.sent).toBe(0);
    expect(got.email.senders).toEqual([]);
    expect(got.leads.total.leads).toBe(0);
    expect(got.leads.bySource).toEqual([]);
    for (const metric of ['email_sent', 'lead_created'] as const) {
      expect((await other.admin.http.dashboard.drill.query({ metric, range: RANGE, timeZone: 'UTC' })).items).toEqual([]);
    }
  });

  it.each([
    ['dashboard.drill email_sent userId', (c: ApiUser, id: string) => c.http.dashboard.drill.query({ metric: 'email_sent', userId: id, range: RANGE, timeZone: 'UTC' })],
    ['dashboard.exportCsv drill email_opened userId', (c: ApiUser, id: string) => c.http.dashboard.exportCsv.query({ table: 'drill', range: RANGE, timeZone: 'UTC', drill: { metric: 'email_opened', userId: id } })],
  ] as const)('%s of another workspace is NOT_FOUND, like an unknown id', async (_name, call) => {
    const other = await createWorkspace(app.url, 'Other');
    const foreign = await refusalOf(call(other.admin, w.ids[ANA]!));
    const unknown = await refusalOf(call(other.admin, randomUUID()));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign).toEqual(unknown);
  });
});
