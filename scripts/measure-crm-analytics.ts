/**
 * `DATABASE_URL=… node --import tsx scripts/measure-crm-analytics.ts [workspace name]`
 *
 * Times the email-funnel, lead-pipeline, their drill-downs and the live email/task panel against a
 * `seed:large` workspace (median of 5 warm runs each), and prints each statement's plan nodes that
 * read a table, so a sequential scan shows up. A measuring aid until `npm run bench` covers them.
 */
import { DateTime } from 'luxon';
import type { DrillMetric, RangeInput } from '../src/contracts/dashboard.ts';
import { emailSection } from '../server/dashboard/analytics/email-section.ts';
import { leadsSection } from '../server/dashboard/analytics/leads-section.ts';
import { resolveRange } from '../server/dashboard/analytics/range.ts';
import { drillDown } from '../server/dashboard/drill/drill-down.ts';
import { crmPanel } from '../server/dashboard/live/crm-panel.ts';
import { createDb } from '../server/db/client.ts';
import type { Deps } from '../server/deps.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL');
const db = createDb(url, 4);
// The sections and drills read only `db` (and `log` on failure); the rest of Deps is not touched.
const deps = { db, log: { warn: () => {} } } as unknown as Deps;
const out = (line: string) => process.stdout.write(`${line}\n`);

const time = async (name: string, run: () => Promise<unknown>) => {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  out(`${name.padEnd(42)} median ${ms[2]!.toFixed(1).padStart(7)} ms   max ${ms[4]!.toFixed(1).padStart(7)} ms`);
};

const main = async () => {
  const name = process.argv[2] ?? 'Large workspace';
  const [tenant] = await db.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Tenant" WHERE name = ${name} ORDER BY "createdAt" LIMIT 1`;
  if (!tenant) throw new Error(`No workspace "${name}"`);
  const tenantId = tenant.id;
  const [sizes] = await db.$queryRaw<Array<Record<string, bigint>>>`SELECT
    (SELECT count(*) FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid) AS contacts,
    (SELECT count(*) FROM "ContactStageChange" WHERE "tenantId" = ${tenantId}::uuid) AS changes,
    (SELECT count(*) FROM "Task" WHERE "tenantId" = ${tenantId}::uuid) AS tasks,
    (SELECT count(*) FROM "Email" WHERE "tenantId" = ${tenantId}::uuid) AS emails,
    (SELECT count(*) FROM "EmailEvent" WHERE "tenantId" = ${tenantId}::uuid) AS events`;
  out(`Workspace ${tenantId}: ${Object.entries(sizes!).map(([k, v]) => `${Number(v).toLocaleString('en')} ${k}`).join(', ')}`);
  const now = Date.now();
  const [agent] = await db.$queryRaw<Array<{ id: string }>>`SELECT "senderUserId" AS id FROM "Email" WHERE "tenantId" = ${tenantId}::uuid AND "senderUserId" IS NOT NULL LIMIT 1`;
  for (const preset of ['7d', '30d', '90d'] as const) {
    const range: RangeInput = { preset };
    const r = resolveRange(range, 'UTC', now);
    const cohort = { tenantId, from: r.from, to: r.to, now: new Date(now) };
    await time(`${preset} email funnel + senders`, () => emailSection(deps, cohort));
    await time(`${preset} lead pipeline by source`, () => leadsSection(deps, cohort));
    const drill = (metric: DrillMetric, extra: Record<string, string> = {}) => () => drillDown(deps, { tenantId, metric, range, timeZone: 'UTC', now, limit: 50, ...extra });
    await time(`${preset} drill email_opened (first page)`, drill('email_opened'));
    await time(`${preset} drill email_clicked one sender`, drill('email_clicked', { userId: agent!.id }));
    await time(`${preset} drill lead_won (first page)`, drill('lead_won'));
    await time(`${preset} drill lead_lost WEB_FORM`, drill('lead_lost', { source: 'WEB_FORM' }));
  }
  const dayStart = DateTime.fromMillis(now).setZone('UTC').startOf('day').toJSDate();
  await time('live email/task panel', () => crmPanel.compute(deps, { tenantId, timeZone: 'UTC', dayStart, now }));
};

main()
  .catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
