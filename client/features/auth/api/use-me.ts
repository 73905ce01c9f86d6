import { trpc } from '../../../lib/trpc.ts';

/** The signed-in member and their workspace. Kept current by use-auth-events. */
export const useMe = () => trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
