import { useEffect } from 'react';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { removeChannel, upsertChannel } from './channel-list.ts';

/** Channel changes from any admin's tab patch the cached channel list; a deleted channel's templates go too. */
export const useChannelEvents = () => {
  const utils = trpc.useUtils();
  useEffect(
    () =>
      onTenantEvent((event) => {
        switch (event.type) {
          case 'channel.updated': {
            const { channel } = event.payload;
            utils.channel.list.setData(undefined, (list) => list && upsertChannel(list, channel));
            return;
          }
          case 'channel.deleted': {
            const { channelId } = event.payload;
            utils.channel.list.setData(undefined, (list) => list && removeChannel(list, channelId));
            void utils.channel.listTemplates.reset({ channelId });
            return;
          }
          case 'channel.templates_changed':
            void utils.channel.listTemplates.invalidate({ channelId: event.payload.channelId });
            return;
        }
      }),
    [utils],
  );
};
