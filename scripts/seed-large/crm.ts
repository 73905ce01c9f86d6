import type { SeedContext, SeedStep } from './step.ts';

/**
 * Leads with stage histories, their follow-up tasks, and emails with engagement, all set-based
 * SQL inside PostgreSQL. Per 100,000 conversations: 20,000 leads and 50,000 emails.
 *
 * Leads: source by weight (web form 35 %, WhatsApp 25 %, email 15 %, manual 15 %, import 10 %);
 * a first change from nothing to NEW at creation, then CONTACTED, QUALIFIED and WON (or LOST
 * from wherever it got) hours to days apart, web-form and manual leads converting best. Changes
 * that would lie in the future are not written; the contact's stage is its latest change.
 * Tasks: the default cadence (day 0, 2, 5, 10, 20) per lead; past ones mostly done or skipped,
 * a fifth left overdue.
 * Emails: to the leads, from the lead's agent, with EmailEvent rows and the columns the fold
 * (foldEngagement) derives from them: 1 % dropped, 3 % bounced (a sixth of those after a
 * delivery), 1 % stuck at processed, the rest delivered; 45 % of delivered opened (once or
 * twice), 30 % of opened clicked and 2 % clicked without an open; spam reports and
 * unsubscribes among the delivered.
 */
export const crmStep: SeedStep = {
  name: 'leads, tasks and emails',
  run: async ({ sql, tenantId, agentIds, conversations, days }: SeedContext) => {
    const leads = Math.max(1, Math.round(conversations / 5));
    const emails = Math.max(1, Math.round(conversations / 2));
    await sql(`DROP TABLE IF EXISTS seed_lead`);
    await sql(
      `CREATE TEMP TABLE seed_lead AS
       SELECT i, gen_random_uuid() AS id, now() - (random() * $1::int * interval '1 day') AS created,
         CASE WHEN s < 0.35 THEN 'WEB_FORM' WHEN s < 0.60 THEN 'WHATSAPP' WHEN s < 0.75 THEN 'EMAIL' WHEN s < 0.90 THEN 'MANUAL' ELSE 'IMPORT' END AS source,
         ($2::uuid[])[1 + floor(random() * array_length($2::uuid[], 1))::int] AS agent,
         -- How far it gets (0 new … 3 won) and whether it is lost after that; better for web forms and manual entries.
         CASE WHEN r < 0.30 - bias THEN 0 WHEN r < 0.60 - bias THEN 1 WHEN r < 0.78 - bias THEN 2 ELSE 3 END AS top,
         random() < 0.5 AS lost_if_short,
         1 + random() * 47 AS h1, 12 + random() * 120 AS h2, 24 + random() * 400 AS h3
       FROM (SELECT i, random() AS s, random() AS r FROM generate_series(1, $3::int) i) x
       CROSS JOIN LATERAL (SELECT CASE WHEN x.s < 0.35 OR (x.s >= 0.75 AND x.s < 0.90) THEN 0.08 ELSE 0 END AS bias) b`,
      [days, agentIds, leads],
    );
    await sql(`ALTER TABLE seed_lead ADD PRIMARY KEY (i)`);
    await sql(
      `INSERT INTO "Contact" (id, "tenantId", email, name, company, source, stage, "ownerId", "createdAt", "updatedAt")
       SELECT id, $1::uuid, 'lead-' || id::text || '@leads.example', 'Lead ' || i, 'Company ' || (i % 997), source::"ContactSource", 'NEW', agent, created, created
       FROM seed_lead`,
      [tenantId],
    );
    await sql(
      `INSERT INTO "ContactStageChange" (id, "tenantId", "contactId", "fromStage", "toStage", "actorId", "createdAt")
       SELECT gen_random_uuid(), $1::uuid, id, f::"ContactStage", t::"ContactStage", actor, ts FROM (
         SELECT id, NULL f, 'NEW' t, NULL::uuid actor, created ts FROM seed_lead
         UNION ALL SELECT id, 'NEW', 'CONTACTED', agent, created + h1 * interval '1 hour' FROM seed_lead WHERE top >= 1
         UNION ALL SELECT id, 'CONTACTED', 'QUALIFIED', agent, created + (h1 + h2) * interval '1 hour' FROM seed_lead WHERE top >= 2
         UNION ALL SELECT id, 'QUALIFIED', 'WON', agent, created + (h1 + h2 + h3) * interval '1 hour' FROM seed_lead WHERE top = 3
         UNION ALL SELECT id, CASE top WHEN 1 THEN 'CONTACTED' ELSE 'QUALIFIED' END, 'LOST', agent, created + (h1 + h2 * top) * interval '1 hour'
           FROM seed_lead WHERE top IN (1, 2) AND lost_if_short
       ) c WHERE ts <= now()`,
      [tenantId],
    );
    await sql(
      `UPDATE "Contact" ct SET stage = last."toStage"
       FROM (SELECT DISTINCT ON ("contactId") "contactId", "toStage" FROM "ContactStageChange" s JOIN seed_lead l ON l.id = s."contactId"
             WHERE s."tenantId" = $1::uuid ORDER BY "contactId", s."createdAt" DESC) last
       WHERE ct."tenantId" = $1::uuid AND ct.id = last."contactId"`,
      [tenantId],
    );
    await sql(
      `INSERT INTO "Task" (id, "tenantId", "contactId", "assigneeId", title, "dueAt", status, "completedAt", "completedById", "skipReason", "cadenceStep", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, l.id, l.agent, 'Follow up (day ' || d || ')', due,
         (CASE WHEN due > now() OR r < 0.20 THEN 'OPEN' WHEN r < 0.25 THEN 'SKIPPED' ELSE 'DONE' END)::"TaskStatus",
         CASE WHEN due <= now() AND r >= 0.25 THEN least(now(), due + random() * interval '8 hours') END,
         CASE WHEN due <= now() AND r >= 0.25 THEN l.agent END,
         CASE WHEN due <= now() AND r >= 0.20 AND r < 0.25 THEN 'Not reachable' END,
         k, l.created, l.created
       FROM seed_lead l
       CROSS JOIN LATERAL unnest(ARRAY[0, 2, 5, 10, 20]) WITH ORDINALITY AS c(d, k)
       CROSS JOIN LATERAL (SELECT l.created + d * interval '1 day' AS due, random() AS r) x`,
      [tenantId],
    );
    await sql(`DROP TABLE IF EXISTS seed_email`);
    await sql(
      `CREATE TEMP TABLE seed_email AS
       SELECT e.*,
         CASE WHEN delivered THEN least(now(), sent + (2 + random() * 60) * interval '1 second') END AS delivered_at,
         CASE WHEN delivered AND (o < 0.45) THEN least(now(), sent + random() * interval '2 days') END AS opened_at,
         CASE WHEN delivered AND ((o < 0.45 AND random() < 0.30) OR (o >= 0.45 AND o < 0.47)) THEN least(now(), sent + random() * interval '3 days') END AS clicked_at,
         CASE WHEN delivered AND random() < 0.4 THEN 2 ELSE 1 END AS opens,
         delivered AND random() < 0.002 AS spam,
         delivered AND random() < 0.005 AS unsubscribed
       FROM (
         SELECT n, gen_random_uuid() AS id, l.id AS contact_id, l.agent, l.i AS lead_i,
           l.created + random() * (now() - l.created) AS sent,
           CASE WHEN r < 0.01 THEN 'DROPPED' WHEN r < 0.035 THEN 'BOUNCED' WHEN r < 0.04 THEN 'BOUNCED_LATE' WHEN r < 0.05 THEN 'PROCESSED' ELSE 'DELIVERED' END AS outcome,
           r >= 0.035 AND r < 0.04 OR r >= 0.05 AS delivered,
           random() AS o
         FROM (SELECT n, 1 + floor(random() * $1::int)::int AS li, random() AS r FROM generate_series(1, $2::int) n) g
         JOIN seed_lead l ON l.i = g.li
       ) e`,
      [leads, emails],
    );
    // Opens and clicks cannot precede the delivery they prove (least(now(), …) can pull them before it).
    await sql(`UPDATE seed_email SET delivered_at = least(delivered_at, opened_at, clicked_at) WHERE delivered`);
    await sql(
      `INSERT INTO "Email" (id, "tenantId", "contactId", "senderUserId", "fromName", "fromAddress", "to", subject, html, text, status, "providerMessageId",
         attempts, "sentAt", "deliveredAt", "firstOpenedAt", "lastOpenedAt", "openCount", clicks, "bounceReason", "dropReason", "spamReportedAt", "unsubscribedAt", "createdAt", "updatedAt")
       SELECT e.id, $1::uuid, e.contact_id, e.agent, 'Agent', 'sales@large.switchboard.test', 'lead-' || e.contact_id::text || '@leads.example',
         'Following up (' || e.n || ')', '<p>Hello</p>', 'Hello',
         (CASE e.outcome WHEN 'BOUNCED_LATE' THEN 'BOUNCED' ELSE e.outcome END)::"EmailStatus", 'seed-' || e.id::text, 1,
         e.sent, e.delivered_at, e.opened_at,
         CASE WHEN e.opened_at IS NOT NULL THEN CASE WHEN e.opens = 2 THEN least(now(), e.opened_at + interval '3 hours') ELSE e.opened_at END END,
         CASE WHEN e.opened_at IS NOT NULL THEN e.opens ELSE 0 END,
         CASE WHEN e.clicked_at IS NOT NULL THEN jsonb_build_array(jsonb_build_object('url', 'https://acme.test/offer', 'count', 1,
           'firstAt', to_char(e.clicked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'lastAt', to_char(e.clicked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) ELSE '[]'::jsonb END,
         CASE WHEN e.outcome IN ('BOUNCED', 'BOUNCED_LATE') THEN '550 5.1.1 The email account that you tried to reach does not exist' END,
         CASE WHEN e.outcome = 'DROPPED' THEN 'Bounced Address' END,
         CASE WHEN e.spam THEN least(now(), e.delivered_at + interval '1 hour') END,
         CASE WHEN e.unsubscribed THEN least(now(), e.delivered_at + interval '2 hours') END,
         e.sent, e.sent
       FROM seed_email e`,
      [tenantId],
    );
    // The events the columns were folded from (one row each; the fold counts opens by rows).
    await sql(
      `INSERT INTO "EmailEvent" (id, "tenantId", "emailId", "sgEventId", fingerprint, type, "occurredAt", raw, "createdAt")
       SELECT gen_random_uuid(), $1::uuid, id, 'seed-' || gen_random_uuid()::text, type || '@' || extract(epoch FROM at)::text || '#' || k, type, at, jsonb_build_object('event', type), at
       FROM (
         SELECT id, 'processed' type, sent at, 1 k FROM seed_email
         UNION ALL SELECT id, 'delivered', delivered_at, 1 FROM seed_email WHERE delivered
         UNION ALL SELECT id, 'open', opened_at, 1 FROM seed_email WHERE opened_at IS NOT NULL
         UNION ALL SELECT id, 'open', least(now(), opened_at + interval '3 hours'), 2 FROM seed_email WHERE opened_at IS NOT NULL AND opens = 2
         UNION ALL SELECT id, 'click', clicked_at, 1 FROM seed_email WHERE clicked_at IS NOT NULL
         UNION ALL SELECT id, 'bounce', least(now(), coalesce(delivered_at, sent) + interval '1 minute'), 1 FROM seed_email WHERE outcome IN ('BOUNCED', 'BOUNCED_LATE')
         UNION ALL SELECT id, 'dropped', sent, 1 FROM seed_email WHERE outcome = 'DROPPED'
         UNION ALL SELECT id, 'spamreport', least(now(), delivered_at + interval '1 hour'), 1 FROM seed_email WHERE spam
         UNION ALL SELECT id, 'unsubscribe', least(now(), delivered_at + interval '2 hours'), 1 FROM seed_email WHERE unsubscribed
       ) ev`,
      [tenantId],
    );
    const [counts] = await sql<Record<string, string>>(
      `SELECT (SELECT count(*) FROM seed_lead) AS leads,
         (SELECT count(*) FROM "ContactStageChange" s JOIN seed_lead l ON l.id = s."contactId" WHERE s."tenantId" = $1::uuid) AS changes,
         (SELECT count(*) FROM "Task" t JOIN seed_lead l ON l.id = t."contactId" WHERE t."tenantId" = $1::uuid) AS tasks,
         (SELECT count(*) FROM seed_email) AS emails,
         (SELECT count(*) FROM "EmailEvent" v JOIN seed_email e ON e.id = v."emailId" WHERE v."tenantId" = $1::uuid) AS events`,
      [tenantId],
    );
    await sql(`DROP TABLE seed_email`);
    await sql(`DROP TABLE seed_lead`);
    return { leads: Number(counts!.leads), stageChanges: Number(counts!.changes), tasks: Number(counts!.tasks), emails: Number(counts!.emails), emailEvents: Number(counts!.events) };
  },
};
