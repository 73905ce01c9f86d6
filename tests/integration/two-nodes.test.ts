import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { Collector, eventsOf } from '../support/events.ts';
import { createWorkspace, addMember } from '../support/factories.ts';
import { ApiUser } from '../support/api-client.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

// The docker-compose topology as local processes: two server replicas on one Postgres and one Redis.
let nodeA: ServerProcess;
let nodeB: ServerProcess;
beforeAll(async () => {
  const env = { DATABASE_URL: inject('databaseUrl'), REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `${inject('redisPrefix')}-nodes`, SERVE_CLIENT: 'false' };
  [nodeA, nodeB] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 60_000);
afterAll(async () => {
  const codes = await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  expect(codes).toEqual([0, 0]);
});

it('delivers an event committed through node A to a subscriber connected to node B', async () => {
  const { admin } = await createWorkspace(nodeA.url);
  // The same session cookie is valid on every node: sessions live in Postgres.
  const onB = new ApiUser(nodeB.url);
  onB.cookie = admin.cookie;
  const { client } = onB.live();
  const seen = new Collector<string>();
  const ready = new Collector<true>();
  const subscription = client.events.stream.subscribe(undefined, {
    onData: ({ data }) => (data.kind === 'ready' ? ready.push(true) : eventsOf(data).forEach((e) => seen.push(e.type))),
  });
  await ready.until((r) => r.length > 0);

  await admin.http.team.updateProfile.mutate({ name: 'Ada on A', title: 'Lead', phone: '', emailSignature: '' });
  await seen.until((types) => types.includes('member.profile_updated'));
  expect(seen.items).toEqual(['member.profile_updated']);
  subscription.unsubscribe();
  await onB.close();
});

it('closes a deactivated member’s socket on the other node', async () => {
  const { admin } = await createWorkspace(nodeA.url);
  const { member } = await addMember(nodeA.url, admin, 'AGENT');
  const onB = new ApiUser(nodeB.url);
  onB.cookie = member.cookie;
  const { wsClient, client } = onB.live();
  const ready = new Collector<true>();
  client.events.stream.subscribe(undefined, { onStarted: () => ready.push(true) });
  await ready.until((r) => r.length > 0);
  const socket = wsClient.connection!.ws;
  const closed = new Promise<number>((done) => socket.addEventListener('close', (e) => done(e.code)));

  const agentId = (await member.http.auth.me.query()).user.id;
  await admin.http.team.deactivate.mutate({ userId: agentId });
  expect(await closed).toBe(4401);
  await onB.close();
});
