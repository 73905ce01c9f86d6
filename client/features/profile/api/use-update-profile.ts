import { trpc } from '../../../lib/trpc.ts';

export const useUpdateProfile = () => {
  const utils = trpc.useUtils();
  return trpc.team.updateProfile.useMutation({
    onSuccess: (member) => utils.auth.me.setData(undefined, (me) => (me ? { ...me, user: member } : me)),
  });
};
