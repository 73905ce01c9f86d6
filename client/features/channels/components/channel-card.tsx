import { useState, type ReactNode } from 'react';
import type { ChannelDto } from '../../../../src/contracts/conversation.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EditDeleteActions } from '../../../components/edit-delete-actions.tsx';
import { CheckIcon, XIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { PROVIDER_LABELS, SECRET_LABELS, SECRETS_BY_PROVIDER } from '../api/channel-list.ts';
import { useDeleteChannel } from '../api/use-delete-channel.ts';
import { CopyField } from '../../../components/copy-field.tsx';
import { EditChannelForm } from './edit-channel-form.tsx';
import { TemplatesManager } from './templates-manager.tsx';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SecretsStatus({ channel }: { channel: ChannelDto }) {
  return (
    <span className="secrets">
      {SECRETS_BY_PROVIDER[channel.provider].map((key) => {
        const set = channel.secretsSet.includes(key);
        return (
          <span key={key} className={set ? 'secret secret-set' : 'secret secret-missing'} title={set ? 'Stored, encrypted' : 'Not set'}>
            {set ? <CheckIcon /> : <XIcon />}
            {SECRET_LABELS[key] ?? key}
          </span>
        );
      })}
    </span>
  );
}

/** One connected number: where to point the provider's webhook, what is stored, and its templates. */
export function ChannelCard({ channel, canManage }: { channel: ChannelDto; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteChannel();
  const cloud = channel.provider === 'WHATSAPP_CLOUD';

  return (
    <Panel
      title={channel.name}
      className="channel-card"
      description={
        <span className="channel-sub">
          <span className={cloud ? 'provider provider-cloud' : 'provider provider-twilio'}>{PROVIDER_LABELS[channel.provider]}</span>
          <span className="mono">{channel.phoneNumber}</span>
          <span>· Connected {formatDate(channel.createdAt)}</span>
        </span>
      }
      actions={
        canManage && !editing ? (
          <EditDeleteActions
            name={channel.name}
            onEdit={() => setEditing(true)}
            onDelete={() => {
              remove.reset();
              setConfirming(true);
            }}
          />
        ) : null
      }
    >
      {editing ? (
        <EditChannelForm channel={channel} onDone={() => setEditing(false)} />
      ) : (
        <div className="channel-body">
          <CopyField
            label="Webhook URL"
            value={channel.webhookUrl}
            hint={cloud ? 'Paste into Meta → WhatsApp → Configuration → Callback URL, with the verify token.' : 'Paste into Twilio → your sender → “A message comes in”.'}
          />
          <dl className="details">
            {cloud ? (
              <>
                <Detail label="Phone number ID">
                  <span className="mono">{channel.phoneNumberId}</span>
                </Detail>
                <Detail label="Business account ID">
                  {channel.wabaId ? <span className="mono">{channel.wabaId}</span> : <span className="text-subtle">Learnt from the first webhook</span>}
                </Detail>
                <Detail label="Graph API">
                  <span className="mono">
                    {channel.graphBaseUrl} · {channel.graphApiVersion}
                  </span>
                </Detail>
              </>
            ) : (
              <Detail label="Account SID">
                <span className="mono">{channel.twilioAccountSid}</span>
              </Detail>
            )}
            <Detail label="Secrets">
              <SecretsStatus channel={channel} />
            </Detail>
          </dl>
        </div>
      )}
      <TemplatesManager channel={channel} canManage={canManage} />
      <ConfirmDialog
        open={confirming}
        title={`Delete ${channel.name}?`}
        confirmLabel="Delete channel"
        pending={remove.isPending}
        error={remove.error ? toUserMessage(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ channelId: channel.id }, { onSuccess: () => setConfirming(false) })}
      >
        Switchboard stops receiving and sending messages on {channel.phoneNumber}. Its conversations and templates are deleted. Remove the webhook in{' '}
        {cloud ? 'Meta' : 'Twilio'} too.
      </ConfirmDialog>
    </Panel>
  );
}
