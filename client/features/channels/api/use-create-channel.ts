import { trpc } from '../../../lib/trpc.ts';
import { upsertChannel } from './channel-list.ts';

export const useCreateChannel = () => {
  const utils = trpc.useUtils();
  return trpc.channel.create.useMutation({
    onSuccess: (channel) => utils.channel.list.setData(undefined, (list) => list && upsertChannel(list, channel)),
  });
};
