import { useState } from 'react';
import type { ChannelDto, TemplateDto } from '../../../../src/contracts/conversation.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PlusIcon, RefreshIcon, TemplateIcon, TrashIcon } from '../../../components/icons.tsx';
import { Alert, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useChannelTemplates } from '../api/use-channel-templates.ts';
import { useDeleteTemplate } from '../api/use-delete-template.ts';
import { useSyncTemplates } from '../api/use-sync-templates.ts';
import { TemplateForm } from './template-form.tsx';

/** The body with its {{n}} placeholders marked, as agents will see them in the picker. */
function TemplateBody({ body }: { body: string }) {
  return (
    <span className="tpl-body">
      {body.split(/(\{\{\s*\d+\s*\}\})/g).map((part, i) => (i % 2 ? <mark key={i} className="tpl-slot">{part}</mark> : part))}
    </span>
  );
}

/** A channel's message templates: what agents can send once the 24-hour window has closed. */
export function TemplatesManager({ channel, canManage }: { channel: ChannelDto; canManage: boolean }) {
  const templates = useChannelTemplates(channel.id);
  const remove = useDeleteTemplate(channel.id);
  const sync = useSyncTemplates(channel.id);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<TemplateDto | null>(null);
  const count = templates.data?.length;

  return (
    <div className="tpl-manager">
      <div className="tpl-manager-header">
        <div>
          <h3 className="section-title">
            Templates{count !== undefined ? <span className="count">{count}</span> : null}
          </h3>
          <div className="section-description">Sent when the 24-hour window has closed. Must match what WhatsApp approved.</div>
        </div>
        {canManage ? (
          <div className="tpl-manager-actions">
            {channel.provider === 'WHATSAPP_CLOUD' ? (
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={sync.isPending}
                onClick={() => sync.mutate({ channelId: channel.id })}
                title="Import approved templates from WhatsApp Manager"
              >
                {sync.isPending ? <Spinner /> : <RefreshIcon />}
                Sync from WhatsApp
              </button>
            ) : null}
            {!adding ? (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setAdding(true)}>
                <PlusIcon /> Add template
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {sync.error ? <Alert tone="error">{toUserMessage(sync.error)}</Alert> : null}
      {sync.data ? (
        <Alert tone="success">
          Imported {sync.data.imported} approved template{sync.data.imported === 1 ? '' : 's'}
          {sync.data.skipped ? `, skipped ${sync.data.skipped} not approved or without a body` : ''}.
        </Alert>
      ) : null}
      {remove.error ? <Alert tone="error">{toUserMessage(remove.error)}</Alert> : null}
      {adding ? <TemplateForm channelId={channel.id} onDone={() => setAdding(false)} /> : null}
      {templates.isPending ? (
        <SkeletonRows rows={2} />
      ) : templates.isError ? (
        <ErrorState message={toUserMessage(templates.error)} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <div className="tpl-none">
          <TemplateIcon />
          {canManage ? 'No templates yet. Add the ones approved in WhatsApp Manager, or sync them.' : 'No templates yet. An admin can add them.'}
        </div>
      ) : (
        <ul className="tpl-list" aria-label={`Templates of ${channel.name}`}>
          {templates.data.map((t) => (
            <li key={t.id} className="tpl-item">
              <div className="tpl-item-main">
                <div className="tpl-item-title">
                  <span className="mono">{t.name}</span>
                  <span className="chip">{t.language}</span>
                  <span className="chip">{t.category.toLowerCase()}</span>
                </div>
                <TemplateBody body={t.body} />
              </div>
              {canManage ? (
                <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Delete template ${t.name}`} onClick={() => setConfirming(t)}>
                  <TrashIcon />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Delete template ${confirming?.name ?? ''}?`}
        confirmLabel="Delete template"
        pending={remove.isPending}
        error={remove.error ? toUserMessage(remove.error) : null}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && remove.mutate({ templateId: confirming.id }, { onSuccess: () => setConfirming(null) })}
      >
        Agents can no longer send it from Switchboard. It stays approved in WhatsApp Manager.
      </ConfirmDialog>
    </div>
  );
}
