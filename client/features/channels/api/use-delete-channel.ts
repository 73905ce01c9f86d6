import { trpc } from '../../../lib/trpc.ts';
import { removeChannel } from './channel-list.ts';

export const useDeleteChannel = () => {
  const utils = trpc.useUtils();
  return trpc.channel.delete.useMutation({
    onSuccess: (_void, { channelId }) => utils.channel.list.setData(undefined, (list) => list && removeChannel(list, channelId)),
    onError: (err) => {
      // Already deleted elsewhere: the list was stale.
      if (err.data?.code === 'NOT_FOUND') void utils.channel.list.invalidate();
    },
  });
};
