import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: a real server process, a real Chromium, the built client (`npm run build:client`). */
export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/e2e/**/*.spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One server and one browser per file; files run one at a time so two Chromiums don't fight over 2 cores.
    fileParallelism: false,
  },
});
