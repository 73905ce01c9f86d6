import type { ConversationDto, ListConversationsInput } from '../../src/contracts/conversation.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import type { Prisma } from '../db/generated/client.ts';
import { requireChannel } from '../channels/manage-templates.ts';
import { conversationInclude, toConversationDto } from './conversation-dto.ts';

type Cursor = { at: string; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const decodeCursor = (raw: string): Cursor => {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) return parsed;
  } catch {
    // fall through
  }
  throw new AppError('INVALID_INPUT', { userMessage: 'That page link is no longer valid. Reload the list.' });
};

export const conversationWhere = (
  tenantId: string,
  userId: string,
  filter: Pick<ListConversationsInput, 'assignee' | 'status' | 'search' | 'channelId'>,
): Prisma.ConversationWhereInput => {
  const search = filter.search?.trim();
  const digits = search?.replace(/[^\d]/g, '');
  return {
    tenantId,
    status: filter.status,
    ...(filter.channelId ? { channelId: filter.channelId } : {}),
    ...(filter.assignee === 'mine' ? { assigneeId: userId } : filter.assignee === 'unassigned' ? { assigneeId: null } : {}),
    ...(search
      ? {
          OR: [
            { contact: { name: { contains: search, mode: 'insensitive' } } },
            ...(digits && digits.length >= 3 ? [{ contact: { phone: { contains: digits } } }] : []),
            { messages: { some: { tenantId, body: { contains: search, mode: 'insensitive' } } } },
          ],
        }
      : {}),
  };
};

/**
 * One page of the inbox, newest activity first, with keyset pagination on (lastMessageAt, id)
 * so pages stay stable while new messages arrive, and the real total for the filter.
 */
export const listConversations = async (
  deps: Deps,
  { tenantId, userId, cursor, limit, ...filter }: ListConversationsInput & { tenantId: string; userId: string },
): Promise<{ items: ConversationDto[]; nextCursor: string | null; total: number }> => {
  if (filter.channelId) await requireChannel(deps, tenantId, filter.channelId);
  const where = conversationWhere(tenantId, userId, filter);
  const after = cursor ? decodeCursor(cursor) : null;
  const pageWhere: Prisma.ConversationWhereInput = after
    ? {
        AND: [
          where,
          { OR: [{ lastMessageAt: { lt: new Date(after.at) } }, { lastMessageAt: new Date(after.at), id: { lt: after.id } }] },
        ],
      }
    : where;
  const [rows, total] = await Promise.all([
    deps.db.conversation.findMany({
      where: pageWhere,
      orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: conversationInclude,
    }),
    deps.db.conversation.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toConversationDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.lastMessageAt.toISOString(), id: last.id }) : null,
    total,
  };
};
