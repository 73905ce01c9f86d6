/**
 * `npm run dev`: the server with reload on change (API + WebSocket on PORT, default 3000) and
 * Vite's dev server with hot module reload, which proxies /trpc (including WebSockets) to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const bin = (name: string) => `node_modules/.bin/${name}`;
const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', '--exclude', 'client/**', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SERVE_CLIENT: 'false' },
  }),
  spawn(bin('vite'), ['--config', 'client/vite.config.ts'], { stdio: 'inherit', env: process.env }),
];

let exiting = false;
const stopAll = (code: number) => {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
