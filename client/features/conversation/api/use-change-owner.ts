import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { trpc } from '../../../lib/trpc.ts';

/**
 * Take over, hand back, release and assign. The answer's snapshot patches the open view at once;
 * the `conversation.owner_changed` event patches every list and every other viewer.
 */
export const useChangeOwner = () => {
  const utils = trpc.useUtils();
  const patch = (conversation: ConversationDto) =>
    utils.conversation.get.setData({ conversationId: conversation.id }, (detail) => detail && { ...detail, conversation });
  return {
    takeOver: trpc.conversation.takeOver.useMutation({ onSuccess: patch }),
    handBack: trpc.conversation.handBack.useMutation({ onSuccess: patch }),
    release: trpc.conversation.release.useMutation({ onSuccess: patch }),
    assign: trpc.conversation.assign.useMutation({ onSuccess: patch }),
  };
};
