import { trpc } from '../../../lib/trpc.ts';

/** The approved templates of a conversation's channel, for when the 24-hour window is closed. */
export const useTemplates = (channelId: string, { enabled }: { enabled: boolean }) =>
  trpc.channel.listTemplates.useQuery({ channelId }, { enabled, staleTime: 60_000 });
