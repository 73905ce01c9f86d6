/**
 * The hand-written floor: the same pipeline as Switchboard's ingest → screen path with no
 * framework. node `http` → verify the Meta signature → `pg` INSERT (pool of 10, prepared
 * statement) → Redis PUBLISH → every node's Redis subscriber → `ws` broadcast, the event
 * serialised once and each socket's writes of one event-loop turn corked into one system call.
 * The webhook is acknowledged after commit and publish, as ours is. No auth, no tenancy, no
 * event log, no conversation/contact upsert: it is the cost of the transport, not of the product.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { WebSocketServer, WebSocket } from 'ws';
import { memoryAfterGc, serveIpc } from '../support/ipc.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`baseline: ${name} is required`);
  return value;
};
const port = Number(env('PORT'));
const channel = env('BUS_CHANNEL');
const appSecret = env('APP_SECRET');

const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 10 });
const pub = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
const sub = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });

await pool.query(`CREATE TABLE IF NOT EXISTS bench_baseline_message (
  id bigserial PRIMARY KEY,
  provider_message_id text NOT NULL UNIQUE,
  from_phone text NOT NULL,
  profile_name text,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`);

const INSERT = {
  name: 'baseline_insert_message',
  text: `INSERT INTO bench_baseline_message (provider_message_id, from_phone, profile_name, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider_message_id) DO NOTHING RETURNING id, created_at`,
};

type CloudMessage = { id: string; from: string; text?: { body?: string } };
type CloudBody = { entry?: Array<{ changes?: Array<{ value?: { messages?: CloudMessage[]; contacts?: Array<{ profile?: { name?: string } }> } }> }> };

const verify = (raw: Buffer, header: string | undefined): boolean => {
  if (!header?.startsWith('sha256=')) return false;
  const received = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
};

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const handleWebhook = async (req: IncomingMessage, res: ServerResponse) => {
  const raw = await readBody(req);
  if (!verify(raw, req.headers['x-hub-signature-256'] as string | undefined)) {
    res.writeHead(401).end();
    return;
  }
  let body: CloudBody;
  try {
    body = JSON.parse(raw.toString('utf8')) as CloudBody;
  } catch {
    res.writeHead(400).end();
    return;
  }
  for (const entry of body.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const value = change.value;
      for (const m of value?.messages ?? []) {
        const name = value?.contacts?.[0]?.profile?.name ?? null;
        const text = m.text?.body ?? '';
        const { rows } = await pool.query<{ id: string; created_at: Date }>({ ...INSERT, values: [m.id, m.from, name, text] });
        const row = rows[0];
        if (!row) continue;
        // The same fields, and so the same bytes on every screen, as our message.created event
        // (the message and its conversation's inbox row), filled from the one row it stores:
        // subscribers of both systems parse equal payloads, so what differs is the framework.
        const at = row.created_at.toISOString();
        const conversationId = `bench-conversation-${m.from}`;
        const event = {
          type: 'message.created',
          actorId: null,
          payload: {
            message: {
              id: row.id,
              conversationId,
              direction: 'INBOUND',
              type: 'text',
              body: text,
              content: null,
              status: 'RECEIVED',
              errorCode: null,
              errorTitle: null,
              sender: null,
              aiAgentId: null,
              isNote: false,
              claimedAt: null,
              replyToProviderId: null,
              providerMessageId: m.id,
              createdAt: at,
              sentAt: null,
              deliveredAt: null,
              readAt: null,
            },
            conversation: {
              id: conversationId,
              channelId: 'bench-channel',
              contact: { id: `bench-contact-${m.from}`, name: name ?? '', phone: m.from },
              status: 'OPEN',
              owner: 'QUEUE',
              ownerVersion: 0,
              assigneeId: null,
              lastMessageAt: at,
              lastMessagePreview: text,
              lastMessageDirection: 'INBOUND',
              lastMessageFromAi: false,
              lastInboundAt: at,
              unreadCount: 1,
              createdAt: at,
            },
          },
          tenantId: 'bench-tenant',
          seq: Number(row.id),
          createdAt: at,
        };
        await pub.publish(channel, JSON.stringify(event));
      }
    }
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
};

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/webhook') {
    handleWebhook(req, res).catch(() => res.writeHead(500).end());
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/ws' });

// One buffer per event for every socket; one corked write per socket per event-loop turn.
let pending: Buffer[] = [];
let flushScheduled = false;
const flush = () => {
  flushScheduled = false;
  const batch = pending;
  pending = [];
  for (const ws of wss.clients) {
    if (ws.readyState !== WebSocket.OPEN) continue;
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.cork();
    for (const data of batch) ws.send(data, { binary: false });
    socket.uncork();
  }
};
sub.on('message', (_channel: string, message: string) => {
  pending.push(Buffer.from(message));
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
});
await sub.subscribe(channel);

serveIpc(async (req) => {
  if (req.cmd === 'memory') return memoryAfterGc();
  throw new Error(`unknown command ${req.cmd}`);
});

server.listen(port, '127.0.0.1', () => process.stdout.write('baseline is up\n'));
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close();
  void Promise.allSettled([pool.end(), pub.quit(), sub.quit()]).then(() => process.exit(0));
});
