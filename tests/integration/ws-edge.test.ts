import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { edgeCounters } from '../../server/realtime/ws-edge.ts';
import { Collector, commitEvents } from '../support/events.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The WebSocket edge serves `events.stream` itself; a client that sends connection params first
 * is served by tRPC's own adapter. Side by side on one server, the two must put the same bytes on
 * the wire for the same calls: that is the edge's whole contract with the tRPC client.
 */
/**
 * Frames by subscription id, each list in arrival order: the exact text, but for an error (which
 * tRPC itself writes on both paths) parsed without its stack trace, which names the call path.
 */
const byId = (texts: string[]) => {
  const out: Record<string, unknown[]> = {};
  for (const text of texts) {
    const frame = JSON.parse(text) as { id: unknown; error?: { data?: { stack?: string } } };
    if (frame.error?.data) delete frame.error.data.stack;
    (out[String(frame.id)] ??= []).push(frame.error ? frame : text);
  }
  return out;
};

describe('WebSocket edge', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ keepAlive: { pingMs: 150, pongWaitMs: 150 } });
  });
  afterAll(() => app.stop());

  /** A raw socket with the user's cookie: every text frame it receives, in order. */
  const connect = async (cookie: string, opts: { viaAdapter?: boolean; answerPings?: boolean } = {}) => {
    const url = `${app.url.replace(/^http/, 'ws')}/trpc${opts.viaAdapter ? '?connectionParams=1' : ''}`;
    const ws = new WebSocket(url, { headers: { cookie, origin: app.url } });
    const frames = new Collector<string>();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data) => {
      const text = String(data);
      frames.push(text);
      if (text === 'PING' && opts.answerPings !== false) ws.send('PONG');
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (opts.viaAdapter) ws.send(JSON.stringify({ method: 'connectionParams', data: {} }));
    const json = () => frames.items.filter((f) => f !== 'PING').map((f) => JSON.parse(f) as { id: unknown; result?: { type: string; id?: string }; error?: unknown });
    return {
      ws,
      frames,
      closed,
      send: (message: object) => ws.send(JSON.stringify(message)),
      /** Frames other than keep-alive pings. */
      texts: () => frames.items.filter((f) => f !== 'PING'),
      untilFrame: (test: (frame: ReturnType<typeof json>[number]) => boolean) => frames.until(() => json().some(test)),
    };
  };

  it("answers events.stream with exactly the frames tRPC's adapter sends: started, replay, live, stopped, and errors", async () => {
    const { admin, tenantId } = await createWorkspace(app.url); // seq 1
    await commitEvents(app.deps, tenantId, 3); // seq 2-4
    const before = edgeCounters.subscriptions;
    const edge = await connect(admin.cookie);
    const adapter = await connect(admin.cookie, { viaAdapter: true });
    const calls = [
      { id: 1, method: 'subscription', params: { path: 'events.stream', input: { lastEventId: '0' } } },
      // As the wsLink resumes: lastEventId beside the input, and JSON-RPC 2.0 with a string id.
      { id: 'b', jsonrpc: '2.0', method: 'subscription', params: { path: 'events.stream', input: undefined, lastEventId: '2' } },
    ];
    for (const client of [edge, adapter]) for (const call of calls) client.send(call);
    const caughtUp = (id: unknown) => (f: { id: unknown; result?: { id?: string } }) => f.id === id && f.result?.id === '4';
    for (const client of [edge, adapter]) await Promise.all([client.untilFrame(caughtUp(1)), client.untilFrame(caughtUp('b'))]);
    expect(edgeCounters.subscriptions).toBe(before + 2);

    await commitEvents(app.deps, tenantId, 2); // seq 5-6, live
    for (const client of [edge, adapter]) await Promise.all([client.untilFrame((f) => f.id === 1 && f.result?.id === '6'), client.untilFrame((f) => f.id === 'b' && f.result?.id === '6')]);

    const bad = { id: 7, method: 'subscription', params: { path: 'events.stream', input: { lastEventId: 'not-an-id' } } };
    for (const client of [edge, adapter]) {
      client.send(calls[1]!); // 'b' again, while it runs
      client.send({ id: 1, method: 'subscription.stop' });
      client.send(bad);
    }
    for (const client of [edge, adapter]) {
      await Promise.all([
        client.untilFrame((f) => f.id === 1 && f.result?.type === 'stopped'),
        client.untilFrame((f) => f.id === 7),
        client.untilFrame((f) => f.id === 'b' && f.error !== undefined),
      ]);
    }
    // Still subscribed with 'b' only.
    await commitEvents(app.deps, tenantId, 1); // seq 7
    for (const client of [edge, adapter]) await client.untilFrame((f) => f.id === 'b' && f.result?.id === '7');

    // Frames of one subscription are in order on both; the two subscriptions interleave by timing.
    expect(byId(edge.texts())).toEqual(byId(adapter.texts()));
    const error = JSON.parse(edge.texts().find((t) => t.startsWith('{"id":7'))!) as { error: { data: { code: string; fieldErrors: unknown } } };
    expect(error.error.data.code).toBe('BAD_REQUEST');
    // Both subscriptions, and only these: the adapter's client took none of the edge's.
    expect(edgeCounters.subscriptions).toBe(before + 2);
    edge.ws.close();
    adapter.ws.close();
  });

  it('hands queries and other calls on the socket to tRPC', async () => {
    const { admin, email } = await createWorkspace(app.url);
    const edge = await connect(admin.cookie);
    const adapter = await connect(admin.cookie, { viaAdapter: true });
    for (const client of [edge, adapter]) client.send({ id: 1, method: 'query', params: { path: 'auth.me', input: undefined } });
    for (const client of [edge, adapter]) await client.untilFrame((f) => f.id === 1);
    expect(edge.texts()).toEqual(adapter.texts());
    expect((JSON.parse(edge.texts()[0]!) as { result: { data: { user: { email: string } } } }).result.data.user.email).toBe(email);
    edge.ws.close();
    adapter.ws.close();
  });

  it('serves the stream out of a batch (the link sends one on every reconnect) and hands the rest to tRPC', async () => {
    const { admin } = await createWorkspace(app.url);
    const before = edgeCounters.subscriptions;
    const edge = await connect(admin.cookie);
    const adapter = await connect(admin.cookie, { viaAdapter: true });
    const batch = [
      { id: 1, method: 'subscription', params: { path: 'events.stream', input: undefined } },
      { id: 2, method: 'query', params: { path: 'auth.me', input: undefined } },
    ];
    for (const client of [edge, adapter]) client.send(batch);
    for (const client of [edge, adapter]) await Promise.all([client.untilFrame((f) => f.id === 1 && f.result?.type === 'data'), client.untilFrame((f) => f.id === 2)]);
    expect(byId(edge.texts())).toEqual(byId(adapter.texts()));
    expect(edgeCounters.subscriptions).toBe(before + 1);
    edge.ws.close();
    adapter.ws.close();
  });

  it('pings a quiet socket and cuts one that does not answer, while one that answers stays', async () => {
    const { admin } = await createWorkspace(app.url);
    const silent = await connect(admin.cookie, { answerPings: false });
    const answering = await connect(admin.cookie);
    await silent.frames.until((f) => f.includes('PING'));
    // A socket that never answered is terminated (no close frame: 1006).
    expect(await silent.closed).toBe(1006);
    // The answering one has been pinged again after its answer, and is still open.
    await answering.frames.until((f) => f.filter((x) => x === 'PING').length >= 3);
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    answering.ws.close();
  });
});
