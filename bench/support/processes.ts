/**
 * The bench's child processes: servers (ours and the baseline) and subscriber fleets. Each runs
 * in its own process so each side holds its own file descriptors (10,000 clients and 10,000
 * server sockets would not fit one process under the machine's 20,000 fd cap) and its own core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ipcClient } from './ipc.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });

export type BenchProcess = {
  child: ChildProcess;
  pid: number;
  call: ReturnType<typeof ipcClient>;
  output: string[];
  waitForLine: (match: (line: string) => boolean, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<number | null>;
};

/**
 * Starts `node [nodeArgs] --import tsx <entry>` with an IPC channel, through `sh` so the soft
 * open-files limit is raised to the hard limit first (node cannot raise its own).
 */
export const startProcess = (entry: string, env: Record<string, string>, nodeArgs: string[] = []): BenchProcess => {
  const child = spawn('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...nodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  const errors: string[] = [];
  let listeners: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (output.length < 5000) output.push(line);
    for (const l of listeners) l(line);
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (errors.length < 200) errors.push(line);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitForLine = (match: (line: string) => boolean, timeoutMs = 60_000) =>
    new Promise<string>((done, fail) => {
      const seen = output.find(match);
      if (seen) return done(seen);
      const timer = setTimeout(() => fail(new Error(`${entry}: expected line not seen in ${timeoutMs} ms\n${errors.join('\n')}`)), timeoutMs);
      const listener = (line: string) => {
        if (!match(line)) return;
        clearTimeout(timer);
        listeners = listeners.filter((l) => l !== listener);
        done(line);
      };
      listeners.push(listener);
      void exited.then((code) => {
        clearTimeout(timer);
        fail(new Error(`${entry} exited (${code}).\nstdout:\n${output.slice(-30).join('\n')}\nstderr:\n${errors.join('\n')}`));
      });
    });
  return {
    child,
    pid: child.pid!,
    call: ipcClient(child),
    output,
    waitForLine,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
};

/** Fixed, so every server process of a run decrypts the channel secrets the others stored. */
const BENCH_SECRETS_KEY = Buffer.alloc(32, 9).toString('base64');

export type ServerNode = BenchProcess & { url: string; port: number };

/** Our server, exactly as `npm start` runs it (workers in-process), with a memory probe. */
export const startOurServer = async (opts: { databaseUrl: string; redisUrl: string; redisPrefix: string; cpuProfDir?: string }): Promise<ServerNode> => {
  const port = await freePort();
  const nodeArgs = ['--expose-gc', ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [])];
  const proc = startProcess(
    'bench/support/server-entry.ts',
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: opts.redisUrl,
      REDIS_PREFIX: opts.redisPrefix,
      SECRETS_KEY: BENCH_SECRETS_KEY,
      SERVE_CLIENT: 'false',
      PROVIDER_URLS: 'any',
      // The sign-in limiter would refuse the bench's many sign-ups from one address.
      SIGN_IN_MAX_FAILURES_PER_IP: '100000',
    },
    nodeArgs,
  );
  // LOG_LEVEL warn hides the "up" line; the health endpoint tells us instead.
  await waitForHealthy(`http://127.0.0.1:${port}/healthz`, proc);
  return { ...proc, url: `http://127.0.0.1:${port}`, port };
};

/** The hand-written floor (bench/baseline/server.ts). */
export const startBaselineServer = async (opts: { databaseUrl: string; redisUrl: string; channel: string; appSecret: string }): Promise<ServerNode> => {
  const port = await freePort();
  const proc = startProcess(
    'bench/baseline/server.ts',
    { PORT: String(port), DATABASE_URL: opts.databaseUrl, REDIS_URL: opts.redisUrl, BUS_CHANNEL: opts.channel, APP_SECRET: opts.appSecret },
    ['--expose-gc'],
  );
  await proc.waitForLine((l) => l.includes('baseline is up'));
  return { ...proc, url: `http://127.0.0.1:${port}`, port };
};

/** The tRPC floor (bench/floor/server.ts): the framework's own cost per connection. */
export const startFloorServer = async (): Promise<ServerNode> => {
  const port = await freePort();
  const proc = startProcess('bench/floor/server.ts', { PORT: String(port) }, ['--expose-gc']);
  await proc.waitForLine((l) => l.includes('floor is up'));
  return { ...proc, url: `http://127.0.0.1:${port}`, port };
};

const waitForHealthy = async (url: string, proc: BenchProcess) => {
  const deadline = Date.now() + 60_000;
  let exited = false;
  void proc.waitForLine(() => false, 120_000).catch(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited before it was healthy:\n${proc.output.slice(-20).join('\n')}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server at ${url} not healthy within 60 s`);
    await new Promise((r) => setTimeout(r, 150));
  }
};
