/**
 * Re-renders a report from a run's raw figures (written by bench/run.ts next to the system's temp
 * dir), e.g. after improving the report's wording: `tsx bench/render.ts RAW.json [OUT.md]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReport, type Report } from './report.ts';

const [raw, out = 'BENCHMARKS.md'] = process.argv.slice(2);
if (!raw) throw new Error('usage: tsx bench/render.ts RAW.json [OUT.md]');
const report = JSON.parse(readFileSync(raw, 'utf8')) as Report;
writeFileSync(out, renderReport({ ...report, failures: report.failures ?? [] }));
