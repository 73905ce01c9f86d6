import { useState } from 'react';
import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Alert } from '../../components/states.tsx';
import { ChannelsList } from '../../features/channels/components/channels-list.tsx';
import { ConnectChannelForm } from '../../features/channels/components/connect-channel-form.tsx';

export function ChannelsRoute() {
  const me = useOutletContext<MeDto>();
  const isAdmin = me.user.role === 'ADMIN';
  const [connecting, setConnecting] = useState(false);
  const [connected, setConnected] = useState<string | null>(null);

  return (
    <div className="page">
      <PageHeader
        title="Channels"
        description="WhatsApp numbers connected to this workspace, and the templates agents can send."
        actions={
          isAdmin && !connecting ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setConnected(null);
                setConnecting(true);
              }}
            >
              <PlusIcon /> Connect WhatsApp
            </button>
          ) : null
        }
      />
      {!isAdmin ? <Alert tone="info">Only admins can connect, change or remove channels and templates.</Alert> : null}
      {connected ? (
        <Alert tone="success">
          <strong>{connected}</strong> is connected. Paste its webhook URL into the provider to start receiving messages.
        </Alert>
      ) : null}
      {connecting ? (
        <ConnectChannelForm
          onDone={(channel) => {
            setConnecting(false);
            if (channel) setConnected(channel.name);
          }}
        />
      ) : null}
      <ChannelsList canManage={isAdmin} onConnect={isAdmin && !connecting ? () => setConnecting(true) : null} hideEmpty={connecting} />
    </div>
  );
}
