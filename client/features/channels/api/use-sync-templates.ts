import { trpc } from '../../../lib/trpc.ts';

/** Pulls approved templates from the Graph API (Cloud API channels with a business account id). */
export const useSyncTemplates = (channelId: string) => {
  const utils = trpc.useUtils();
  return trpc.channel.syncTemplates.useMutation({
    onSuccess: () => utils.channel.listTemplates.invalidate({ channelId }),
  });
};
