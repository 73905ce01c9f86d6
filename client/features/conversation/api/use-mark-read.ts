import { useEffect, useRef } from 'react';
import { trpc } from '../../../lib/trpc.ts';

/**
 * Marks an open conversation read whenever it has unread messages while the tab is visible: on
 * opening it, and again when a message arrives while the agent is looking at it.
 */
export const useMarkRead = (conversationId: string, unreadCount: number | undefined) => {
  const utils = trpc.useUtils();
  const markRead = trpc.conversation.markRead.useMutation({
    onMutate: () =>
      utils.conversation.get.setData({ conversationId }, (detail) => detail && { ...detail, conversation: { ...detail.conversation, unreadCount: 0 } }),
    onSuccess: (conversation) => utils.conversation.get.setData({ conversationId }, (detail) => detail && { ...detail, conversation }),
  });
  const { mutate, isPending } = markRead;
  const pending = useRef(false);
  pending.current = isPending;

  useEffect(() => {
    const mark = () => {
      if (!unreadCount || pending.current || document.visibilityState !== 'visible') return;
      mutate({ conversationId });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [conversationId, unreadCount, mutate]);
};
