import { trpc } from '../../../lib/trpc.ts';
import { removeTemplate } from './channel-list.ts';

export const useDeleteTemplate = (channelId: string) => {
  const utils = trpc.useUtils();
  return trpc.channel.deleteTemplate.useMutation({
    onSuccess: (_void, { templateId }) => utils.channel.listTemplates.setData({ channelId }, (list) => list && removeTemplate(list, templateId)),
    onError: (err) => {
      if (err.data?.code === 'NOT_FOUND') void utils.channel.listTemplates.invalidate({ channelId });
    },
  });
};
