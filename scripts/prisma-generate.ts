/**
 * `prisma generate` (postinstall, `npm run db:generate`). The Prisma CLI downloads a native schema
 * engine before every command; generating the client does not need it, and the download is not
 * reachable everywhere, so point the CLI at a stand-in binary.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'node_modules/.bin', process.platform === 'win32' ? 'prisma.cmd' : 'prisma');

const child = spawn(bin, ['generate', '--schema', 'prisma/schema.prisma', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false' },
  shell: process.platform === 'win32',
});
child.on('error', (error) => {
  console.error(`Could not start ${bin}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
