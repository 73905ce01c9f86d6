/**
 * `npm run bench`: Switchboard's realtime pipeline against a hand-written floor, in one run, on
 * loopback, against the local PostgreSQL and Redis (a fresh database and key prefix, removed at
 * the end). Writes BENCHMARKS.md. Never part of `npm test`; never fails on timing.
 *
 *   npm run bench                        full run (≈ 10–13 minutes on a shared 2-core machine)
 *   npm run bench -- --quick             shorter windows and fewer clients (≈ 3–5 minutes)
 *   npm run bench -- --only=latency,fanout,resume,nodes,queries,bundle,analytics
 *     (analytics seeds a kept `switchboard_bench_large` database with seed:large on its first run)
 *   npm run bench -- --out=/tmp/b.md     write the report elsewhere
 *   npm run bench -- --cpu-prof=/tmp/p   write our server's CPU profile(s) there
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { retarget, createBenchTenant } from './load/tenant.ts';
import { createBenchDatabase, REDIS_URL } from './support/database.ts';
import { machineInfo } from './support/machine.ts';
import { ROOT, startBaselineServer, startFloorServer, startOurServer, type ServerNode } from './support/processes.ts';
import { runLatency } from './sections/latency.ts';
import { runFanout, runFloorMemory } from './sections/fanout.ts';
import { runResume } from './sections/resume.ts';
import { runTwoNodes } from './sections/two-nodes.ts';
import { runQueries } from './sections/queries.ts';
import { runBundle } from './sections/bundle.ts';
import { runAnalytics } from './sections/analytics.ts';
import { renderReport, type Report } from './report.ts';
import type { Settings, System, SystemNode } from './sections/systems.ts';

const SECTIONS = ['latency', 'fanout', 'resume', 'nodes', 'queries', 'bundle', 'analytics'] as const;
type Section = (typeof SECTIONS)[number];

const parseArgs = (argv: string[]) => {
  const flag = (name: string) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const value = (name: string) => flag(name)?.split('=').slice(1).join('=');
  const only = value('only')?.split(',').map((x) => x.trim()) ?? [...SECTIONS];
  for (const s of only) if (!SECTIONS.includes(s as Section)) throw new Error(`unknown section "${s}"; choose from ${SECTIONS.join(', ')}`);
  return {
    quick: flag('quick') !== undefined,
    only: new Set(only as Section[]),
    out: resolve(ROOT, value('out') ?? 'BENCHMARKS.md'),
    cpuProfDir: value('cpu-prof'),
  };
};

const started = Date.now();
const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const asNode = (s: ServerNode): SystemNode => ({ url: s.url, pid: s.pid, memory: () => s.call('memory') });

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const settings: Settings = { quick: args.quick, log };
  const report: Report = { machine: machineInfo(), quick: args.quick, sections: {}, failures: [] };
  /** A failing section is reported and the run goes on to the next. */
  const section = async (name: Section, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`section ${name} failed: ${message}`);
      report.failures.push(`${name}: ${message}`);
    }
  };
  log(`bench ${args.quick ? '(quick) ' : ''}sections: ${[...args.only].join(', ')}`);

  const realtime = ['latency', 'fanout', 'resume', 'nodes', 'queries'].some((s) => args.only.has(s as Section));
  const db = realtime ? await createBenchDatabase() : null;
  const running: ServerNode[] = [];
  const cleanUp = async () => {
    await Promise.allSettled(running.map((s) => s.stop()));
    await db?.drop().catch((err: unknown) => log(`could not drop ${db.name}: ${String(err)}`));
  };
  // Interrupted: still stop the servers and drop the run's database and keys.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    if (db) {
      const ourA = await startOurServer({ databaseUrl: db.url, redisUrl: REDIS_URL, redisPrefix: db.redisPrefix, cpuProfDir: args.cpuProfDir });
      running.push(ourA);
      const tenant = await createBenchTenant(ourA.url);
      const baselineChannel = `${db.redisPrefix}:baseline`;
      const baseA = await startBaselineServer({ databaseUrl: db.url, redisUrl: REDIS_URL, channel: baselineChannel, appSecret: tenant.appSecret });
      running.push(baseA);
      log(`servers up: ours ${ourA.url} (pid ${ourA.pid}), baseline ${baseA.url} (pid ${baseA.pid})`);

      const ours: System = {
        name: 'ours',
        target: tenant.target,
        subscribe: (fleet, node, count) => fleet.connectTrpc(node.url, tenant.cookie, count),
      };
      const baseline: System = {
        name: 'baseline',
        target: retarget(tenant.target, `${baseA.url}/webhook`),
        subscribe: (fleet, node, count) => fleet.connectRaw(node.url, count),
      };

      if (args.only.has('latency')) await section('latency', async () => {
        const l = await runLatency([{ system: baseline, node: asNode(baseA) }, { system: ours, node: asNode(ourA) }], settings);
        report.sections.latency = { ours: l.ours!, baseline: l.baseline! };
      });
      if (args.only.has('fanout')) await section('fanout', async () => {
        const fanout = { ours: await runFanout(ours, asNode(ourA), settings), baseline: await runFanout(baseline, asNode(baseA), settings) };
        const floor = await startFloorServer();
        try {
          report.sections.fanout = { ...fanout, floor: await runFloorMemory(asNode(floor), settings) };
        } finally {
          await floor.stop();
        }
      });
      if (args.only.has('resume')) await section('resume', async () => {
        report.sections.resume = await runResume({ url: ourA.url, serverPid: ourA.pid, cookie: tenant.cookie, databaseUrl: db.url, tenantId: tenant.tenantId, target: tenant.target }, settings);
      });
      if (args.only.has('nodes')) await section('nodes', async () => {
        const ourB = await startOurServer({ databaseUrl: db.url, redisUrl: REDIS_URL, redisPrefix: db.redisPrefix });
        running.push(ourB);
        const baseB = await startBaselineServer({ databaseUrl: db.url, redisUrl: REDIS_URL, channel: baselineChannel, appSecret: tenant.appSecret });
        running.push(baseB);
        const n = await runTwoNodes(
          [
            { system: baseline, nodeA: asNode(baseA), nodeB: asNode(baseB) },
            { system: ours, nodeA: asNode(ourA), nodeB: asNode(ourB) },
          ],
          settings,
        );
        report.sections.nodes = { ours: n.ours!, baseline: n.baseline! };
      });
      if (args.only.has('queries')) await section('queries', async () => {
        report.sections.queries = await runQueries({ databaseUrl: db.url, tenantId: tenant.tenantId, admin: tenant.admin }, settings);
      });
    }
    if (args.only.has('bundle')) await section('bundle', async () => void (report.sections.bundle = await runBundle(settings)));
    if (args.only.has('analytics')) await section('analytics', async () => void (report.sections.analytics = await runAnalytics(settings)));
  } finally {
    await cleanUp();
    // Whatever was measured is written, even when a section or the run failed.
    report.elapsedSeconds = (Date.now() - started) / 1000;
    writeFileSync(args.out, renderReport(report));
    const raw = join(tmpdir(), 'switchboard-bench-last-run.json');
    writeFileSync(raw, JSON.stringify(report, null, 1));
    log(`wrote ${args.out} in ${report.elapsedSeconds.toFixed(0)} s (raw figures: ${raw})`);
  }
};

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
