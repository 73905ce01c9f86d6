import type { ConversationDto } from '../../src/contracts/conversation.ts';
import type { Deps } from '../deps.ts';
import type { Prisma } from '../db/generated/client.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { conversationInclude, toConversationDto } from './conversation-dto.ts';
import { conversationNotFound } from './get-conversation.ts';

type Change = { tenantId: string; actorId: string; conversationId: string };

const updateConversation = (deps: Deps, { tenantId, actorId, conversationId }: Change, data: Prisma.ConversationUpdateManyMutationInput) =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { count } = await tx.conversation.updateMany({ where: { id: conversationId, tenantId }, data });
    if (count === 0) throw conversationNotFound();
    const conversation = toConversationDto(await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: conversationInclude }));
    return { result: conversation, events: [{ type: 'conversation.updated', actorId, payload: { conversation } }] };
  });

export const resolveConversation = (deps: Deps, change: Change): Promise<ConversationDto> =>
  updateConversation(deps, change, { status: 'RESOLVED', resolvedAt: new Date(), unreadCount: 0 });

export const reopenConversation = (deps: Deps, change: Change): Promise<ConversationDto> => updateConversation(deps, change, { status: 'OPEN' });

export const markConversationRead = (deps: Deps, change: Change): Promise<ConversationDto> => updateConversation(deps, change, { unreadCount: 0 });
