import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_SECRETS_KEY } from './env.ts';

const ROOT = resolve(import.meta.dirname, '../..');

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

export type ServerProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line so far (pino JSON lines and the plain start banner). */
  output: string[];
  /** Resolves with the first line matching, as soon as it is printed. */
  waitForLine: (match: (line: string) => boolean) => Promise<string>;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
};

/** Runs `server/main.ts` as a real process, as `npm start` would, and resolves once it reports it is up. */
export const startServerProcess = async (env: Record<string, string>, opts: { entry?: string } = {}): Promise<ServerProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', opts.entry ?? 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SECRETS_KEY: TEST_SECRETS_KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const errors: string[] = [];
  let listeners: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    output.push(line);
    for (const listener of listeners) listener(line);
  });
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const waitForLine = (match: (line: string) => boolean) =>
    new Promise<string>((done, fail) => {
      const seen = output.find(match);
      if (seen) return done(seen);
      const listener = (line: string) => {
        if (!match(line)) return;
        listeners = listeners.filter((l) => l !== listener);
        done(line);
      };
      listeners.push(listener);
      void exited.then((code) =>
        fail(new Error(`server exited (${code}) before the expected line.\nstdout:\n${output.join('\n')}\nstderr:\n${errors.join('\n')}`)),
      );
    });

  await waitForLine((line) => line.includes('"msg":"switchboard is up"'));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    waitForLine,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
};
