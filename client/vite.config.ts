import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server the dev server proxies to; the browser only ever talks to its own origin.
const apiTarget = `http://localhost:${process.env.SERVER_PORT ?? '3000'}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../dist/client'),
    emptyOutDir: true,
  },
  server: {
    // Host is passed through unchanged (no changeOrigin): the server's Origin check compares it
    // with the browser's Origin for mutations and the WebSocket upgrade.
    proxy: {
      '/trpc': { target: apiTarget, ws: true },
      '/healthz': { target: apiTarget },
    },
  },
});
