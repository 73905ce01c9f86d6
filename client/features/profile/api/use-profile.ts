import { trpc } from '../../../lib/trpc.ts';

/** Your own member record: the profile lives on `auth.me`, which the auth feature keeps live. */
export const useProfile = () => trpc.auth.me.useQuery(undefined, { staleTime: 60_000, select: (me) => me.user });
