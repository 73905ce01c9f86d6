import { trpc } from '../../../lib/trpc.ts';

export const useSignIn = () => {
  const utils = trpc.useUtils();
  return trpc.auth.signIn.useMutation({
    onSuccess: (me) => utils.auth.me.setData(undefined, me),
  });
};
