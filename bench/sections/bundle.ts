/**
 * Section 6: the production client bundle. Builds with the project's Vite config into a
 * temporary directory (with a manifest), then gzips the entry chunk and, per lazily loaded route,
 * what navigating there downloads beyond the entry (its chunk and the chunks only it imports).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../support/processes.ts';
import type { Settings } from './systems.ts';

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };
export type BundleResult = {
  entry: { file: string; gzipKb: number; rawKb: number; cssGzipKb: number };
  routes: Array<{ route: string; gzipKb: number; files: number }>;
  totalJsGzipKb: number;
  buildMs: number;
};

export const runBundle = async (s: Settings): Promise<BundleResult> => {
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-dist-'));
  try {
    const t0 = Date.now();
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'client/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const buildMs = Date.now() - t0;
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const gz = new Map<string, { gzip: number; raw: number }>();
    const size = (file: string) => {
      let v = gz.get(file);
      if (!v) {
        const bytes = readFileSync(join(outDir, file));
        v = { gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
        gz.set(file, v);
      }
      return v;
    };
    /** Every chunk key reachable through static imports. */
    const closure = (key: string, seen = new Set<string>()) => {
      if (seen.has(key)) return seen;
      seen.add(key);
      for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
      return seen;
    };
    const [entryKey, entry] = Object.entries(manifest).find(([, c]) => c.isEntry)!;
    const entryClosure = closure(entryKey);
    const entryGzip = [...entryClosure].reduce((n, k) => n + size(manifest[k]!.file).gzip, 0);
    const entryRaw = [...entryClosure].reduce((n, k) => n + size(manifest[k]!.file).raw, 0);
    const entryCss = [...entryClosure].flatMap((k) => manifest[k]!.css ?? []).reduce((n, f) => n + size(f).gzip, 0);
    const routes = Object.entries(manifest)
      .filter(([key, c]) => c.isDynamicEntry && key.includes('/routes/'))
      .map(([key]) => {
        const own = [...closure(key)].filter((k) => !entryClosure.has(k));
        const files = own.flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]);
        return { route: key.replace(/^.*routes\//, '').replace(/\.tsx?$/, ''), gzipKb: files.reduce((n, f) => n + size(f).gzip, 0) / 1024, files: files.length };
      })
      .sort((a, b) => b.gzipKb - a.gzipKb);
    const allJs = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
    const result: BundleResult = {
      entry: { file: entry.file, gzipKb: entryGzip / 1024, rawKb: entryRaw / 1024, cssGzipKb: entryCss / 1024 },
      routes,
      totalJsGzipKb: allJs.reduce((n, c) => n + size(c.file).gzip, 0) / 1024,
      buildMs,
    };
    s.log(`bundle: entry ${result.entry.gzipKb.toFixed(1)} KB gzip (+${result.entry.cssGzipKb.toFixed(1)} KB CSS); ${routes.length} lazy routes`);
    return result;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};
