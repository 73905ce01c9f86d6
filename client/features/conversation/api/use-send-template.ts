import { trpc } from '../../../lib/trpc.ts';
import { upsertMessage } from './thread-cache.ts';
import { threadInput } from './use-thread.ts';

/** Sends an approved template (the only thing WhatsApp allows outside the 24-hour window). */
export const useSendTemplate = () => {
  const utils = trpc.useUtils();
  return trpc.conversation.sendTemplate.useMutation({
    onSuccess: (message) =>
      utils.conversation.messages.setInfiniteData(threadInput(message.conversationId), (data) => data && upsertMessage(data, message)),
  });
};
