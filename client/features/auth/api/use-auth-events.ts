import { useEffect } from 'react';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';

/** Keeps `auth.me` current when an event carries a new snapshot of the signed-in member. */
export const useAuthEvents = () => {
  const utils = trpc.useUtils();
  useEffect(
    () =>
      onTenantEvent((event) => {
        switch (event.type) {
          case 'member.role_changed':
          case 'member.profile_updated':
          case 'member.deactivated': {
            const member = event.payload.member;
            utils.auth.me.setData(undefined, (me) => (me && me.user.id === member.id ? { ...me, user: member } : me));
            return;
          }
          case 'member.joined':
          case 'member.invited':
          case 'member.invite_revoked':
            return;
        }
      }),
    [utils],
  );
};
