import type { DrillPageDto, DrillRowDto } from '../../../src/contracts/dashboard.ts';
import type { ZDrillInput } from '../../../src/contracts/dashboard.ts';
import { AppError } from '../../../src/errors.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { resolveRange } from '../analytics/range.ts';
import { analyticsQuery } from '../analytics/cohort.ts';
import { CONVERSATION_DRILLS, drillNeedsRange } from './conversation-drills.ts';
import { emailDrillRows, isEmailDrill } from './email-drills.ts';
import { isLeadDrill, leadDrillRows } from './lead-drills.ts';
import { isTicketDrill, ticketDrillRows } from './ticket-drills.ts';
import type { z } from 'zod';

type Cursor = { at: string; id: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const decodeCursor = (raw: string): Cursor => {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && UUID.test(parsed.id) && !Number.isNaN(Date.parse(parsed.at))) return parsed;
  } catch {
    // fall through
  }
  throw new AppError('INVALID_INPUT', { userMessage: 'That page link is no longer valid. Reload the list.' });
};

export type DrillOptions = z.output<typeof ZDrillInput> & { tenantId: string; timeZone: string; now?: number };

/** A person or persona named by a drill must be this workspace's: another's is NOT_FOUND, like an unknown id. */
const requireSubjects = async (deps: Deps, { tenantId, userId, aiAgentId, metric }: DrillOptions) => {
  if ((metric === 'agent_open' || metric === 'agent_conversations') && !userId) throw new AppError('INVALID_INPUT', { userMessage: 'Pick a teammate.' });
  if (metric === 'persona_conversations' && !aiAgentId) throw new AppError('INVALID_INPUT', { userMessage: 'Pick an AI agent.' });
  if (userId && !(await deps.db.user.findFirst({ where: { id: userId, tenantId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', { userMessage: 'Teammate not found.' });
  }
  if (aiAgentId && !(await deps.db.aiAgent.findFirst({ where: { id: aiAgentId, tenantId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', { userMessage: 'AI agent not found.' });
  }
};

/**
 * The list behind a number: the conversations a metric counted, newest first, cursor-paged.
 * Tickets, emails and leads add their metrics with a drill file of their own beside
 * conversation-drills.ts and a branch here on the metric's noun.
 */
export const drillDown = async (deps: Deps, options: DrillOptions): Promise<DrillPageDto> => {
  const { tenantId, metric, range, limit, cursor, timeZone, now = Date.now() } = options;
  await requireSubjects(deps, options);
  if (drillNeedsRange(metric) && !range) throw new AppError('INVALID_INPUT', { userMessage: 'Pick a date range.' });
  const r = range ? resolveRange(range, timeZone, now) : null;
  const cohort = r ? { tenantId, from: r.from, to: r.to, now: new Date(now) } : null;
  if (cohort && (isEmailDrill(metric) || isLeadDrill(metric) || isTicketDrill(metric))) {
    const after = cursor ? decodeCursor(cursor) : null;
    const rows = isEmailDrill(metric)
      ? await emailDrillRows(deps, { cohort, metric, userId: options.userId, after, limit })
      : isLeadDrill(metric)
        ? await leadDrillRows(deps, { cohort, metric, source: options.source, after, limit })
        : await ticketDrillRows(deps, { cohort, metric, after, limit });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
  }
  if (isEmailDrill(metric) || isLeadDrill(metric) || isTicketDrill(metric)) throw new AppError('INVALID_INPUT', { userMessage: 'Pick a date range.' });
  const { ctes, picked } = CONVERSATION_DRILLS[metric]({ tenantId, cohort, userId: options.userId, aiAgentId: options.aiAgentId, reason: options.reason });
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await analyticsQuery<{ id: string; createdAt: Date; status: string; owner: string; name: string; phone: string; value_ms: number | null }>(deps, Prisma.sql`
    WITH ${ctes ? Prisma.sql`${ctes},` : Prisma.empty}
    picked AS MATERIALIZED (${picked}),
    -- The page is cut from the picked set before any join: the planner never loops over the whole set.
    page AS MATERIALIZED (
      SELECT id, c_at, value_ms FROM picked
      ${after ? Prisma.sql`WHERE (c_at, id) < (${new Date(after.at)}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY c_at DESC, id DESC LIMIT ${limit + 1}
    )
    SELECT c.id, c."createdAt", c.status, c.owner, ct.name, ct.phone, page.value_ms
    FROM page
    JOIN "Conversation" c ON c.id = page.id AND c."tenantId" = ${tenantId}::uuid
    JOIN "Contact" ct ON ct.id = c."contactId"
    ORDER BY page.c_at DESC, page.id DESC`);
  const page = rows.slice(0, limit);
  const items: DrillRowDto[] = page.map((row) => ({
    id: row.id,
    kind: 'conversation',
    title: row.name || row.phone,
    subtitle: row.phone,
    status: `${row.status === 'OPEN' ? 'Open' : 'Resolved'} · ${row.owner === 'AI' ? 'AI' : row.owner === 'QUEUE' ? 'Queue' : 'Human'}`,
    at: row.createdAt.toISOString(),
    valueMs: row.value_ms === null ? null : Math.round(Number(row.value_ms)),
    href: `/inbox/${row.id}`,
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
};
