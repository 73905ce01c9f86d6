import { trpc } from '../../../lib/trpc.ts';

export const useAcceptInvite = () => {
  const utils = trpc.useUtils();
  return trpc.auth.acceptInvite.useMutation({
    onSuccess: (me) => utils.auth.me.setData(undefined, me),
  });
};
