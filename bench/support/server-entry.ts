/**
 * Runs the real server (`server/main.ts`, unchanged) with a memory probe on the IPC channel, so
 * the bench can read its RSS and heap after a GC without touching server code.
 */
import { writeHeapSnapshot } from 'node:v8';
import { memoryAfterGc, serveIpc } from './ipc.ts';

serveIpc(async (req) => {
  if (req.cmd === 'memory') return memoryAfterGc();
  // For investigating memory per connection: `node --inspect`-free heap snapshots on demand.
  if (req.cmd === 'heap') return writeHeapSnapshot(String(req.file));
  throw new Error(`unknown command ${req.cmd}`);
});

await import('../../server/main.ts');
