import { useEffect } from 'react';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { addInvite, removeInvite, upsertMember } from './member-list.ts';

/**
 * Applies team events to the cached member and invite lists from the snapshot they carry, so
 * every open tab shows the change without refetching. Lists nobody has loaded stay unloaded.
 */
export const useTeamEvents = () => {
  const utils = trpc.useUtils();
  useEffect(
    () =>
      onTenantEvent((event) => {
        const members = utils.team.listMembers;
        const invites = utils.team.listInvites;
        switch (event.type) {
          case 'member.joined': {
            const { member, inviteId } = event.payload;
            members.setData(undefined, (list) => list && upsertMember(list, member));
            if (inviteId) invites.setData(undefined, (list) => list && removeInvite(list, inviteId));
            return;
          }
          case 'member.role_changed':
          case 'member.deactivated':
          case 'member.profile_updated': {
            const { member } = event.payload;
            members.setData(undefined, (list) => list && upsertMember(list, member));
            return;
          }
          case 'member.invited': {
            const { invite } = event.payload;
            invites.setData(undefined, (list) => list && addInvite(list, invite));
            return;
          }
          case 'member.invite_revoked': {
            const { inviteId } = event.payload;
            invites.setData(undefined, (list) => list && removeInvite(list, inviteId));
            return;
          }
        }
      }),
    [utils],
  );
};
