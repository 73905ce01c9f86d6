import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { describeEvent, type ActivityEntry } from './activity-entry.ts';
import { ACTIVITY_KEY, ACTIVITY_LIMIT } from './use-activity.ts';

/** Prepends each event to the recent-activity feed, newest first, once per seq. */
export const useActivityEvents = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  useEffect(() => {
    // Invites are removed from the cached list as they are revoked; remember their addresses.
    const inviteEmails = new Map<string, string>();
    return onTenantEvent((event) => {
      if (event.type === 'member.invited') inviteEmails.set(event.payload.invite.id, event.payload.invite.email);
      const entry = describeEvent(event, {
        meId: utils.auth.me.getData()?.user.id ?? null,
        nameOf: (id) => utils.team.listMembers.getData()?.find((m) => m.id === id)?.name ?? null,
        inviteEmailOf: (id) => inviteEmails.get(id) ?? utils.team.listInvites.getData()?.find((i) => i.id === id)?.email ?? null,
      });
      if (!entry) return;
      queryClient.setQueryData<ActivityEntry[]>(ACTIVITY_KEY, (list = []) =>
        list.some((e) => e.seq === entry.seq) ? list : [entry, ...list].slice(0, ACTIVITY_LIMIT),
      );
    });
  }, [queryClient, utils]);
};
