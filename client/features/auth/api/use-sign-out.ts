import { useNavigate } from 'react-router';
import { trpc, wsClient } from '../../../lib/trpc.ts';

/** Ends the session on the server and leaves for sign-in, which forgets what this tab cached. */
export const useSignOut = () => {
  const navigate = useNavigate();
  return trpc.auth.signOut.useMutation({
    // Even if the server call fails (already signed out, offline) the user asked to leave.
    onSettled: async () => {
      await wsClient.close();
      await navigate('/signin', { replace: true });
    },
  });
};
