import { trpc } from '../../../lib/trpc.ts';

/** Connected WhatsApp numbers. Patched live by use-channel-events. */
export const useChannels = () => trpc.channel.list.useQuery(undefined, { staleTime: 60_000 });
