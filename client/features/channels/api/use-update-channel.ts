import { trpc } from '../../../lib/trpc.ts';
import { upsertChannel } from './channel-list.ts';

export const useUpdateChannel = () => {
  const utils = trpc.useUtils();
  return trpc.channel.update.useMutation({
    onSuccess: (channel) => utils.channel.list.setData(undefined, (list) => list && upsertChannel(list, channel)),
  });
};
