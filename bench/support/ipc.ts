/**
 * Request/response over a child process's IPC channel: the bench's processes (servers with a
 * memory probe, subscriber fleets) answer `{ id, cmd, ... }` with `{ id, ok, result | error }`.
 */
import type { ChildProcess } from 'node:child_process';

export type IpcRequest = { id: number; cmd: string; [key: string]: unknown };
export type IpcResponse = { id: number; ok: boolean; result?: unknown; error?: string };

/** Child side: answers every request with what `handle` resolves to. */
export const serveIpc = (handle: (req: IpcRequest) => Promise<unknown>): void => {
  process.on('message', (raw) => {
    const req = raw as IpcRequest;
    handle(req).then(
      (result) => process.send?.({ id: req.id, ok: true, result } satisfies IpcResponse),
      (err: unknown) => process.send?.({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies IpcResponse),
    );
  });
};

/** Parent side: `call(cmd, args)` resolves with the child's answer. */
export const ipcClient = (child: ChildProcess) => {
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (raw) => {
    const res = raw as IpcResponse;
    const w = waiting.get(res.id);
    if (!w) return;
    waiting.delete(res.id);
    if (res.ok) w.resolve(res.result);
    else w.reject(new Error(res.error));
  });
  child.once('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`child exited (${code}) before answering`));
    waiting.clear();
  });
  return <T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, ...args });
    });
};

export type MemoryReport = { rss: number; heapUsed: number; external: number; arrayBuffers: number };

/** Memory after a full GC (the process must run with --expose-gc), so deltas are live memory. */
export const memoryAfterGc = async (): Promise<MemoryReport> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
};
