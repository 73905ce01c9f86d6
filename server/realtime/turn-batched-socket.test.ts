import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, onTestFinished } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { FLUSH_SLICE_MS, setFlushSliceMs, TurnBatchedWebSocket } from './turn-batched-socket.ts';
import { prepareTextFrame } from './prepared-frame.ts';

let wss: WebSocketServer | null = null;
afterEach(async () => {
  for (const client of wss?.clients ?? []) client.terminate();
  await new Promise((done) => wss?.close(done) ?? done(undefined));
  wss = null;
});

const connectPair = async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1', WebSocket: TurnBatchedWebSocket });
  await once(wss, 'listening');
  const serverSide = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  await once(client, 'open');
  const [socket] = await serverSide;
  return { client, socket };
};

it('delivers every message of a turn, in order, intact', async () => {
  const { client, socket } = await connectPair();
  const received: string[] = [];
  const all = new Promise<void>((done) =>
    client.on('message', (data: Buffer) => {
      received.push(data.toString());
      if (received.length === 500) done();
    }),
  );
  // One turn: all of these are corked together and leave when the turn ends.
  for (let i = 0; i < 500; i++) socket.send(JSON.stringify({ i, pad: 'x'.repeat(i) }));
  await all;
  expect(received.map((r) => (JSON.parse(r) as { i: number }).i)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  client.terminate();
});

it('keeps delivering across turns (the socket is uncorked after each)', async () => {
  const { client, socket } = await connectPair();
  for (let i = 0; i < 3; i++) {
    const next = once(client, 'message') as Promise<[Buffer]>;
    socket.send(`turn ${i}`);
    const [data] = await next;
    expect(data.toString()).toBe(`turn ${i}`);
  }
  client.terminate();
});

it('flushes every socket, in slices, when more are corked than one slice writes', async () => {
  // The shortest slices (16 sockets each), so 150 sockets take ten of them.
  setFlushSliceMs(0);
  onTestFinished(() => setFlushSliceMs(FLUSH_SLICE_MS));
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1', WebSocket: TurnBatchedWebSocket });
  await once(wss, 'listening');
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const serverSockets: WebSocket[] = [];
  wss.on('connection', (s: WebSocket) => serverSockets.push(s));
  const clients = await Promise.all(
    Array.from({ length: 150 }, async () => {
      const c = new WebSocket(url);
      await once(c, 'open');
      return c;
    }),
  );
  while (serverSockets.length < clients.length) await once(wss, 'connection');
  const received = clients.map(
    (c) =>
      new Promise<string[]>((done) => {
        const got: string[] = [];
        c.on('message', (data: Buffer) => {
          got.push(data.toString());
          if (got.length === 2) done(got);
        });
      }),
  );
  // One turn: every socket corked, then a second message to each before any slice ran.
  for (const s of serverSockets) s.send('first');
  for (const s of serverSockets) s.send('second');
  expect(await Promise.all(received)).toEqual(clients.map(() => ['first', 'second']));
  for (const c of clients) c.terminate();
});

it('sends bytes as text frames, as every frame of this server is JSON text', async () => {
  const { client, socket } = await connectPair();
  const frames: Array<{ text: string; isBinary: boolean }> = [];
  const two = new Promise<void>((done) =>
    client.on('message', (data: Buffer, isBinary: boolean) => {
      frames.push({ text: data.toString(), isBinary });
      if (frames.length === 2) done();
    }),
  );
  socket.send(Buffer.from('{"shared":"frame ✓"}'));
  socket.send(Buffer.from('{"with":"a callback"}'), () => {});
  await two;
  expect(frames).toEqual([
    { text: '{"shared":"frame ✓"}', isBinary: false },
    { text: '{"with":"a callback"}', isBinary: false },
  ]);
  client.terminate();
});

it('writes a prepared frame as its bytes: the same message as send() makes, in order with the others', async () => {
  const { client, socket } = await connectPair();
  const texts = ['{"before":1}', `{"shared":"${'x'.repeat(200)}"}`, `{"big":"${'y'.repeat(70_000)}"}`, '{"after":"✓"}'];
  const frames: Array<{ text: string; isBinary: boolean }> = [];
  const all = new Promise<void>((done) =>
    client.on('message', (data: Buffer, isBinary: boolean) => {
      frames.push({ text: data.toString(), isBinary });
      if (frames.length === texts.length) done();
    }),
  );
  // Short, 16-bit and 64-bit lengths, between ordinary sends.
  socket.send(texts[0]!);
  socket.send(prepareTextFrame(texts[1]!));
  socket.send(prepareTextFrame(texts[2]!));
  socket.send(texts[3]!);
  await all;
  expect(frames).toEqual(texts.map((text) => ({ text, isBinary: false })));
  client.terminate();
});
