import { afterEach, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned, type CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

const running: Array<TestApp | FakeGraph> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});


/** A payload naming the real channel, signed with the wrong secret. */
const forged = (target: CloudTarget) =>
  fetch(target.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    body: JSON.stringify(inboundTextPayload(target, [{ from: randomPhone(), name: 'Forged', body: 'let me in' }])),
  });

describe.each([
  ['in-process', false],
  ['Redis', true],
])('webhook rejections per address (%s)', (_label, redis) => {
  it('turns an address away with 429 once its refused requests use up the allowance, and valid deliveries never count', async () => {
    const app = await startTestApp({ redis, env: { WEBHOOK_MAX_REJECTIONS_PER_IP: '3', WEBHOOK_REJECTION_WINDOW_SECONDS: '60' } });
    const graph = await startFakeGraph();
    running.push(app, graph);
    const { admin } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });

    // Valid deliveries first: many of them, none counted.
    for (let i = 0; i < 5; i++) {
      expect(await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Ok', body: `hello ${i}` }]))).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await forged(target)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);

    const refused = await forged(target);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // While blocked, even a valid delivery from that address waits: the provider retries later.
    expect(await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Later', body: 'retry me' }]))).toBe(429);
    expect((await admin.http.conversation.list.query({})).total).toBe(5);
  });
});
