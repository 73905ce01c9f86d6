import { trpc } from '../../../lib/trpc.ts';
import { upsertMember } from './member-list.ts';

/** Role changes show at once and roll back if the server refuses (e.g. the last admin). */
export const useChangeRole = () => {
  const utils = trpc.useUtils();
  return trpc.team.changeRole.useMutation({
    onMutate: async ({ userId, role }) => {
      await utils.team.listMembers.cancel();
      const previous = utils.team.listMembers.getData();
      const member = previous?.find((m) => m.id === userId);
      if (previous && member) utils.team.listMembers.setData(undefined, upsertMember(previous, { ...member, role }));
      return { previous: member };
    },
    onError: (_err, _input, context) => {
      const previous = context?.previous;
      if (previous) utils.team.listMembers.setData(undefined, (list) => list && upsertMember(list, previous));
    },
    onSuccess: (member) => utils.team.listMembers.setData(undefined, (list) => list && upsertMember(list, member)),
  });
};
