import { useQueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useEffect } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc, type RouterOutputs } from '../../../lib/trpc.ts';
import { addOwnershipEntry, entryOf } from './ownership-log.ts';
import { upsertMessage } from './thread-cache.ts';
import { dropUnsent } from './unsent.ts';
import { threadInput } from './use-thread.ts';
import { readAgainAfterInFlight } from '../../../lib/reread-if-in-flight.ts';

type Detail = RouterOutputs['conversation']['get'];

const GET_KEY = getQueryKey(trpc.conversation.get);

/**
 * Keeps open conversations current from the event stream: new and updated messages go into the
 * cached thread (only threads someone has loaded), conversation snapshots into the detail (owner
 * changes also into the thread's timeline), drafts into the draft list, and channel renames into
 * the header.
 */
export const useConversationEvents = () => {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();

  useEffect(() => {
    const setConversation = (conversation: ConversationDto) => {
      utils.conversation.get.setData({ conversationId: conversation.id }, (detail) => detail && { ...detail, conversation });
      readAgainAfterInFlight(queryClient, getQueryKey(trpc.conversation.get, { conversationId: conversation.id }, 'query'));
    };

    return onTenantEvent((event) => {
      switch (event.type) {
        case 'message.created': {
          const { message, conversation } = event.payload;
          utils.conversation.messages.setInfiniteData(threadInput(message.conversationId), (data) => data && upsertMessage(data, message));
          dropUnsent(queryClient, message.conversationId, message.id);
          setConversation(conversation);
          // A newer customer message makes earlier drafts stale on the server.
          if (message.direction === 'INBOUND') void utils.aiDraft.list.invalidate({ conversationId: message.conversationId });
          return;
        }
        case 'message.updated': {
          const { message } = event.payload;
          utils.conversation.messages.setInfiniteData(threadInput(message.conversationId), (data) => data && upsertMessage(data, message));
          return;
        }
        case 'conversation.updated':
          setConversation(event.payload.conversation);
          return;
        case 'conversation.owner_changed': {
          const { conversation, change } = event.payload;
          setConversation(conversation);
          addOwnershipEntry(queryClient, entryOf(conversation.id, event.createdAt, change));
          return;
        }
        case 'draft.created':
          void utils.aiDraft.list.invalidate({ conversationId: event.payload.draft.conversationId });
          return;
        case 'channel.updated': {
          const { id, name, provider, phoneNumber } = event.payload.channel;
          queryClient.setQueriesData<Detail>({ queryKey: GET_KEY }, (detail) =>
            detail && detail.channel.id === id ? { ...detail, channel: { id, name, provider, phoneNumber } } : detail,
          );
          return;
        }
        case 'channel.deleted': {
          const { channelId } = event.payload;
          void queryClient.invalidateQueries({ queryKey: GET_KEY, predicate: (q) => (q.state.data as Detail | undefined)?.channel.id === channelId });
          return;
        }
      }
    });
  }, [utils, queryClient]);
};
