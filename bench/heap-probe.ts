/**
 * `npm run bench:heap`: what one idle subscribed connection holds on our server. Heap snapshots
 * (written to /tmp) with 1 and then 1 + CLIENTS (default 500) tRPC subscribers; their difference
 * per connection, by node type and constructor, largest first.
 */
import { readFileSync } from 'node:fs';
import { startFleet } from './load/fleet-control.ts';
import { withOurServer } from './support/probe.ts';

const clients = Number(process.env.CLIENTS ?? 500);

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
const summarise = (file: string) => {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt!]!]!;
    const name = type === 'string' || type === 'concatenated string' ? '' : snap.strings[snap.nodes[i + nameAt!]!]!;
    const key = `${type}:${name.slice(0, 60)}`;
    const e = out.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += snap.nodes[i + sizeAt!]!;
    out.set(key, e);
  }
  return out;
};

await withOurServer(async (server, tenant) => {
  const fleet = await startFleet();
  await fleet.connectTrpc(server.url, tenant.cookie, 1);
  await new Promise((r) => setTimeout(r, 1000));
  const a = String(await server.call('heap', { file: '/tmp/heap-a.heapsnapshot' }));
  await fleet.connectTrpc(server.url, tenant.cookie, clients);
  await new Promise((r) => setTimeout(r, 1000));
  const b = String(await server.call('heap', { file: '/tmp/heap-b.heapsnapshot' }));
  const [sa, sb] = [summarise(a), summarise(b)];
  const rows = [...sb].map(([k, v]) => ({ k, count: (v.count - (sa.get(k)?.count ?? 0)) / clients, bytes: (v.size - (sa.get(k)?.size ?? 0)) / clients }));
  rows.sort((x, y) => y.bytes - x.bytes);
  const total = rows.reduce((n, r) => n + r.bytes, 0);
  console.log(`per connection: ${(total / 1024).toFixed(1)} KB of heap`);
  for (const r of rows.slice(0, 70)) console.log(`${r.bytes.toFixed(0).padStart(6)} B  ${r.count.toFixed(2).padStart(6)}×  ${r.k}`);
  await fleet.stop();
});
process.exit(0);
