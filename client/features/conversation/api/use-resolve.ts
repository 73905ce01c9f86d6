import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { trpc } from '../../../lib/trpc.ts';

/** Resolve and reopen; the answer's snapshot patches the open view, the event patches the lists. */
export const useResolve = () => {
  const utils = trpc.useUtils();
  const patch = (conversation: ConversationDto) =>
    utils.conversation.get.setData({ conversationId: conversation.id }, (detail) => detail && { ...detail, conversation });
  const resolve = trpc.conversation.resolve.useMutation({ onSuccess: patch });
  const reopen = trpc.conversation.reopen.useMutation({ onSuccess: patch });
  return { resolve, reopen };
};
