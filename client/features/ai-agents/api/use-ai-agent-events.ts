import { useEffect } from 'react';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';

/** Another admin's persona change refreshes the list (names on AI messages, ratings, settings). */
export const useAiAgentEvents = () => {
  const utils = trpc.useUtils();
  useEffect(
    () =>
      onTenantEvent((event) => {
        if (event.type === 'ai_agent.changed') void utils.aiAgent.list.invalidate();
      }),
    [utils],
  );
};
