import { useQueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useEffect } from 'react';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { OUTBOX_PAGE_SIZE } from './use-outbox.ts';
import { readAgainAfterInFlight } from '../../../lib/reread-if-in-flight.ts';

/**
 * Emails and drafts from the event stream: an open email view and a waiting composer update in
 * place (engagement, status, the AI's draft), the dev outbox gains new mail at the top.
 */
export const useEmailEvents = () => {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  useEffect(() => {
    const putInOutbox = (email: EmailDto, created: boolean) =>
      utils.email.outbox.setInfiniteData({ limit: OUTBOX_PAGE_SIZE }, (data) => {
        if (!data) return data;
        const known = data.pages.some((p) => p.items.some((e) => e.id === email.id));
        if (known) return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((e) => (e.id === email.id ? email : e)) })) };
        if (!created || !email.outbox) return data;
        const [first, ...rest] = data.pages;
        if (!first) return data;
        return { ...data, pages: [{ ...first, items: [email, ...first.items], total: first.total + 1 }, ...rest.map((p) => ({ ...p, total: p.total + 1 }))] };
      });

    return onTenantEvent((event) => {
      switch (event.type) {
        case 'email.created':
        case 'email.updated': {
          const { email } = event.payload;
          utils.email.get.setData({ emailId: email.id }, email);
          readAgainAfterInFlight(queryClient, getQueryKey(trpc.email.get, { emailId: email.id }, 'query'));
          putInOutbox(email, event.type === 'email.created' || email.outbox);
          return;
        }
        case 'email.draft_updated': {
          const { draft } = event.payload;
          utils.email.getDraft.setData({ draftId: draft.id }, draft);
          return;
        }
        case 'email_settings.updated':
          void utils.email.settings.invalidate();
          return;
      }
    });
  }, [utils, queryClient]);
};
