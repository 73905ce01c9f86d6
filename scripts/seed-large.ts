/**
 * `npm run seed:large [-- --workspace "Name"] [--conversations 100000] [--messages-per-conversation 10] [--days 90]`
 *
 * Fills a workspace with realistic volume for trying the dashboards and for benchmarks: by
 * default 100,000 conversations over 90 days with about 1,000,000 messages, ownership changes
 * (takeovers, handbacks, escalations with reasons), AI ratings, 20 agents and 3 personas, plus
 * 20,000 leads with stage histories and follow-up tasks and 50,000 emails with engagement. Uses
 * DATABASE_URL, or the embedded PostgreSQL in DATA_DIR as `npm start` does. Names an existing
 * workspace to add to it; otherwise creates one and prints its login.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../server/auth/password.ts';
import { loadConfig } from '../server/config.ts';
import { startEmbeddedPostgres } from '../server/db/embedded.ts';
import { applyMigrations } from '../server/db/migrate.ts';
import { createLogger } from '../server/logger.ts';
import { createDb } from '../server/db/client.ts';
import { reconcileConversationStats } from '../server/dashboard/stats/reconcile-stats.ts';
import { reconcileVolume } from '../server/dashboard/stats/volume-rollup.ts';
import { SecretBox, loadSecretsKey } from '../server/security/secret-box.ts';
import { conversationsStep } from './seed-large/conversations.ts';
import { crmStep } from './seed-large/crm.ts';
import { ticketsStep } from './seed-large/tickets.ts';
import type { SeedContext, SeedStep } from './seed-large/step.ts';

/** Each noun's bulk-SQL step, in order (leads before tickets: both are independent of each other). */
const STEPS: SeedStep[] = [conversationsStep, crmStep, ticketsStep];

const { values: args } = parseArgs({
  options: {
    workspace: { type: 'string', default: 'Large workspace' },
    conversations: { type: 'string', default: '100000' },
    'messages-per-conversation': { type: 'string', default: '10' },
    days: { type: 'string', default: '90' },
    agents: { type: 'string', default: '20' },
  },
});
const positive = (name: string, raw: string | undefined) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive whole number\n`);
    process.exit(2);
  }
  return n;
};
const conversations = positive('conversations', args.conversations);
const messagesPerConversation = positive('messages-per-conversation', args['messages-per-conversation']);
const days = positive('days', args.days);
const agentCount = positive('agents', args.agents);

const config = loadConfig();
const log = createLogger(config.logLevel);
const out = (line: string) => process.stdout.write(`${line}\n`);

const main = async () => {
  const started = performance.now();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  const databaseUrl = config.databaseUrl ?? embedded!.databaseUrl;
  await applyMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const sql: SeedContext['sql'] = async <T,>(text: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const rows = (await client.query(text, params)).rows as T[];
    log.debug({ ms: Math.round(performance.now() - t0), sql: text.trim().slice(0, 60) }, 'seed statement');
    return rows;
  };
  try {
    const found = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE name = $1 ORDER BY "createdAt" LIMIT 1`, [args.workspace]);
    let login: { email: string; password: string } | null = null;
    const tenantId = found[0]?.id ?? (await sql<{ id: string }>(`INSERT INTO "Tenant" (id, name) VALUES (gen_random_uuid(), $1) RETURNING id`, [args.workspace]))[0]!.id;
    if (!found[0]) {
      await sql(`INSERT INTO "EventCounter" ("tenantId") VALUES ($1)`, [tenantId]);
      login = { email: `admin-${tenantId.slice(0, 8)}@large.switchboard.test`, password: randomBytes(12).toString('base64url') };
      await sql(
        `INSERT INTO "User" (id, "tenantId", email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Large Admin', 'ADMIN', $3, now())`,
        [tenantId, login.email, await hashPassword(login.password)],
      );
    }
    const tag = tenantId.slice(0, 8);
    // Agents sign in with a password nobody knows: they exist to own conversations.
    const agentHash = await hashPassword(randomBytes(16).toString('hex'));
    await sql(
      `INSERT INTO "User" (id, "tenantId", email, name, role, "passwordHash", "updatedAt")
       SELECT gen_random_uuid(), $1, 'agent-' || i || '-' || $2 || '@large.switchboard.test', 'Agent ' || i, 'AGENT', $3, now()
       FROM generate_series(1, $4::int) i ON CONFLICT (email) DO NOTHING`,
      [tenantId, tag, agentHash, agentCount],
    );
    const agentIds = (await sql<{ id: string }>(`SELECT id FROM "User" WHERE "tenantId" = $1 AND role = 'AGENT' AND email LIKE 'agent-%@large.switchboard.test'`, [tenantId])).map((r) => r.id);
    await sql(
      `INSERT INTO "AiAgent" (id, "tenantId", name, role, "personalityPrompt", model, active, "isDefault", "updatedAt")
       SELECT gen_random_uuid(), $1, n, r::"AiAgentRole", 'Warm and brief.', 'gpt-4o-mini', true, n = 'Nova', now()
       FROM (VALUES ('Nova', 'SUPPORT'), ('Sol', 'SALES'), ('Iris', 'ASSISTANT')) v(n, r)
       WHERE NOT EXISTS (SELECT 1 FROM "AiAgent" a WHERE a."tenantId" = $1 AND a.name = v.n)`,
      [tenantId],
    );
    const personaIds = (await sql<{ id: string }>(`SELECT id FROM "AiAgent" WHERE "tenantId" = $1 AND name IN ('Nova', 'Sol', 'Iris')`, [tenantId])).map((r) => r.id);
    const secrets = new SecretBox(loadSecretsKey(config.secretsKey, config.dataDir).key);
    let [channel] = await sql<{ id: string }>(`SELECT id FROM "Channel" WHERE "tenantId" = $1 AND name = 'Seeded line'`, [tenantId]);
    channel ??= (
      await sql<{ id: string }>(
        `INSERT INTO "Channel" (id, "tenantId", provider, name, "phoneNumber", secrets, "updatedAt") VALUES (gen_random_uuid(), $1, 'WHATSAPP_CLOUD', 'Seeded line', '+15550000000', $2, now()) RETURNING id`,
        [tenantId, secrets.seal({})],
      )
    )[0]!;
    const [{ n: offset }] = (await sql<{ n: string }>(`SELECT count(*) AS n FROM "Conversation" WHERE "tenantId" = $1`, [tenantId])) as [{ n: string }];

    const ctx: SeedContext = { sql, tenantId, channelId: channel.id, agentIds, personaIds, conversations, messagesPerConversation, days, offset: Number(offset) };
    out(`Seeding "${args.workspace}" (${tenantId}): ${conversations} conversations over ${days} days…`);
    for (const step of STEPS) {
      const t0 = performance.now();
      const made = await step.run(ctx);
      out(`  ${step.name}: ${Object.entries(made).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // The analytics rollups: stats rows in batches of bulk upserts computed by the same code as the
    // live job, volume buckets in one recount per workspace.
    const tStats = performance.now();
    const db = createDb(databaseUrl, 4);
    try {
      const rows = await reconcileConversationStats(db, { tenantId });
      out(`  conversation stats: ${rows.toLocaleString('en')} rows in ${((performance.now() - tStats) / 1000).toFixed(1)} s`);
      const tVolume = performance.now();
      // Adding to a workspace that already had buckets recounts only its last day: recount all of it.
      await db.activityVolume.deleteMany({ where: { tenantId } });
      await reconcileVolume(db, { tenantId });
      out(`  activity volume buckets in ${((performance.now() - tVolume) / 1000).toFixed(1)} s`);
    } finally {
      await db.$disconnect();
    }
    const t0 = performance.now();
    // Fresh statistics and visibility maps: the planner sees the new volume, index-only scans work.
    await sql(`VACUUM (ANALYZE) "Conversation", "Message", "OwnershipChange", "AiRating", "Contact", "ConversationStats", "ActivityVolume", "ContactStageChange", "Task", "Email", "EmailEvent", "Ticket"`);
    out(`  vacuum analyze in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    out(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    if (login) out(`Sign in as ${login.email} / ${login.password}`);
  } finally {
    await client.end();
    await embedded?.stop();
  }
};

main().catch((err: unknown) => {
  log.fatal({ err }, 'seed:large failed');
  process.exit(1);
});
