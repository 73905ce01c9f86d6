import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useEffect } from 'react';
import type { ContactDto, ContactFilter, TimelineItemDto } from '../../../../src/contracts/contact.ts';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { placeContact, setContactTotal, type ContactListData, type ContactSort } from './contact-list.ts';
import { applyConversation, emailItem, stageItem, taskItem, ticketItem, upsertTimelineItem, type TimelineData } from './timeline-cache.ts';
import { timelineInput } from './use-timeline.ts';
import { readAgainAfterInFlight } from '../../../lib/reread-if-in-flight.ts';

const LIST_KEY = getQueryKey(trpc.contact.list);
const RECOUNT_AFTER_MS = 600;

type ListKey = [readonly string[], { input?: ContactFilter & { sort?: ContactSort; limit?: number }; type?: string }];

/**
 * Keeps contacts live from the event stream: lists (placed by filter, totals kept exact or
 * re-counted), open contacts, and each cached timeline (tasks, emails with their engagement,
 * stage changes, conversations), without refetching.
 */
export const useContactEvents = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();

  useEffect(() => {
    const recounts = new Map<string, ReturnType<typeof setTimeout>>();
    const recount = (key: QueryKey, input: ContactFilter & { sort?: ContactSort }) => {
      const hash = JSON.stringify(key);
      if (recounts.has(hash)) return;
      recounts.set(
        hash,
        setTimeout(() => {
          recounts.delete(hash);
          utils.client.contact.list
            .query({ ...input, limit: 1, cursor: null })
            .then(({ total }) => queryClient.setQueryData<ContactListData>(key, (data) => data && setContactTotal(data, total)))
            .catch(() => {
              // The count stays as it was; the next refetch corrects it.
            });
        }, RECOUNT_AFTER_MS),
      );
    };

    const lists = () =>
      queryClient
        .getQueryCache()
        .findAll({ queryKey: LIST_KEY })
        .flatMap((q) => {
          const [, meta] = q.queryKey as unknown as ListKey;
          const data = q.state.data as ContactListData | undefined;
          return meta?.type === 'infinite' && meta.input && data ? [{ key: q.queryKey, input: meta.input, data }] : [];
        });

    const placeEverywhere = (contact: ContactDto, created: boolean) => {
      utils.contact.get.setData({ contactId: contact.id }, contact);
      readAgainAfterInFlight(queryClient, getQueryKey(trpc.contact.get, { contactId: contact.id }, 'query'));
      const meId = utils.auth.me.getData()?.user.id ?? null;
      for (const { key, input, data } of lists()) {
        const { cursor: _c, limit: _l, sort = 'created', ...filter } = input as ContactFilter & { sort?: ContactSort; limit?: number; cursor?: unknown };
        const result = placeContact(data, contact, filter, sort, meId, created);
        if (result.data !== data) queryClient.setQueryData<ContactListData>(key, result.data);
        if (result.total === 'unknown') recount(key, { ...filter, sort });
      }
    };

    const onTimeline = (contactId: string, update: (data: TimelineData) => TimelineData) => {
      utils.contact.timeline.setInfiniteData(timelineInput(contactId), (data) => (data ? update(data) : data));
      readAgainAfterInFlight(queryClient, getQueryKey(trpc.contact.timeline, timelineInput(contactId), 'infinite'));
    };
    const putItem = (contactId: string, item: TimelineItemDto) => onTimeline(contactId, (data) => upsertTimelineItem(data, item));

    const off = onTenantEvent((event) => {
      switch (event.type) {
        case 'contact.created':
          placeEverywhere(event.payload.contact, true);
          return;
        case 'contact.updated':
          placeEverywhere(event.payload.contact, false);
          return;
        case 'contact.stage_changed':
          placeEverywhere(event.payload.contact, false);
          putItem(event.payload.contact.id, stageItem(event.payload.change));
          return;
        case 'contact.deleted':
        case 'contacts.imported':
          void utils.contact.list.invalidate();
          void utils.contact.tags.invalidate();
          // An open contact page finds out it is gone (NOT_FOUND) instead of showing a ghost.
          if (event.type === 'contact.deleted') void utils.contact.get.invalidate({ contactId: event.payload.contactId });
          return;
        case 'task.created':
        case 'task.updated':
          putItem(event.payload.task.contact.id, taskItem(event.payload.task));
          return;
        case 'email.created':
        case 'email.updated':
          putItem(event.payload.email.contactId, emailItem(event.payload.email));
          return;
        case 'ticket.created':
        case 'ticket.updated':
        case 'ticket.sla_at_risk':
        case 'ticket.sla_breached': {
          const { ticket } = event.payload;
          if (ticket.contact) putItem(ticket.contact.id, ticketItem(ticket));
          return;
        }
        case 'message.created': {
          const { conversation, message } = event.payload;
          onTimeline(conversation.contact.id, (data) => applyConversation(data, conversation, message));
          return;
        }
        case 'conversation.updated':
        case 'conversation.owner_changed': {
          const { conversation } = event.payload;
          onTimeline(conversation.contact.id, (data) => applyConversation(data, conversation, null));
          return;
        }
      }
    });
    return () => {
      off();
      for (const timer of recounts.values()) clearTimeout(timer);
    };
  }, [queryClient, utils]);
};
