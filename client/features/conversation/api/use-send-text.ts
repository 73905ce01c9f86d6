import { useQueryClient } from '@tanstack/react-query';
import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { toUserMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';
import { findMessage, removeMessage, upsertMessage } from './thread-cache.ts';
import { threadInput } from './use-thread.ts';
import { addUnsent, dropUnsent } from './unsent.ts';

type Sender = { id: string; name: string };

/**
 * Sends a text reply and shows it at once as "Sending". The client id becomes the message id on
 * the server, so the answer, the events and a retry all land on the same row.
 */
export const useSendText = (sender: Sender) => {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const mutation = trpc.conversation.sendText.useMutation({
    onMutate: async ({ conversationId, body, clientMessageId }) => {
      const id = clientMessageId!;
      dropUnsent(queryClient, conversationId, id);
      const now = new Date().toISOString();
      const optimistic: MessageDto = {
        id,
        conversationId,
        direction: 'OUTBOUND',
        type: 'text',
        body,
        content: null,
        status: 'QUEUED',
        errorCode: null,
        errorTitle: null,
        sender,
        aiAgentId: null,
        isNote: false,
        claimedAt: null,
        replyToProviderId: null,
        providerMessageId: null,
        createdAt: now,
        sentAt: null,
        deliveredAt: null,
        readAt: null,
      };
      utils.conversation.messages.setInfiniteData(threadInput(conversationId), (data) => data && upsertMessage(data, optimistic));
      return { optimistic };
    },
    onSuccess: (message) =>
      utils.conversation.messages.setInfiniteData(threadInput(message.conversationId), (data) => data && upsertMessage(data, message)),
    onError: (err, { conversationId, body, clientMessageId }, context) => {
      const input = threadInput(conversationId);
      // Still our placeholder: the server never confirmed it. (An event may have, despite the error.)
      if (context && findMessage(utils.conversation.messages.getInfiniteData(input), context.optimistic.id) === context.optimistic) {
        utils.conversation.messages.setInfiniteData(input, (data) => data && removeMessage(data, context.optimistic.id));
        addUnsent(queryClient, { id: clientMessageId!, conversationId, body, error: toUserMessage(err) });
      }
    },
  });
  return {
    send: (conversationId: string, body: string, clientMessageId: string = crypto.randomUUID()) =>
      mutation.mutate({ conversationId, body, clientMessageId }),
  };
};
