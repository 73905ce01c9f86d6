import type { CloudTarget } from './cloud-webhook-builder.ts';
import { inboundTextPayload, postSigned, statusPayload } from './cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from './fake-graph-server.ts';

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eva', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Maya', 'Nils', 'Olga', 'Pablo'];
const LAST = ['Silva', 'Okafor', 'Martin', 'Patel', 'Novak', 'Haddad', 'Kim', 'Tanaka', 'Rossi', 'Berg', 'Adeyemi', 'Costa'];
const LINES = [
  'Hi, is this still available?',
  'What are your opening hours today?',
  'Can I change the delivery address on my order?',
  'Thanks, that was quick!',
  'Do you have it in size M?',
  'I was charged twice for order #%n',
  'Could someone call me back?',
  'Is there a discount for two units?',
  'Where is my parcel? Tracking says delivered',
  'Perfect, see you tomorrow 👍',
];

export type SimulatorOptions = {
  target: CloudTarget;
  accessToken: string;
  graphPort: number;
  contacts: number;
  /** Inbound messages per second across all contacts. */
  rate: number;
  /** Stop after this many seconds; 0 runs until stop() is called. */
  durationSeconds: number;
  /** Milliseconds between a send and its sent / delivered / read statuses. */
  statusDelaysMs?: [number, number, number];
  onLog?: (line: string) => void;
};

export type Simulator = { graph: FakeGraph; stats: { inbound: number; sends: number; statuses: number; failures: number }; done: Promise<void>; stop: () => Promise<void> };

/**
 * Plays Meta against a running Switchboard: signed inbound messages from a pool of contacts at a
 * steady rate, and, for every reply the server sends through the fake Graph API, the sent →
 * delivered → read statuses a real phone would produce.
 */
export const startSimulator = async (opts: SimulatorOptions): Promise<Simulator> => {
  const log = opts.onLog ?? (() => {});
  const graph = await startFakeGraph({ port: opts.graphPort, accessToken: opts.accessToken });
  const stats = { inbound: 0, sends: 0, statuses: 0, failures: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const contacts = Array.from({ length: opts.contacts }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    phone: `+1555${String(2_000_000 + i * 7919).padStart(7, '0')}`,
  }));

  const post = async (payload: unknown, what: string) => {
    try {
      const status = await postSigned(opts.target, payload);
      if (status !== 200) {
        stats.failures++;
        log(`${what}: server answered ${status}`);
      }
    } catch (err) {
      stats.failures++;
      log(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const [sentMs, deliveredMs, readMs] = opts.statusDelaysMs ?? [300, 1200, 3500];
  graph.onSend((send) => {
    stats.sends++;
    const recipient = String(send.body.to);
    for (const [status, ms] of [['sent', sentMs], ['delivered', deliveredMs], ['read', readMs]] as const) {
      later(ms, () => {
        stats.statuses++;
        void post(statusPayload(opts.target, [{ id: send.wamid!, status, recipient }]), `status ${status}`);
      });
    }
  });

  let stopped = false;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const intervalMs = opts.rate > 0 ? 1000 / opts.rate : 0;
  let order = 1000;
  const tick = () => {
    if (stopped || intervalMs === 0) return;
    const contact = contacts[Math.floor(Math.random() * contacts.length)]!;
    const body = LINES[Math.floor(Math.random() * LINES.length)]!.replace('%n', String(order++));
    stats.inbound++;
    void post(inboundTextPayload(opts.target, [{ from: contact.phone, name: contact.name, body }]), 'inbound');
    later(intervalMs, tick);
  };
  tick();

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await graph.stop();
    resolveDone();
  };
  if (opts.durationSeconds > 0) later(opts.durationSeconds * 1000, () => void stop());
  return { graph, stats, done, stop };
};
