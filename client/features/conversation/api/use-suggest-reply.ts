import { useCallback, useEffect, useRef, useState } from 'react';
import { toUserMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';

export type SuggestHandlers = {
  onToken: (text: string) => void;
  onDone: (draft: { draftId: string; body: string }) => void;
  onError: (message: string) => void;
};

type Unsubscribable = { unsubscribe: () => void };

/**
 * "Suggest reply": subscribes to the persona's draft over the WebSocket and hands each token to
 * the caller as it arrives. Stopping (or leaving the conversation) unsubscribes, which aborts the
 * completion on the server.
 */
export const useSuggestReply = (conversationId: string) => {
  const utils = trpc.useUtils();
  const [streaming, setStreaming] = useState(false);
  const current = useRef<Unsubscribable | null>(null);

  const stop = useCallback(() => {
    current.current?.unsubscribe();
    current.current = null;
    setStreaming(false);
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(
    (handlers: SuggestHandlers) => {
      stop();
      setStreaming(true);
      const finish = () => {
        current.current = null;
        setStreaming(false);
      };
      current.current = utils.client.aiDraft.suggest.subscribe(
        { conversationId },
        {
          onData: (chunk) => {
            if (chunk.kind === 'token') handlers.onToken(chunk.text);
            else handlers.onDone({ draftId: chunk.draftId, body: chunk.body });
          },
          onError: (err) => {
            finish();
            handlers.onError(toUserMessage(err));
          },
          onComplete: finish,
        },
      );
    },
    [utils, conversationId, stop],
  );

  return { start, stop, streaming };
};
