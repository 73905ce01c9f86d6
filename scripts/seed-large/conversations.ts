import type { SeedContext, SeedStep } from './step.ts';

/**
 * Conversations with realistic ownership histories, their messages and AI ratings, all made by
 * set-based SQL (generate_series) inside PostgreSQL: no row crosses the wire.
 *
 * Each conversation follows one scenario, drawn by weight:
 *   ai_alone 45 % (AI answers; 85 % resolved), takeover 15 % (AI → HUMAN by an agent),
 *   escalated 10 % (AI → QUEUE with a reason → HUMAN), escalated_waiting 3 % (AI → QUEUE, open),
 *   handback 5 % (AI → HUMAN → AI), queue_first 17 % (QUEUE → HUMAN), queue_waiting 5 % (open).
 * Messages alternate customer / answer; the answer is the AI's before the handoff and the
 * owning agent's after it, about `messagesPerConversation` per conversation on average.
 */
export const conversationsStep: SeedStep = {
  name: 'conversations',
  run: async ({ sql, tenantId, channelId, agentIds, personaIds, conversations, messagesPerConversation, days, offset }: SeedContext) => {
    await sql(`DROP TABLE IF EXISTS seed_conv`);
    await sql(
      `CREATE TEMP TABLE seed_conv AS
       SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS contact_id,
         now() - (random() * $1::int * interval '1 day') AS created,
         CASE WHEN r < 0.45 THEN 'ai_alone' WHEN r < 0.60 THEN 'takeover' WHEN r < 0.70 THEN 'escalated'
              WHEN r < 0.73 THEN 'escalated_waiting' WHEN r < 0.78 THEN 'handback' WHEN r < 0.95 THEN 'queue_first'
              ELSE 'queue_waiting' END AS scenario,
         ($2::uuid[])[1 + floor(random() * array_length($2::uuid[], 1))::int] AS agent,
         ($3::uuid[])[1 + floor(random() * array_length($3::uuid[], 1))::int] AS persona,
         (ARRAY['contact asked for a human', 'ai failed', 'persona rule: refund', 'persona rule: complaint', 'no answer in knowledge'])[1 + floor(random() * 5)::int] AS reason,
         -- minutes until the first handoff, until the next change, and the conversation's length
         1 + random() * 20 AS m1, 1 + random() * 30 AS m2, 30 + random() * 600 AS len,
         random() < 0.85 AS resolves,
         greatest(2, round($4::int * (0.4 + random() * 1.2)))::int AS n_msgs
       FROM (SELECT i, random() AS r FROM generate_series(1, $5::int) i) s`,
      [days, agentIds, personaIds, messagesPerConversation, conversations],
    );
    await sql(`ALTER TABLE seed_conv ADD PRIMARY KEY (i)`);
    await sql(
      `INSERT INTO "Contact" (id, "tenantId", phone, name, "createdAt", "updatedAt")
       SELECT contact_id, $1::uuid, '+1' || (7000000000 + $2::bigint + i)::text, 'Customer ' || ($2::bigint + i), created, created FROM seed_conv`,
      [tenantId, offset],
    );
    // Owner now and the resolution, by scenario.
    await sql(
      `INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", status, owner, "ownerVersion", "assigneeId",
         "lastMessageAt", "lastMessagePreview", "lastMessageDirection", "lastInboundAt", "resolvedAt", "createdAt", "updatedAt")
       SELECT id, $1::uuid, $2::uuid, contact_id,
         (CASE WHEN scenario IN ('escalated_waiting', 'queue_waiting') OR NOT resolves THEN 'OPEN' ELSE 'RESOLVED' END)::"ConversationStatus",
         (CASE scenario WHEN 'ai_alone' THEN 'AI' WHEN 'handback' THEN 'AI' WHEN 'escalated_waiting' THEN 'QUEUE' WHEN 'queue_waiting' THEN 'QUEUE' ELSE 'HUMAN' END)::"ConversationOwner",
         CASE scenario WHEN 'ai_alone' THEN 0 WHEN 'queue_waiting' THEN 0 WHEN 'takeover' THEN 1 WHEN 'escalated_waiting' THEN 1 WHEN 'queue_first' THEN 1 ELSE 2 END,
         CASE WHEN scenario IN ('takeover', 'escalated', 'queue_first') THEN agent END,
         least(now(), created + len * interval '1 minute'), 'Thanks!', 'INBOUND', created,
         CASE WHEN scenario IN ('escalated_waiting', 'queue_waiting') OR NOT resolves THEN NULL ELSE least(now(), created + len * interval '1 minute') END,
         created, created
       FROM seed_conv`,
      [tenantId, channelId],
    );
    await sql(
      `INSERT INTO "OwnershipChange" (id, "tenantId", "conversationId", "fromOwner", "toOwner", "fromAssigneeId", "toAssigneeId", "actorId", reason, version, "createdAt")
       SELECT gen_random_uuid(), $1::uuid, id, f::"ConversationOwner", t::"ConversationOwner", fa, ta, actor, why, v, ts FROM (
         SELECT id, 'AI' f, 'HUMAN' t, NULL::uuid fa, agent ta, agent actor, 'take over' why, 1 v, created + m1 * interval '1 minute' ts FROM seed_conv WHERE scenario IN ('takeover', 'handback')
         UNION ALL SELECT id, 'AI', 'QUEUE', NULL, NULL, NULL, reason, 1, created + m1 * interval '1 minute' FROM seed_conv WHERE scenario IN ('escalated', 'escalated_waiting')
         UNION ALL SELECT id, 'QUEUE', 'HUMAN', NULL, agent, agent, 'take over', 2, created + (m1 + m2) * interval '1 minute' FROM seed_conv WHERE scenario = 'escalated'
         UNION ALL SELECT id, 'HUMAN', 'AI', agent, NULL, agent, 'hand back', 2, created + (m1 + m2) * interval '1 minute' FROM seed_conv WHERE scenario = 'handback'
         UNION ALL SELECT id, 'QUEUE', 'HUMAN', NULL, agent, agent, 'take over', 1, created + m1 * interval '1 minute' FROM seed_conv WHERE scenario = 'queue_first'
       ) x`,
      [tenantId],
    );
    // Customer messages (odd k) sit at (k-1)/n of the conversation's length; each answer (even k)
    // follows the message before it, seconds later from the AI, minutes later from a person. The
    // answerer is whoever owned the conversation then (AI before the handoff, the agent in the
    // human window, the AI again after a handback); a waiting conversation gets more customer
    // messages instead. Every tenth human answer is an internal note.
    await sql(
      `INSERT INTO "Message" (id, "tenantId", "conversationId", direction, type, body, status, "senderId", "aiAgentId", "isNote", "createdAt")
       SELECT gen_random_uuid(), $1::uuid, c.id,
         (CASE WHEN inbound THEN 'INBOUND' ELSE 'OUTBOUND' END)::"MessageDirection", 'text',
         CASE WHEN inbound THEN 'Customer message ' || k ELSE 'Reply ' || k END,
         (CASE WHEN inbound THEN 'RECEIVED' ELSE 'READ' END)::"MessageStatus",
         CASE WHEN NOT inbound AND answerer = 'human' THEN c.agent END,
         CASE WHEN NOT inbound AND answerer = 'ai' THEN c.persona END,
         NOT inbound AND answerer = 'human' AND k % 20 = 0,
         least(now(), b.base + CASE
           WHEN k % 2 = 1 THEN interval '0 s'
           WHEN answerer = 'none' THEN interval '1 minute'
           WHEN answerer = 'ai' THEN (2 + random() * 8) * interval '1 second'
           ELSE (30 + random() * 270) * interval '1 second' END)
       FROM seed_conv c
       CROSS JOIN LATERAL generate_series(1, c.n_msgs) k
       CROSS JOIN LATERAL (SELECT c.created + (c.len * (k - 1 - (1 - k % 2))::float8 / c.n_msgs) * interval '1 minute' AS base) b
       CROSS JOIN LATERAL (SELECT CASE
           WHEN c.scenario = 'ai_alone' THEN 'ai'
           WHEN c.scenario IN ('takeover', 'escalated', 'escalated_waiting', 'handback') AND b.base < c.created + c.m1 * interval '1 minute' THEN 'ai'
           WHEN c.scenario = 'escalated' AND b.base < c.created + (c.m1 + c.m2) * interval '1 minute' THEN 'none'
           WHEN c.scenario = 'handback' AND b.base >= c.created + (c.m1 + c.m2) * interval '1 minute' THEN 'ai'
           WHEN c.scenario IN ('escalated_waiting', 'queue_waiting') THEN 'none'
           WHEN c.scenario = 'queue_first' AND b.base < c.created + c.m1 * interval '1 minute' THEN 'none'
           ELSE 'human' END AS answerer) a
       CROSS JOIN LATERAL (SELECT k % 2 = 1 OR a.answerer = 'none' AS inbound) d`,
      [tenantId],
    );
    // Agents rate about one AI message in twenty; four in five say helpful.
    await sql(
      `INSERT INTO "AiRating" (id, "tenantId", "messageId", "aiAgentId", "userId", helpful, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, m.id, m."aiAgentId", ($2::uuid[])[1 + floor(random() * array_length($2::uuid[], 1))::int], random() < 0.8, m."createdAt", m."createdAt"
       FROM "Message" m JOIN seed_conv c ON c.id = m."conversationId"
       WHERE m."tenantId" = $1::uuid AND m."aiAgentId" IS NOT NULL AND random() < 0.05`,
      [tenantId, agentIds],
    );
    const [counts] = await sql<{ conversations: string; messages: string; changes: string; ratings: string }>(
      `SELECT (SELECT count(*) FROM seed_conv) AS conversations,
         (SELECT count(*) FROM "Message" m JOIN seed_conv c ON c.id = m."conversationId" WHERE m."tenantId" = $1::uuid) AS messages,
         (SELECT count(*) FROM "OwnershipChange" o JOIN seed_conv c ON c.id = o."conversationId" WHERE o."tenantId" = $1::uuid) AS changes,
         (SELECT count(*) FROM "AiRating" r JOIN "Message" m ON m.id = r."messageId" JOIN seed_conv c ON c.id = m."conversationId" WHERE r."tenantId" = $1::uuid) AS ratings`,
      [tenantId],
    );
    await sql(`DROP TABLE seed_conv`);
    return { conversations: Number(counts!.conversations), messages: Number(counts!.messages), ownershipChanges: Number(counts!.changes), aiRatings: Number(counts!.ratings) };
  },
};
