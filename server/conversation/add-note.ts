import type { MessageDto } from '../../src/contracts/conversation.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { conversationInclude, messageInclude, toConversationDto, toMessageDto } from './conversation-dto.ts';
import { conversationNotFound } from './get-conversation.ts';

/** An internal note: in the thread for the team, never sent. Any agent may write one, owner or not. */
export const addNote = (deps: Deps, { tenantId, actorId, conversationId, body }: { tenantId: string; actorId: string; conversationId: string; body: string }): Promise<MessageDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const conversation = await tx.conversation.findFirst({ where: { id: conversationId, tenantId }, include: conversationInclude });
    if (!conversation) throw conversationNotFound();
    const message = toMessageDto(
      await tx.message.create({
        // Status is meaningless for a note; RECEIVED keeps it out of every delivery query.
        data: { tenantId, conversationId, direction: 'OUTBOUND', type: 'note', body, status: 'RECEIVED', senderId: actorId, isNote: true },
        include: messageInclude,
      }),
    );
    return { result: message, events: [{ type: 'message.created', actorId, payload: { message, conversation: toConversationDto(conversation) } }] };
  });
