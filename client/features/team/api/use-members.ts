import { trpc } from '../../../lib/trpc.ts';

/** Everyone in the workspace, active first. Patched live by use-team-events. */
export const useMembers = () => trpc.team.listMembers.useQuery(undefined, { staleTime: 60_000 });
