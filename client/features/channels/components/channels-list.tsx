import { MessageIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, SkeletonRows } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useChannels } from '../api/use-channels.ts';
import { ChannelCard } from './channel-card.tsx';

/** Every connected WhatsApp number, each in its own card (and error boundary). */
export function ChannelsList({ canManage, onConnect, hideEmpty = false }: { canManage: boolean; onConnect: (() => void) | null; hideEmpty?: boolean }) {
  const channels = useChannels();
  if (channels.isPending) {
    return (
      <div className="panel">
        <SkeletonRows rows={3} />
      </div>
    );
  }
  if (channels.isError) {
    return (
      <div className="panel">
        <ErrorState message={toUserMessage(channels.error)} onRetry={() => void channels.refetch()} />
      </div>
    );
  }
  if (channels.data.length === 0) {
    // The connect form is open above: no need to say there is nothing yet.
    if (hideEmpty) return null;
    return (
      <div className="panel">
        <EmptyState title="No WhatsApp number connected" icon={<MessageIcon />}>
          {canManage ? (
            <>
              Connect a number through the WhatsApp Cloud API or Twilio to receive customer messages in the inbox.
              {onConnect ? (
                <span className="state-action">
                  <button type="button" className="btn btn-primary btn-sm" onClick={onConnect}>
                    Connect WhatsApp
                  </button>
                </span>
              ) : null}
            </>
          ) : (
            'An admin connects WhatsApp numbers here. Customer messages then arrive in the inbox.'
          )}
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="channels" aria-label="Connected channels">
      {channels.data.map((channel) => (
        <ChannelCard key={channel.id} channel={channel} canManage={canManage} />
      ))}
    </div>
  );
}
