import { trpc } from '../../../lib/trpc.ts';

/** Creates a workspace; the server sets the session cookie and returns who we are. */
export const useSignUp = () => {
  const utils = trpc.useUtils();
  return trpc.auth.signUp.useMutation({
    onSuccess: (me) => utils.auth.me.setData(undefined, me),
  });
};
