import type { TimelineItemDto, TimelinePageDto } from '../../src/contracts/contact.ts';
import { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import { conversationInclude, toConversationDto } from '../conversation/conversation-dto.ts';
import { emailInclude, toEmailDto } from '../email/email-dto.ts';
import { taskInclude, toTaskDto } from '../task/task-dto.ts';
import { ticketInclude, toTimelineTicket } from '../ticket/ticket-dto.ts';
import { contactNotFound } from './contact-fields.ts';
import { toStageChangeDto } from './contact-dto.ts';

type Kind = TimelineItemDto['kind'];
const RECENT_MESSAGES = 3;

// Columns are `timestamp` holding UTC; the page query converts explicitly both ways, so neither
// the database's nor the process's time zone matters.

/**
 * Each kind of entry on a contact's timeline: how to list its (id, time) for one contact in SQL,
 * and how to load its entries by id. The page is one UNION ALL over the `rows` of every source,
 * keyset-paginated on (at, kind, id); adding a kind (tickets) is one more source here.
 */
type Source = {
  kind: Kind;
  rows: (tenantId: string, contactId: string) => Prisma.Sql;
  load: (deps: Deps, tenantId: string, ids: string[]) => Promise<Map<string, TimelineItemDto>>;
};

const key = (kind: Kind, id: string) => `${kind}:${id}`;

const SOURCES: Source[] = [
  {
    kind: 'conversation',
    rows: (t, c) => Prisma.sql`SELECT 'conversation' AS kind, id::text AS id, "lastMessageAt" AS at FROM "Conversation" WHERE "tenantId" = ${t}::uuid AND "contactId" = ${c}::uuid`,
    load: async (deps, tenantId, ids) => {
      const rows = await deps.db.conversation.findMany({
        where: { tenantId, id: { in: ids } },
        include: {
          ...conversationInclude,
          _count: { select: { messages: { where: { isNote: false } } } },
          messages: { where: { isNote: false }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: RECENT_MESSAGES },
        },
      });
      return new Map(
        rows.map((c) => [
          c.id,
          {
            kind: 'conversation',
            key: key('conversation', c.id),
            at: c.lastMessageAt.toISOString(),
            conversation: {
              conversation: toConversationDto(c),
              messageCount: c._count.messages,
              recentMessages: [...c.messages].reverse().map((m) => ({
                id: m.id,
                direction: m.direction,
                preview: (m.body || `[${m.type}]`).slice(0, 200),
                fromAi: m.aiAgentId !== null,
                at: m.createdAt.toISOString(),
              })),
            },
          },
        ]),
      );
    },
  },
  {
    kind: 'task',
    rows: (t, c) => Prisma.sql`SELECT 'task' AS kind, id::text AS id, COALESCE("completedAt", "dueAt") AS at FROM "Task" WHERE "tenantId" = ${t}::uuid AND "contactId" = ${c}::uuid`,
    load: async (deps, tenantId, ids) => {
      const rows = await deps.db.task.findMany({ where: { tenantId, id: { in: ids } }, include: taskInclude });
      return new Map(rows.map((t) => [t.id, { kind: 'task', key: key('task', t.id), at: (t.completedAt ?? t.dueAt).toISOString(), task: toTaskDto(t) }]));
    },
  },
  {
    kind: 'email',
    rows: (t, c) => Prisma.sql`SELECT 'email' AS kind, id::text AS id, COALESCE("sentAt", "createdAt") AS at FROM "Email" WHERE "tenantId" = ${t}::uuid AND "contactId" = ${c}::uuid`,
    load: async (deps, tenantId, ids) => {
      const rows = await deps.db.email.findMany({ where: { tenantId, id: { in: ids } }, include: emailInclude });
      return new Map(rows.map((e) => [e.id, { kind: 'email', key: key('email', e.id), at: (e.sentAt ?? e.createdAt).toISOString(), email: toEmailDto(e) }]));
    },
  },
  {
    kind: 'stage_change',
    rows: (t, c) =>
      Prisma.sql`SELECT 'stage_change' AS kind, id::text AS id, "createdAt" AS at FROM "ContactStageChange" WHERE "tenantId" = ${t}::uuid AND "contactId" = ${c}::uuid`,
    load: async (deps, tenantId, ids) => {
      const rows = await deps.db.contactStageChange.findMany({ where: { tenantId, id: { in: ids } } });
      const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
      const actors = new Map((await deps.db.user.findMany({ where: { tenantId, id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]));
      return new Map(
        rows.map((s) => [s.id, { kind: 'stage_change', key: key('stage_change', s.id), at: s.createdAt.toISOString(), change: toStageChangeDto(s, s.actorId ? (actors.get(s.actorId) ?? null) : null) }]),
      );
    },
  },
  {
    kind: 'ticket',
    rows: (t, c) => Prisma.sql`SELECT 'ticket' AS kind, id::text AS id, "createdAt" AS at FROM "Ticket" WHERE "tenantId" = ${t}::uuid AND "contactId" = ${c}::uuid`,
    load: async (deps, tenantId, ids) => {
      const rows = await deps.db.ticket.findMany({ where: { tenantId, id: { in: ids } }, include: ticketInclude });
      return new Map(rows.map((t) => [t.id, { kind: 'ticket', key: key('ticket', t.id), at: t.createdAt.toISOString(), ticket: toTimelineTicket(t) }]));
    },
  },
];

/** A contact's conversations, tickets, tasks, emails (with engagement) and stage changes, newest first. */
export const getContactTimeline = async (
  deps: Deps,
  { tenantId, contactId, cursor, limit }: { tenantId: string; contactId: string; cursor?: string | null; limit: number },
): Promise<TimelinePageDto> => {
  const contact = await deps.db.contact.findFirst({ where: { id: contactId, tenantId }, select: { id: true } });
  if (!contact) throw contactNotFound();
  const after = cursor ? decodeCursor(cursor) : null;
  const union = Prisma.join(
    SOURCES.map((s) => s.rows(tenantId, contactId)),
    ' UNION ALL ',
  );
  const rows = await deps.db.$queryRaw<Array<{ kind: Kind; id: string; at: Date }>>`
    SELECT kind, id, at AT TIME ZONE 'UTC' AS at FROM (${union}) AS items
    ${after ? Prisma.sql`WHERE (at, kind, id) < ((${after.at}::timestamptz AT TIME ZONE 'UTC'), ${after.kind ?? ''}, ${after.id})` : Prisma.empty}
    ORDER BY at DESC, kind DESC, id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const loaded = await Promise.all(
    SOURCES.map((s) => {
      const ids = page.filter((r) => r.kind === s.kind).map((r) => r.id);
      return ids.length > 0 ? s.load(deps, tenantId, ids) : Promise.resolve(new Map<string, TimelineItemDto>());
    }),
  );
  const byKind = new Map(SOURCES.map((s, i) => [s.kind, loaded[i]!]));
  // An entry deleted between the two queries is simply left out.
  const items = page.flatMap((r) => {
    const item = byKind.get(r.kind)?.get(r.id);
    return item ? [item] : [];
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at.toISOString(), id: last.id, kind: last.kind }) : null };
};
