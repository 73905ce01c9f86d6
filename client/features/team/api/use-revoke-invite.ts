import { trpc } from '../../../lib/trpc.ts';
import { removeInvite } from './member-list.ts';

export const useRevokeInvite = () => {
  const utils = trpc.useUtils();
  return trpc.team.revokeInvite.useMutation({
    onSuccess: (_void, { inviteId }) => utils.team.listInvites.setData(undefined, (list) => list && removeInvite(list, inviteId)),
    onError: (err) => {
      // Already revoked or accepted elsewhere: the list was stale, not the user wrong.
      if (err.data?.code === 'NOT_FOUND') void utils.team.listInvites.invalidate();
    },
  });
};
