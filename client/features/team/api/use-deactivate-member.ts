import { trpc } from '../../../lib/trpc.ts';
import { upsertMember } from './member-list.ts';

export const useDeactivateMember = () => {
  const utils = trpc.useUtils();
  return trpc.team.deactivate.useMutation({
    onSuccess: (member) => utils.team.listMembers.setData(undefined, (list) => list && upsertMember(list, member)),
  });
};
