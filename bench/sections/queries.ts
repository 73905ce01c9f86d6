/**
 * Section 5: read queries on a larger data set, through the real tRPC HTTP API, next to the same
 * reads hand-written in SQL over `pg` (the floor). The data set is bulk-inserted in SQL
 * (`INSERT … SELECT generate_series`) into the bench tenant so it loads in seconds; its size is
 * in the report. The analytics queries have their own section (7), on the larger `seed:large` set.
 */
import pg from 'pg';
import type { ApiUser } from '../../tests/support/api-client.ts';
import { nowMs, percentileOf } from '../support/histogram.ts';
import type { Settings } from './systems.ts';

export type QueryTiming = { name: string; ours: { p50: number; p99: number }; baseline: { p50: number; p99: number }; iterations: number };
export type QueriesResult = { conversations: number; messages: number; contacts: number; tickets: number; loadMs: number; timings: QueryTiming[] };

const MESSAGES_PER_CONVERSATION = 10;
const SEARCH_WORD = 'zanzibar';

const bulkLoad = async (client: pg.Client, tenantId: string, conversations: number) => {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM "Channel" WHERE "tenantId" = $1 LIMIT 1', [tenantId]);
  const channelId = rows[0]!.id;
  await client.query(
    `INSERT INTO "Contact" (id, "tenantId", phone, name, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, '+1888' || lpad(i::text, 7, '0'), 'Customer ' || i, now(), now()
     FROM generate_series(1, $2::int) AS i`,
    [tenantId, conversations],
  );
  await client.query(
    `INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, owner, "lastMessageAt", "lastMessagePreview", "lastMessageDirection", "unreadCount", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, c.id, CASE WHEN random() < 0.8 THEN 'OPEN' ELSE 'RESOLVED' END::"ConversationStatus", 'QUEUE',
            now() - (row_number() OVER ()) * interval '1 minute', 'Last message', 'INBOUND', 1, now(), now()
     FROM "Contact" c WHERE c."tenantId" = $1 AND c.phone LIKE '+1888%'`,
    [tenantId, channelId],
  );
  // One message in 500 mentions the search word, the rest are ordinary text.
  await client.query(
    `INSERT INTO "Message" (id, "tenantId", "conversationId", direction, type, body, "providerMessageId", status, "createdAt")
     SELECT gen_random_uuid(), $1, cv.id, CASE WHEN k % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END::"MessageDirection", 'text',
            CASE WHEN abs(k::bigint * 7919 + hashtext(cv.id::text)::bigint) % 500 = 0 THEN 'Is the ${SEARCH_WORD} tour still on?' ELSE 'Message ' || k || ' about order #' || (k * 31) END,
            'bulk.' || cv.id || '.' || k, CASE WHEN k % 2 = 0 THEN 'RECEIVED' ELSE 'READ' END::"MessageStatus",
            cv."lastMessageAt" - ($2::int - k) * interval '10 seconds'
     FROM "Conversation" cv, generate_series(1, $2::int) AS k
     WHERE cv."tenantId" = $1 AND cv."lastMessagePreview" = 'Last message'`,
    [tenantId, MESSAGES_PER_CONVERSATION],
  );
  // A ticket for one conversation in ten: every status and priority, running SLA clocks due over the next days.
  await client.query(
    `INSERT INTO "Ticket" (id, "tenantId", number, subject, status, priority, "priorityRank", "contactId", "conversationId", "slaState", "slaDueAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, 1000 + n, 'Order #' || (n * 31) || ' has not arrived',
            (ARRAY['NEW','OPEN','OPEN','PENDING','RESOLVED','CLOSED'])[1 + n % 6]::"TicketStatus",
            (ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + n % 4]::"TicketPriority", n % 4,
            "contactId", id,
            CASE WHEN n % 6 < 3 THEN 'running' ELSE 'none' END::"SlaState",
            CASE WHEN n % 6 < 3 THEN now() + (n % 5000) * interval '1 minute' END,
            now() - n * interval '1 minute', now() - n * interval '1 minute'
     FROM (SELECT id, "contactId", row_number() OVER (ORDER BY "lastMessageAt" DESC) AS n FROM "Conversation" WHERE "tenantId" = $1) AS c
     WHERE n % 10 = 0`,
    [tenantId],
  );
  await client.query(`UPDATE "TicketCounter" SET "lastNumber" = (SELECT max(number) FROM "Ticket" WHERE "tenantId" = $1) WHERE "tenantId" = $1`, [tenantId]);
  await client.query('ANALYZE "Contact"; ANALYZE "Conversation"; ANALYZE "Message"; ANALYZE "Ticket"');
};

const time = async (iterations: number, run: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = nowMs();
    await run();
    samples.push(nowMs() - t0);
  }
  return { p50: percentileOf(samples, 0.5), p99: percentileOf(samples, 0.99) };
};

// The floor: what a careful person would write by hand for the same three screens.
const SQL_PAGE = `SELECT cv.*, ct.name AS "contactName", ct.phone AS "contactPhone" FROM "Conversation" cv JOIN "Contact" ct ON ct.id = cv."contactId"
  WHERE cv."tenantId" = $1 AND cv.status = 'OPEN' ORDER BY cv."lastMessageAt" DESC, cv.id DESC LIMIT 51`;
const SQL_COUNT = `SELECT count(*) FROM "Conversation" WHERE "tenantId" = $1 AND status = 'OPEN'`;
const SEARCH_WHERE = `cv."tenantId" = $1 AND cv.status = 'OPEN' AND (ct.name ILIKE $2 OR EXISTS (SELECT 1 FROM "Message" m WHERE m."tenantId" = $1 AND m."conversationId" = cv.id AND m.body ILIKE $2))`;
const SQL_SEARCH = `SELECT cv.*, ct.name AS "contactName", ct.phone AS "contactPhone" FROM "Conversation" cv JOIN "Contact" ct ON ct.id = cv."contactId"
  WHERE ${SEARCH_WHERE} ORDER BY cv."lastMessageAt" DESC, cv.id DESC LIMIT 51`;
const SQL_SEARCH_COUNT = `SELECT count(*) FROM "Conversation" cv JOIN "Contact" ct ON ct.id = cv."contactId" WHERE ${SEARCH_WHERE}`;
const TICKET_WHERE = `t."tenantId" = $1 AND t.status IN ('NEW', 'OPEN')`;
const SQL_TICKETS = `SELECT t.*, a.name AS "assigneeName", cb.name AS "createdByName", ct.name AS "contactName", ct.phone AS "contactPhone" FROM "Ticket" t
  LEFT JOIN "User" a ON a.id = t."assigneeId" LEFT JOIN "User" cb ON cb.id = t."createdById" LEFT JOIN "Contact" ct ON ct.id = t."contactId"
  WHERE ${TICKET_WHERE} ORDER BY t."slaDueAt" ASC NULLS LAST, t.number ASC LIMIT 51`;
const SQL_TICKET_COUNT = `SELECT count(*) FROM "Ticket" t WHERE ${TICKET_WHERE}`;
const SQL_THREAD = `SELECT * FROM "Message" WHERE "tenantId" = $1 AND "conversationId" = $2 ORDER BY "createdAt" DESC, id DESC LIMIT 51`;

export const runQueries = async (opts: { databaseUrl: string; tenantId: string; admin: ApiUser }, s: Settings): Promise<QueriesResult> => {
  const conversations = s.quick ? 10_000 : 50_000;
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  // The floor reads through a pool like ours, so the page and its count run side by side.
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
  try {
    const t0 = nowMs();
    await bulkLoad(client, opts.tenantId, conversations);
    const loadMs = nowMs() - t0;
    const counts = await client.query<{ c: string; m: string; k: string; t: string }>(
      `SELECT (SELECT count(*) FROM "Conversation" WHERE "tenantId" = $1) AS c, (SELECT count(*) FROM "Message" WHERE "tenantId" = $1) AS m,
              (SELECT count(*) FROM "Contact" WHERE "tenantId" = $1) AS k, (SELECT count(*) FROM "Ticket" WHERE "tenantId" = $1) AS t`,
      [opts.tenantId],
    );
    const row = counts.rows[0]!;
    s.log(`queries: ${row.c} conversations, ${row.m} messages, ${row.t} tickets loaded in ${(loadMs / 1000).toFixed(1)} s`);
    const first = await opts.admin.http.conversation.list.query({ limit: 50 });
    const busiest = first.items[0]!.id;
    const iterations = s.quick ? 20 : 60;
    const pattern = `%${SEARCH_WORD}%`;
    const timings: QueryTiming[] = [
      {
        name: 'Inbox first page (50 open, newest first, with total)',
        ours: await time(iterations, () => opts.admin.http.conversation.list.query({ limit: 50 })),
        baseline: await time(iterations, () => Promise.all([pool.query(SQL_PAGE, [opts.tenantId]), pool.query(SQL_COUNT, [opts.tenantId])])),
        iterations,
      },
      {
        name: `Inbox search "${SEARCH_WORD}" (contact name or any message text)`,
        ours: await time(iterations, () => opts.admin.http.conversation.list.query({ limit: 50, search: SEARCH_WORD })),
        baseline: await time(iterations, () =>
          Promise.all([pool.query(SQL_SEARCH, [opts.tenantId, pattern]), pool.query(SQL_SEARCH_COUNT, [opts.tenantId, pattern])]),
        ),
        iterations,
      },
      {
        name: 'Conversation thread (latest 50 messages)',
        ours: await time(iterations, () => opts.admin.http.conversation.messages.query({ conversationId: busiest, limit: 50 })),
        baseline: await time(iterations, () => pool.query(SQL_THREAD, [opts.tenantId, busiest])),
        iterations,
      },
      {
        name: 'Ticket list (50 new or open, soonest SLA due first, with total)',
        ours: await time(iterations, () => opts.admin.http.ticket.list.query({ status: ['NEW', 'OPEN'], sort: 'sla_due', limit: 50 })),
        baseline: await time(iterations, () => Promise.all([pool.query(SQL_TICKETS, [opts.tenantId]), pool.query(SQL_TICKET_COUNT, [opts.tenantId])])),
        iterations,
      },
    ];
    for (const t of timings) s.log(`query ${t.name}: ours p50 ${t.ours.p50.toFixed(1)} p99 ${t.ours.p99.toFixed(1)} ms; baseline p50 ${t.baseline.p50.toFixed(1)} p99 ${t.baseline.p99.toFixed(1)} ms`);
    return { conversations: Number(row.c), messages: Number(row.m), contacts: Number(row.k), tickets: Number(row.t), loadMs, timings };
  } finally {
    await Promise.allSettled([client.end(), pool.end()]);
  }
};
