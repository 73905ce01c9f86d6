import { trpc } from '../../../lib/trpc.ts';

/** A channel's message templates (for sending outside the 24-hour window). */
export const useChannelTemplates = (channelId: string) => trpc.channel.listTemplates.useQuery({ channelId }, { staleTime: 60_000 });
