import { trpc } from '../../../lib/trpc.ts';
import { addTemplate } from './channel-list.ts';

export const useCreateTemplate = () => {
  const utils = trpc.useUtils();
  return trpc.channel.createTemplate.useMutation({
    onSuccess: (template) =>
      utils.channel.listTemplates.setData({ channelId: template.channelId }, (list) => list && addTemplate(list, template)),
  });
};
