import { trpc } from '../../../lib/trpc.ts';

/** Pending invites; only admins may list them, so others never ask. */
export const useInvites = ({ enabled }: { enabled: boolean }) =>
  trpc.team.listInvites.useQuery(undefined, { enabled, staleTime: 60_000 });
