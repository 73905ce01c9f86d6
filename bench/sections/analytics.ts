/**
 * Section 7: every analytics query (each section of getAnalytics and the first page of each
 * range drill-down) at 24h / 7d / 30d / 90d on a `seed:large` workspace, warm: one unmeasured run,
 * then the median of `runs`. The budget (issue 7) is 300 ms per query on this machine.
 *
 * The seeded database is kept between runs (`switchboard_bench_large`): seeding 100,000
 * conversations and a million messages takes minutes, and the figures are about reading them.
 * A run migrates it first, so new indexes and rollups apply.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import type { DrillMetric, RangeInput } from '../../src/contracts/dashboard.ts';
import { agentsSection } from '../../server/dashboard/analytics/agents-section.ts';
import { emailSection } from '../../server/dashboard/analytics/email-section.ts';
import { escalationsSection } from '../../server/dashboard/analytics/escalations-section.ts';
import { leadsSection } from '../../server/dashboard/analytics/leads-section.ts';
import { personasSection } from '../../server/dashboard/analytics/personas-section.ts';
import { resolveRange } from '../../server/dashboard/analytics/range.ts';
import { summarySection } from '../../server/dashboard/analytics/summary-section.ts';
import { ticketsSection } from '../../server/dashboard/analytics/tickets-section.ts';
import { volumeSection } from '../../server/dashboard/analytics/volume-section.ts';
import { reconcileConversationStats } from '../../server/dashboard/stats/reconcile-stats.ts';
import { drillDown } from '../../server/dashboard/drill/drill-down.ts';
import { loadConfig } from '../../server/config.ts';
import { closeDeps, createDeps } from '../../server/deps.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/logger.ts';
import { PG_ADMIN_URL } from '../support/database.ts';
import { ROOT } from '../support/processes.ts';
import type { Settings } from './systems.ts';

export const ANALYTICS_BUDGET_MS = 300;
const PRESETS = ['24h', '7d', '30d', '90d'] as const;
const WORKSPACE = 'Large workspace';
const DATABASE = 'switchboard_bench_large';

export type AnalyticsRow = { name: string; ms: Record<(typeof PRESETS)[number], number> };
export type AnalyticsResult = { database: string; seededNow: boolean; seedSeconds: number | null; counts: Record<string, number>; runs: number; rows: AnalyticsRow[] };

const databaseUrl = () => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
};

/** Creates and seeds the kept database unless it already holds the seeded workspace. */
const ensureSeeded = async (settings: Settings): Promise<{ seededNow: boolean; seedSeconds: number | null }> => {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  await applyMigrations(databaseUrl());
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  const seeded = (await db.query('SELECT 1 FROM "Tenant" WHERE name = $1', [WORKSPACE])).rowCount === 1;
  await db.end();
  if (seeded) return { seededNow: false, seedSeconds: null };
  settings.log(`analytics: seeding ${DATABASE} with npm run seed:large (kept for later runs)…`);
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-large.ts', '--workspace', WORKSPACE], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl(), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`seed:large exited with ${code}`);
  return { seededNow: true, seedSeconds: (Date.now() - t0) / 1000 };
};

export const runAnalytics = async (settings: Settings): Promise<AnalyticsResult> => {
  const seed = await ensureSeeded(settings);
  // Single-node deps (no Redis): only the database is read.
  const config = loadConfig({ DATABASE_URL: databaseUrl(), LOG_LEVEL: 'warn' });
  const deps = createDeps(config, databaseUrl(), createLogger('warn'));
  try {
    const tenant = await deps.db.tenant.findFirstOrThrow({ where: { name: WORKSPACE }, orderBy: { createdAt: 'asc' } });
    const tenantId = tenant.id;
    // A database seeded before a rollup existed gets its rows now (a no-op when current).
    await reconcileConversationStats(deps.db, { tenantId });
    const [conversations, messages, tickets, emails, contacts] = await Promise.all([
      deps.db.conversation.count({ where: { tenantId } }),
      deps.db.message.count({ where: { tenantId } }),
      deps.db.ticket.count({ where: { tenantId } }),
      deps.db.email.count({ where: { tenantId } }),
      deps.db.contact.count({ where: { tenantId } }),
    ]);
    const runs = settings.quick ? 3 : 5;
    const now = Date.now();
    const cohort = (range: RangeInput) => {
      const r = resolveRange(range, 'UTC', now);
      return { tenantId, from: r.from, to: r.to, now: new Date(now) };
    };
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
    const rows: AnalyticsRow[] = [];
    const row = async (name: string, q: (range: RangeInput) => Promise<unknown>) => {
      const ms = {} as AnalyticsRow['ms'];
      for (const preset of PRESETS) ms[preset] = await time(() => q({ preset }));
      rows.push({ name, ms });
      settings.log(`analytics: ${name} ${PRESETS.map((p) => `${p} ${Math.round(ms[p])} ms`).join(', ')}`);
    };
    await row('volume', (range) => volumeSection(deps, tenantId, resolveRange(range, 'UTC', now)));
    await row('summary', (range) => summarySection(deps, cohort(range)));
    await row('escalations', (range) => escalationsSection(deps, cohort(range)));
    await row('agents', (range) => agentsSection(deps, cohort(range)));
    await row('personas', (range) => personasSection(deps, cohort(range)));
    await row('email funnel + senders', (range) => emailSection(deps, cohort(range)));
    await row('lead pipeline', (range) => leadsSection(deps, cohort(range)));
    await row('ticket SLA', (range) => ticketsSection(deps, cohort(range)));
    const agent = await deps.db.user.findFirst({ where: { tenantId, role: 'AGENT' } });
    const persona = await deps.db.aiAgent.findFirst({ where: { tenantId } });
    const drills: Array<{ metric: DrillMetric; userId?: string; aiAgentId?: string }> = [
      { metric: 'conversations' }, { metric: 'ai_resolved' }, { metric: 'taken_over' }, { metric: 'escalated' },
      { metric: 'human_first_response' }, { metric: 'ai_response' },
      { metric: 'agent_conversations', userId: agent?.id }, { metric: 'persona_conversations', aiAgentId: persona?.id },
      { metric: 'email_opened' }, { metric: 'email_bounced' }, { metric: 'lead_won' }, { metric: 'lead_lost' },
      { metric: 'tickets_first_response_breached' }, { metric: 'tickets_resolution_met' },
    ];
    for (const d of drills) await row(`drill ${d.metric}`, (range) => drillDown(deps, { tenantId, timeZone: 'UTC', now, range, limit: 50, ...d }));
    return { database: DATABASE, ...seed, counts: { conversations, messages, tickets, emails, contacts }, runs, rows };
  } finally {
    await closeDeps(deps);
  }
};
