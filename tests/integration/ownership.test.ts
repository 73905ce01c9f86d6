import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { createPersona } from '../support/ai.ts';
import { addMember, createWorkspace, refusalOf, settle, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let graph: FakeGraph;
beforeAll(async () => {
  [app, graph] = await Promise.all([startTestApp(), startFakeGraph()]);
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop()]);
});

/** A workspace with two agents, a supervisor and one queued conversation (no AI persona). */
const team = async () => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const ana = await addMember(app.url, admin, 'AGENT', 'Ana Agent');
  const ben = await addMember(app.url, admin, 'AGENT', 'Ben Agent');
  const sue = await addMember(app.url, admin, 'SUPERVISOR', 'Sue Supervisor');
  const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Cleo', body: 'Can a person help me?' }]));
  const conversation = (await admin.http.conversation.list.query({})).items[0]!;
  return { admin, tenantId, ana, ben, sue, conversation };
};

describe('conversation ownership', () => {
  it('starts in the queue when no AI persona answers the channel', async () => {
    const { conversation } = await team();
    expect(conversation).toMatchObject({ owner: 'QUEUE', ownerVersion: 0, assigneeId: null });
  });

  it('lets exactly one of two simultaneous takeovers win and tells the loser who did', async () => {
    const { ana, ben, conversation, tenantId } = await team();
    const { won, lost } = await settle([
      ana.member.http.conversation.takeOver.mutate({ conversationId: conversation.id }),
      ben.member.http.conversation.takeOver.mutate({ conversationId: conversation.id }),
    ]);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.assigneeId === ana.me.user.id ? 'Ana Agent' : 'Ben Agent';
    expect(lost[0]).toMatchObject({ code: 'CONFLICT' });
    expect(lost[0]!.message).toContain(winner);
    const changes = await app.deps.db.ownershipChange.findMany({ where: { tenantId } });
    expect(changes).toHaveLength(1);
  });

  it('lets only the owner reply; a reply to a queued conversation claims it', async () => {
    const { ana, ben, conversation } = await team();
    const events = watchEvents(ana.member);
    const sent = await ana.member.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'I can help!' });
    expect(sent.status).toBe('QUEUED');
    const claimed = await events.next((e): e is Extract<TenantEvent, { type: 'conversation.owner_changed' }> => e.type === 'conversation.owner_changed');
    expect(claimed.payload).toMatchObject({ conversation: { owner: 'HUMAN', assigneeId: ana.me.user.id }, change: { from: 'QUEUE', to: 'HUMAN', reason: 'take over' } });
    const refusal = await refusalOf(ben.member.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Me too' }));
    expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ben.member.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'x' }).catch((e: Error) => e.message))).toContain('Ana Agent');
  });

  it('releases to the queue, reassigns, and lets supervisors act on others’ conversations', async () => {
    const { ana, ben, sue, conversation } = await team();
    await ana.member.http.conversation.takeOver.mutate({ conversationId: conversation.id });
    expect(await refusalOf(ben.member.http.conversation.release.mutate({ conversationId: conversation.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(ben.member.http.conversation.assign.mutate({ conversationId: conversation.id, assigneeId: ben.me.user.id }))).toMatchObject({ code: 'FORBIDDEN' });
    const reassigned = await sue.member.http.conversation.assign.mutate({ conversationId: conversation.id, assigneeId: ben.me.user.id });
    expect(reassigned).toMatchObject({ owner: 'HUMAN', assigneeId: ben.me.user.id, ownerVersion: 2 });
    const released = await ben.member.http.conversation.release.mutate({ conversationId: conversation.id });
    expect(released).toMatchObject({ owner: 'QUEUE', assigneeId: null, ownerVersion: 3 });
    expect(await refusalOf(ana.member.http.conversation.release.mutate({ conversationId: conversation.id }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('refuses to hand back when no AI persona answers the channel', async () => {
    const { ana, conversation } = await team();
    await ana.member.http.conversation.takeOver.mutate({ conversationId: conversation.id });
    expect(await refusalOf(ana.member.http.conversation.handBack.mutate({ conversationId: conversation.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      appCode: 'INVALID_STATE',
    });
  });

  it('queues new conversations and refuses hand-backs while the AI is offline, even with an active persona', async () => {
    const { admin } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    await createPersona(admin);
    expect((await admin.http.auth.me.query()).features).toEqual({ ai: 'offline' });
    await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Dora', body: 'Hi' }]));
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    expect(conversation!.owner).toBe('QUEUE');
    await admin.http.conversation.takeOver.mutate({ conversationId: conversation!.id });
    expect(await refusalOf(admin.http.conversation.handBack.mutate({ conversationId: conversation!.id }))).toMatchObject({ appCode: 'INVALID_STATE' });
  });

  it('refuses to assign to a deactivated member or a stranger', async () => {
    const { admin, ana, conversation } = await team();
    await admin.http.team.deactivate.mutate({ userId: ana.me.user.id });
    expect(await refusalOf(admin.http.conversation.assign.mutate({ conversationId: conversation.id, assigneeId: ana.me.user.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records every change with from, to, who and why, in order', async () => {
    const { ana, sue, conversation, tenantId } = await team();
    await ana.member.http.conversation.takeOver.mutate({ conversationId: conversation.id });
    await sue.member.http.conversation.release.mutate({ conversationId: conversation.id });
    const changes = await app.deps.db.ownershipChange.findMany({ where: { tenantId }, orderBy: { version: 'asc' } });
    expect(changes.map((c) => [c.fromOwner, c.toOwner, c.actorId, c.reason, c.version])).toEqual([
      ['QUEUE', 'HUMAN', ana.me.user.id, 'take over', 1],
      ['HUMAN', 'QUEUE', sue.me.user.id, 'release', 2],
    ]);
    const history = await ana.member.http.conversation.ownershipHistory.query({ conversationId: conversation.id });
    expect(history.map((h) => [h.change.version, h.change.from, h.change.to, h.change.actorId])).toEqual([
      [1, 'QUEUE', 'HUMAN', ana.me.user.id],
      [2, 'HUMAN', 'QUEUE', sue.me.user.id],
    ]);
  });
});
