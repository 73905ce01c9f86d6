import { trpc } from '../../../lib/trpc.ts';

/** Helpful / not helpful on an AI-written message, with an optional correction; kept per persona. */
export const useRateAiMessage = () => {
  const utils = trpc.useUtils();
  // The persona's counts changed.
  return trpc.conversation.rateAiMessage.useMutation({ onSuccess: () => void utils.aiAgent.list.invalidate() });
};
