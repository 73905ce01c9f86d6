/** Subscriptions that take an id refuse another workspace's, like an unknown id (they cannot ride the HTTP client). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import type { ApiUser } from '../support/api-client.ts';
import { Collector } from '../support/events.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
});
afterAll(() => app.stop());

const refusalOfSubscription = async (subscribe: (onError: (err: unknown) => void) => void) => {
  const errors = new Collector<unknown>();
  subscribe((err) => errors.push(err));
  await errors.until((e) => e.length > 0);
  return (errors.items[0] as { data?: { code?: string } }).data?.code;
};

describe.each([
  ['presence.watch', (user: ApiUser, id: string, onError: (e: unknown) => void) => user.live().client.presence.watch.subscribe({ conversationId: id }, { onError })],
  ['aiDraft.suggest', (user: ApiUser, id: string, onError: (e: unknown) => void) => user.live().client.aiDraft.suggest.subscribe({ conversationId: id }, { onError })],
])('%s', (_name, subscribe) => {
  it('refuses another workspace’s conversation exactly like an unknown one', async () => {
    const a = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(a.admin, { appUrl: app.url, graphUrl: 'http://127.0.0.1:9' });
    await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'A', body: 'private' }]));
    const conversationId = (await a.admin.http.conversation.list.query({})).items[0]!.id;
    const b = await createWorkspace(app.url);
    const foreign = await refusalOfSubscription((onError) => subscribe(b.admin, conversationId, onError));
    const unknown = await refusalOfSubscription((onError) => subscribe(b.admin, randomUUID(), onError));
    expect(foreign).toBe('NOT_FOUND');
    expect(unknown).toBe(foreign);
    await b.admin.close();
  });
});
