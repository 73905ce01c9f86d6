import { trpc } from '../../../lib/trpc.ts';
import { addInvite } from './member-list.ts';

export const useInviteMember = () => {
  const utils = trpc.useUtils();
  return trpc.team.invite.useMutation({
    onSuccess: ({ invite }) => utils.team.listInvites.setData(undefined, (list) => list && addInvite(list, invite)),
  });
};
