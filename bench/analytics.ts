/**
 * `node --import tsx bench/analytics.ts [--workspace "Large workspace"] [--runs 3]`
 *
 * Times every analytics query (each section of getAnalytics and the range drill-downs' first page)
 * at 24h / 7d / 30d / 90d on a workspace filled by `npm run seed:large`, warm: one unmeasured run,
 * then the median of `--runs`. The budget is 300 ms per query. Uses DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import type { DrillMetric, RangeInput } from '../src/contracts/dashboard.ts';
import { agentsSection } from '../server/dashboard/analytics/agents-section.ts';
import { escalationsSection } from '../server/dashboard/analytics/escalations-section.ts';
import { personasSection } from '../server/dashboard/analytics/personas-section.ts';
import { resolveRange } from '../server/dashboard/analytics/range.ts';
import { summarySection } from '../server/dashboard/analytics/summary-section.ts';
import { volumeSection } from '../server/dashboard/analytics/volume-section.ts';
import { drillDown } from '../server/dashboard/drill/drill-down.ts';
import { loadConfig } from '../server/config.ts';
import { closeDeps, createDeps } from '../server/deps.ts';
import { createLogger } from '../server/logger.ts';

const { values: args } = parseArgs({ options: { workspace: { type: 'string', default: 'Large workspace' }, runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(args.runs) || 3);
const config = loadConfig();
if (!config.databaseUrl) throw new Error('Set DATABASE_URL to the seeded database.');
const deps = createDeps(config, config.databaseUrl, createLogger('warn'));
const BUDGET_MS = 300;

const time = async (fn: () => Promise<unknown>) => {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor((ms.length - 1) / 2)]!;
};

const main = async () => {
  const tenant = await deps.db.tenant.findFirst({ where: { name: args.workspace }, orderBy: { createdAt: 'asc' } });
  if (!tenant) throw new Error(`No workspace named "${args.workspace}": run npm run seed:large first.`);
  const tenantId = tenant.id;
  const agent = await deps.db.user.findFirst({ where: { tenantId, role: 'AGENT' } });
  const persona = await deps.db.aiAgent.findFirst({ where: { tenantId } });
  const drills: Array<{ metric: DrillMetric; userId?: string; aiAgentId?: string }> = [
    { metric: 'conversations' }, { metric: 'ai_resolved' }, { metric: 'taken_over' }, { metric: 'escalated' },
    { metric: 'human_first_response' }, { metric: 'ai_response' },
    { metric: 'agent_conversations', userId: agent?.id }, { metric: 'persona_conversations', aiAgentId: persona?.id },
  ];
  const now = Date.now();
  let over = 0;
  process.stdout.write(`query\t24h\t7d\t30d\t90d  (ms, median of ${runs} warm runs)\n`);
  const row = async (name: string, q: (range: RangeInput) => Promise<unknown>) => {
    const cells: string[] = [];
    for (const preset of ['24h', '7d', '30d', '90d'] as const) {
      const ms = await time(() => q({ preset }));
      if (ms > BUDGET_MS) over++;
      cells.push(`${Math.round(ms)}${ms > BUDGET_MS ? '!' : ''}`);
    }
    process.stdout.write(`${name}\t${cells.join('\t')}\n`);
  };
  const cohort = (range: RangeInput) => {
    const r = resolveRange(range, 'UTC', now);
    return { tenantId, from: r.from, to: r.to, now: new Date(now) };
  };
  await row('volume', (range) => volumeSection(deps, tenantId, resolveRange(range, 'UTC', now)));
  await row('summary', (range) => summarySection(deps, cohort(range)));
  await row('escalations', (range) => escalationsSection(deps, cohort(range)));
  await row('agents', (range) => agentsSection(deps, cohort(range)));
  await row('personas', (range) => personasSection(deps, cohort(range)));
  for (const d of drills) await row(`drill ${d.metric}`, (range) => drillDown(deps, { tenantId, timeZone: 'UTC', now, range, limit: 50, ...d }));
  process.stdout.write(over === 0 ? `every query under ${BUDGET_MS} ms\n` : `${over} measurement(s) over ${BUDGET_MS} ms (marked !)\n`);
};

main()
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => closeDeps(deps));
