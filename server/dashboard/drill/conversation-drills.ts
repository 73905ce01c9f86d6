import type { ConversationDrillMetric, DrillMetric } from '../../../src/contracts/dashboard.ts';
import { Prisma } from '../../db/generated/client.ts';
import { statsCte, type Cohort } from '../analytics/cohort.ts';

export type DrillParams = { tenantId: string; cohort: Cohort | null; userId?: string; aiAgentId?: string; reason?: string };

/** The CTEs and the `picked (id, c_at, value_ms)` select that a conversation metric drills into (c_at: its creation, the page order). */
type DrillSql = { ctes: Prisma.Sql | null; picked: Prisma.Sql; needs: 'range' | 'none' };

const open = (tenantId: string, owner: 'AI' | 'QUEUE' | 'HUMAN', userId?: string): DrillSql => ({
  needs: 'none',
  ctes: null,
  picked: Prisma.sql`SELECT id, "createdAt" AS c_at, NULL::float8 AS value_ms FROM "Conversation"
    WHERE "tenantId" = ${tenantId}::uuid AND status = 'OPEN' AND owner = ${owner}::"ConversationOwner"
    ${userId ? Prisma.sql`AND "assigneeId" = ${userId}::uuid` : Prisma.empty}`,
});

const fromPer = (where: Prisma.Sql, value: Prisma.Sql = Prisma.sql`NULL::float8`) => (p: DrillParams): DrillSql => ({
  needs: 'range',
  ctes: statsCte(p.cohort!),
  picked: Prisma.sql`SELECT id, c_at, ${value} AS value_ms FROM per WHERE ${where}`,
});

/**
 * Each conversation number's list, read from the same ConversationStats rows with the same
 * conditions as the figures (server/dashboard/analytics/): a number and its drill-down can never
 * disagree.
 */
export const CONVERSATION_DRILLS: Record<ConversationDrillMetric, (p: DrillParams) => DrillSql> = {
  open_ai: (p) => open(p.tenantId, 'AI'),
  open_queue: (p) => open(p.tenantId, 'QUEUE'),
  open_human: (p) => open(p.tenantId, 'HUMAN'),
  agent_open: (p) => open(p.tenantId, 'HUMAN', p.userId),
  conversations: fromPer(Prisma.sql`true`),
  resolved: fromPer(Prisma.sql`"resolutionMs" IS NOT NULL`, Prisma.sql`"resolutionMs"`),
  ai_started: fromPer(Prisma.sql`"initialOwner" = 'AI'`),
  ai_resolved: fromPer(Prisma.sql`"aiResolved"`),
  taken_over: fromPer(Prisma.sql`"takenOver"`),
  handed_back: fromPer(Prisma.sql`"handedBack"`),
  escalated: (p) =>
    fromPer(p.reason !== undefined ? Prisma.sql`${p.reason} = ANY("escalationReasons")` : Prisma.sql`cardinality("escalationReasons") > 0`)(p),
  human_first_response: fromPer(Prisma.sql`"humanFirstResponseMs" IS NOT NULL`, Prisma.sql`"humanFirstResponseMs"`),
  // The conversation's slowest AI response: the one a reviewer wants to see.
  ai_response: fromPer(Prisma.sql`"aiResponseMaxMs" IS NOT NULL`, Prisma.sql`"aiResponseMaxMs"`),
  agent_conversations: (p) => fromPer(Prisma.sql`${p.userId}::uuid = ANY("humanOwnerIds")`)(p),
  persona_conversations: (p) => fromPer(Prisma.sql`${p.aiAgentId}::uuid = ANY("personaIds")`)(p),
};

export const drillNeedsRange = (metric: DrillMetric) => !metric.startsWith('open_') && metric !== 'agent_open';
