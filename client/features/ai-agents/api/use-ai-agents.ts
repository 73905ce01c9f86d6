import { trpc } from '../../../lib/trpc.ts';

/**
 * The workspace's AI personas with their channels and ratings, oldest first. Ratings come from
 * every agent's thumbs without an event each, so the settings page asks afresh when it opens
 * (`fresh`); the inbox only needs names and channels, which change rarely.
 */
export const useAiAgents = ({ fresh = false }: { fresh?: boolean } = {}) =>
  trpc.aiAgent.list.useQuery(undefined, { staleTime: fresh ? 0 : 60_000 });
