import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';

/** What browser specs share: the real server as a child process, Chromium, and console policing. */

const ROOT = resolve(import.meta.dirname, '../..');
const CLIENT_INDEX = resolve(ROOT, 'dist/client/index.html');
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');
export const PASSWORD = 'correct horse battery';

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });

export type ServerProcess = {
  url: string;
  /** SIGTERM, then the exit code and signal (graceful shutdown means `{ code: 0, signal: null }`). */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed, for failure messages. */
  output: string[];
  child: ChildProcess;
};

/**
 * The server as it ships (`tsx server/main.ts`) on the run's database, up once it logs "switchboard
 * is up". `env` adds settings for one spec (an AI behind a fake OpenAI server, a short presence TTL).
 */
export const startServer = async ({ env: extra = {} }: { env?: Record<string, string> } = {}): Promise<ServerProcess> => {
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(`${CLIENT_INDEX} is missing: build the client first (npm run build:client).`);
  }
  const port = await freePort();
  // Its own data directory (it keeps a generated secrets key there), not the checkout's .data.
  const dataDir = mkdtempSync(resolve(tmpdir(), 'switchboard-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing from the caller's shell may point this server elsewhere.
  // Nor switch the AI on: without a key it is offline, which is what the other specs expect.
  for (const key of ['PUBLIC_URL', 'REDIS_URL', 'ALLOWED_ORIGINS', 'SECRETS_KEY', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'AI_DEBOUNCE_MS', 'PRESENCE_TTL_MS', 'STATS_DEBOUNCE_MS']) {
    delete env[key];
  }
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: inject('databaseUrl'),
      REDIS_PREFIX: inject('redisPrefix'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SERVE_CLIENT: 'true',
      SHUTDOWN_GRACE_MS: '2000',
      ...extra,
    },
  });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await new Promise<void>((up, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.includes('"msg":"switchboard is up"')) up();
    });
    child.once('error', fail);
    void exited.then(([code, signal]) => fail(new Error(`server exited (${code ?? signal}) before it was up:\n${output.join('\n')}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const [code, signal] = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return { code, signal };
    },
  };
};

export const launchBrowser = (): Promise<Browser> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/**
 * Browser profiles (each its own cookie jar) whose console errors and warnings and uncaught page
 * errors are collected in `problems`, for the test to assert there are none.
 */
export class Pages {
  readonly problems: string[] = [];
  private contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  private reporting = false;

  async open(label: string): Promise<Page> {
    if (!this.reporting) {
      // A failing browser test says what the pages logged: a render error behind an error page,
      // a refused request. (Only inside a test; hooks have no test to report on.)
      this.reporting = true;
      try {
        onTestFailed(() => {
          if (this.problems.length > 0) process.stderr.write(`browser problems before the failure:\n${this.problems.join('\n')}\n`);
        });
      } catch {
        // Opened outside a running test.
      }
    }
    const context = await this.browser.newContext({ baseURL: this.baseURL, viewport: { width: 1280, height: 800 } });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        this.problems.push(`[${label}] console.${message.type()}: ${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`[${label}] page error: ${error.message}`));
    return page;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close()));
    this.contexts = [];
    this.reporting = false;
  }
}

export const screenshot = (page: Page, name: string) =>
  // Animations stopped: the picture shows the settled page, not a frame of a fade.
  page.screenshot({ path: resolve(SCREENSHOTS, name), fullPage: true, animations: 'disabled' });

export const unique = () => Math.random().toString(36).slice(2, 10);

export type FlakyNetwork = {
  /** Base URL that reaches the server through this link. */
  url: string;
  /** Drops every open connection (sockets see a reset) and leaves new ones hanging, as a dead network does. */
  cut: () => void;
  /** The network is back: hanging connections go through, new ones connect normally. */
  restore: () => void;
  close: () => Promise<void>;
};

/**
 * A TCP hop in front of the server whose link can be cut, to drop one browser's connection while
 * everyone else stays online. While cut, new connections are held rather than refused, so the
 * browser's reconnect waits (as on a real dead link) instead of failing loudly.
 */
export const startFlakyNetwork = async (serverUrl: string): Promise<FlakyNetwork> => {
  const target = new URL(serverUrl);
  const open = new Set<Socket>();
  let held: Socket[] = [];
  let isCut = false;

  const forward = (client: Socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  };

  const server = createServer((client) => {
    if (!isCut) return forward(client);
    client.on('error', () => client.destroy());
    held.push(client);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    cut: () => {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore: () => {
      isCut = false;
      const waiting = held.filter((socket) => !socket.destroyed);
      held = [];
      waiting.forEach(forward);
    },
    close: async () => {
      for (const socket of [...open, ...held]) socket.destroy();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
};
