import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { startSimulator } from '../../server/dev/simulator.ts';
import { freePort } from '../support/server-process.ts';
import { createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel } from '../support/whatsapp.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

it('npm run simulate’s engine fills the inbox and advances a reply’s ticks to read', async () => {
  const { admin } = await createWorkspace(app.url);
  const graphPort = await freePort();
  const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: `http://127.0.0.1:${graphPort}`, accessToken: 'sim-token' });
  const events = watchEvents(admin);
  const simulator = await startSimulator({ target, accessToken: 'sim-token', graphPort, contacts: 3, rate: 10, durationSeconds: 0, statusDelaysMs: [1, 2, 3] });
  try {
    await events.until((seen) => seen.filter((e) => e.type === 'message.created').length >= 5);
    const inbox = await admin.http.conversation.list.query({});
    expect(inbox.total).toBeGreaterThanOrEqual(1);
    expect(inbox.total).toBeLessThanOrEqual(3);

    const reply = await admin.http.conversation.sendText.mutate({ conversationId: inbox.items[0]!.id, body: 'On it!' });
    const read = await events.next((e): e is Extract<TenantEvent, { type: 'message.updated' }> =>
      e.type === 'message.updated' && e.payload.message.id === reply.id && e.payload.message.status === 'READ');
    expect(read.payload.message.providerMessageId).toMatch(/^wamid\./);
    expect(simulator.stats.failures).toBe(0);
  } finally {
    await simulator.stop();
    await events.stop();
  }
});
