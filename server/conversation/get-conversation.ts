import { z } from 'zod';
import type { ChannelProviderDto, ConversationDto, MessageDto } from '../../src/contracts/conversation.ts';
import { messagingWindow } from '../../src/domain/messaging-window.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { conversationInclude, messageInclude, toConversationDto, toMessageDto } from './conversation-dto.ts';

export const conversationNotFound = () => new AppError('NOT_FOUND', { userMessage: 'Conversation not found.' });

/** Refuses a conversation id that is not this tenant's, exactly like one that does not exist. */
export const requireConversation = async (deps: Pick<Deps, 'db'>, tenantId: string, conversationId: string): Promise<void> => {
  const found = await deps.db.conversation.findFirst({ where: { id: conversationId, tenantId }, select: { id: true } });
  if (!found) throw conversationNotFound();
};

export type ConversationDetailDto = {
  conversation: ConversationDto;
  channel: { id: string; name: string; provider: ChannelProviderDto; phoneNumber: string };
  /** The 24-hour customer-service window: free-form replies only while open. */
  window: { open: boolean; closesAt: string | null };
};

export const getConversation = async (
  deps: Deps,
  { tenantId, conversationId }: { tenantId: string; conversationId: string },
): Promise<ConversationDetailDto> => {
  const row = await deps.db.conversation.findFirst({
    where: { id: conversationId, tenantId },
    include: { ...conversationInclude, channel: { select: { id: true, name: true, provider: true, phoneNumber: true } } },
  });
  if (!row) throw conversationNotFound();
  const window = messagingWindow(row.lastInboundAt, new Date());
  return {
    conversation: toConversationDto(row),
    channel: row.channel,
    window: { open: window.open, closesAt: window.open ? window.closesAt.toISOString() : null },
  };
};

const ZMessageCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });
type MessageCursor = z.infer<typeof ZMessageCursor>;

/** Newest messages first from the cursor back, returned oldest-first for display. */
export const listMessages = async (
  deps: Deps,
  { tenantId, conversationId, cursor, limit }: { tenantId: string; conversationId: string; cursor?: string | null; limit: number },
): Promise<{ items: MessageDto[]; olderCursor: string | null }> => {
  await requireConversation(deps, tenantId, conversationId);
  let before: MessageCursor | null = null;
  if (cursor) {
    const parsed = ZMessageCursor.safeParse((() => {
      try {
        return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
    })());
    if (!parsed.success) throw new AppError('INVALID_INPUT', { userMessage: 'That page link is no longer valid.' });
    before = parsed.data;
  }
  const rows = await deps.db.message.findMany({
    where: {
      tenantId,
      conversationId,
      ...(before
        ? { OR: [{ createdAt: { lt: new Date(before.at) } }, { createdAt: new Date(before.at), id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: messageInclude,
  });
  const page = rows.slice(0, limit);
  const oldest = page.at(-1);
  return {
    items: page.reverse().map(toMessageDto),
    olderCursor:
      rows.length > limit && oldest
        ? Buffer.from(JSON.stringify({ at: oldest.createdAt.toISOString(), id: oldest.id })).toString('base64url')
        : null,
  };
};
