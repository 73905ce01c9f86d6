import { trpc } from '../../../lib/trpc.ts';
import { upsertMessage } from './thread-cache.ts';
import { threadInput } from './use-thread.ts';

/** Posts an internal note: shown to the team in the thread, never sent to the customer. */
export const useAddNote = () => {
  const utils = trpc.useUtils();
  return trpc.conversation.addNote.useMutation({
    onSuccess: (message) =>
      utils.conversation.messages.setInfiniteData(threadInput(message.conversationId), (data) => data && upsertMessage(data, message)),
  });
};
