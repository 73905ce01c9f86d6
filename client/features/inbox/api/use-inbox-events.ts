import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useEffect } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { placeConversation, removeChannelRows, setTotal, type InboxData, type InboxFilter } from './inbox-list.ts';

const LIST_KEY = getQueryKey(trpc.conversation.list);
const RECOUNT_AFTER_MS = 800;
/** A conversation created in the same transaction as the event: it cannot have been in any list. */
const CREATED_WITHIN_MS = 2_000;

type ListKey = [readonly string[], { input?: InboxFilter & { limit?: number }; type?: string }];

const cachedLists = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: LIST_KEY })
    .flatMap((query) => {
      const [, meta] = query.queryKey as unknown as ListKey;
      const data = query.state.data as InboxData | undefined;
      return meta?.type === 'infinite' && meta.input && data ? [{ key: query.queryKey, filter: meta.input, data }] : [];
    });

/**
 * Applies conversation events to every cached inbox list from the snapshot they carry: a new
 * message moves (or brings) its row to the top, an update patches it in place or takes it out
 * of a list it no longer matches. No refetch; a total the event cannot settle is re-counted
 * with a one-row request.
 */
export const useInboxEvents = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();

  useEffect(() => {
    // A new conversation counts once, however many of its first messages arrive within the window.
    const seenCreated = new Set<string>();
    const recounts = new Map<string, { key: QueryKey; filter: InboxFilter; timer: ReturnType<typeof setTimeout> }>();
    const recount = (key: QueryKey, filter: InboxFilter) => {
      const hash = JSON.stringify(key);
      if (recounts.has(hash)) return;
      const timer = setTimeout(() => {
        recounts.delete(hash);
        const { assignee, status, search, channelId } = filter;
        utils.client.conversation.list
          .query({ assignee, status, search, channelId, limit: 1 })
          .then(({ total }) => queryClient.setQueryData<InboxData>(key, (data) => data && setTotal(data, total)))
          .catch(() => {
            // The count stays as it was; the next refetch corrects it.
          });
      }, RECOUNT_AFTER_MS);
      recounts.set(hash, { key, filter, timer });
    };

    const place = (conversation: ConversationDto, opts: { moved: boolean; created: boolean; newText?: string }) => {
      const meId = utils.auth.me.getData()?.user.id ?? null;
      for (const { key, filter, data } of cachedLists(queryClient)) {
        const result = placeConversation(data, conversation, filter, meId, opts);
        if (result.data !== data) queryClient.setQueryData<InboxData>(key, result.data);
        if (result.total === 'unknown') recount(key, filter);
      }
    };

    const unsubscribe = onTenantEvent((event) => {
      switch (event.type) {
        case 'message.created': {
          const { conversation, message } = event.payload;
          const created =
            !seenCreated.has(conversation.id) && Math.abs(Date.parse(conversation.createdAt) - Date.parse(event.createdAt)) < CREATED_WITHIN_MS;
          if (created) seenCreated.add(conversation.id);
          place(conversation, { moved: true, created, newText: message.body });
          return;
        }
        case 'conversation.updated':
        case 'conversation.owner_changed':
          place(event.payload.conversation, { moved: false, created: false });
          return;
        case 'channel.deleted':
          // Its conversations were deleted with it, without an event each.
          for (const { key, filter, data } of cachedLists(queryClient)) {
            const next = removeChannelRows(data, event.payload.channelId);
            if (next !== data) queryClient.setQueryData<InboxData>(key, next);
            // Unloaded pages may have held some too.
            recount(key, filter);
          }
          return;
      }
    });
    return () => {
      unsubscribe();
      for (const { timer } of recounts.values()) clearTimeout(timer);
    };
  }, [queryClient, utils]);
};
