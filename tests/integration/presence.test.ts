import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import type { PresenceView } from '../../server/realtime/presence.router.ts';
import { ApiUser } from '../support/api-client.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { Collector } from '../support/events.ts';
import { addMember, createWorkspace, refusalOf } from '../support/factories.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

// Two server processes on one Redis: presence set through one is seen on the other, and lapses.
let nodeA: ServerProcess;
let nodeB: ServerProcess;
beforeAll(async () => {
  const env = { DATABASE_URL: inject('databaseUrl'), REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `${inject('redisPrefix')}-presence`, SERVE_CLIENT: 'false', PRESENCE_TTL_MS: '400' };
  [nodeA, nodeB] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
});

it('shows who views and types across two server processes, and forgets them when they leave or go quiet', async () => {
  const { admin } = await createWorkspace(nodeA.url);
  const ana = await addMember(nodeA.url, admin, 'AGENT', 'Ana');
  const { target } = await connectCloudChannel(admin, { appUrl: nodeA.url, graphUrl: 'http://127.0.0.1:9' });
  await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Cleo', body: 'hi' }]));
  const conversationId = (await admin.http.conversation.list.query({})).items[0]!.id;

  const watcher = new ApiUser(nodeB.url);
  watcher.cookie = admin.cookie;
  const views = new Collector<PresenceView[]>();
  const subscription = watcher.live().client.presence.watch.subscribe({ conversationId }, { onData: (v) => views.push(v) });
  await views.until((v) => v.length === 1);
  expect(views.items[0]).toEqual([]);

  await ana.member.http.presence.beat.mutate({ conversationId, state: 'viewing' });
  await views.until((v) => v.some((s) => s.some((p) => p.name === 'Ana' && p.state === 'viewing')));
  await ana.member.http.presence.beat.mutate({ conversationId, state: 'typing_reply' });
  await views.until((v) => v.some((s) => s.some((p) => p.state === 'typing_reply')));
  await ana.member.http.presence.leave.mutate({ conversationId });
  await views.until((v) => v.at(-1)!.length === 0);

  // Going quiet (a closed tab): the entry lapses after its TTL with no further call.
  await ana.member.http.presence.beat.mutate({ conversationId, state: 'viewing' });
  const seenAt = views.items.length;
  await views.until((v) => v.length > seenAt && v.at(-1)!.length === 0);
  expect(views.items.at(-2)).toEqual([{ userId: ana.me.user.id, name: 'Ana', state: 'viewing' }]);
  subscription.unsubscribe();
  await watcher.close();

  const stranger = await createWorkspace(nodeA.url);
  expect(await refusalOf(stranger.admin.http.presence.beat.mutate({ conversationId, state: 'viewing' }))).toMatchObject({ code: 'NOT_FOUND' });
  expect(await refusalOf(stranger.admin.http.presence.leave.mutate({ conversationId }))).toMatchObject({ code: 'NOT_FOUND' });
});
