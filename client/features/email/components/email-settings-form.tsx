import { useRef, useState, type FormEvent } from 'react';
import { ZUpdateEmailSettingsInput, type EmailSettingsDto, type UpdateEmailSettingsInput } from '../../../../src/contracts/email.ts';
import { CopyField } from '../../../components/copy-field.tsx';
import { TextAreaField, TextField } from '../../../components/field.tsx';
import { CheckIcon, XIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Alert, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { useEmailSettings, useUpdateEmailSettings } from '../api/use-email-settings.ts';

function Stored({ set, label }: { set: boolean; label: string }) {
  return (
    <span className={set ? 'secret secret-set' : 'secret secret-missing'}>
      {set ? <CheckIcon /> : <XIcon />}
      {label}
    </span>
  );
}

function SettingsForm({ settings, canManage }: { settings: EmailSettingsDto; canManage: boolean }) {
  const update = useUpdateEmailSettings();
  const [fromName, setFromName] = useState(settings.fromName);
  const [fromAddress, setFromAddress] = useState(settings.fromAddress ?? '');
  // Write-only: the stored key is never sent back; blank keeps it.
  const [apiKey, setApiKey] = useState('');
  const [publicKey, setPublicKey] = useState(settings.webhookPublicKey ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);
  const errors = { ...fieldErrorsOf(update.error), ...clientErrors };
  const formError = update.error && Object.keys(fieldErrorsOf(update.error)).length === 0 ? toUserMessage(update.error) : null;

  const save = (input: UpdateEmailSettingsInput) => {
    setSaved(false);
    update.mutate(input, {
      onSuccess: () => {
        setApiKey('');
        setSaved(true);
      },
      onError: () => setAttempt((n) => n + 1),
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, unknown> = {};
    if (fromName.trim() !== settings.fromName) input.fromName = fromName.trim();
    if (fromAddress.trim() !== (settings.fromAddress ?? '')) input.fromAddress = fromAddress.trim() || null;
    if (apiKey.trim()) input.apiKey = apiKey.trim();
    if (publicKey.trim() !== (settings.webhookPublicKey ?? '')) input.webhookPublicKey = publicKey.trim() || null;
    const found = validate(ZUpdateEmailSettingsInput, input);
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    save(ZUpdateEmailSettingsInput.parse(input));
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Email settings">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Email settings saved.</Alert> : null}
      <div className="form-grid">
        <TextField
          label="Sender name"
          value={fromName}
          onChange={(e) => setFromName(e.target.value)}
          error={errors.fromName}
          hint="Used when the sending agent has no name; otherwise emails come from the agent."
          disabled={!canManage}
        />
        <TextField
          label="Sender address"
          type="email"
          value={fromAddress}
          onChange={(e) => setFromAddress(e.target.value)}
          error={errors.fromAddress}
          hint="Must be a verified sender (or domain) in SendGrid."
          placeholder="sales@yourcompany.com"
          disabled={!canManage}
        />
      </div>
      <div className="field-row-actions">
        <TextField
          label="SendGrid API key"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          error={errors.apiKey}
          placeholder={settings.apiKeySet ? '•••••••• stored — leave blank to keep' : 'SG.…'}
          hint={
            settings.apiKeySet
              ? 'Stored encrypted; never shown again. Type a new one to replace it.'
              : settings.mode === 'sendgrid'
                ? 'The deployment’s key (SENDGRID_API_KEY) is used; a key here is used for this workspace instead.'
                : 'Without a key, emails go to the dev outbox.'
          }
          disabled={!canManage}
        />
        {canManage && settings.apiKeySet ? (
          <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" onClick={() => save({ apiKey: null })} disabled={update.isPending}>
            Remove key
          </button>
        ) : null}
      </div>
      <TextAreaField
        label="Event Webhook verification key"
        rows={3}
        className="input-mono"
        spellCheck={false}
        value={publicKey}
        onChange={(e) => setPublicKey(e.target.value)}
        error={errors.webhookPublicKey}
        hint={
          settings.globalWebhookKey
            ? 'A deployment-wide key is configured too; a key here is used for this workspace.'
            : 'SendGrid → Mail settings → Event Webhook → Signature verification → the public key.'
        }
        disabled={!canManage}
      />
      <CopyField label="Event Webhook URL" value={settings.webhookUrl} hint="Paste into SendGrid → Mail settings → Event Webhook → HTTP POST URL, with signed events on." />
      {canManage ? (
        <div className="form-actions form-actions-bar">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? <Spinner /> : null}
            Save email settings
          </button>
        </div>
      ) : null}
    </form>
  );
}

/** Settings → Email: where emails come from, the SendGrid key, and the engagement webhook. */
export function EmailSettingsPanel({ canManage }: { canManage: boolean }) {
  const settings = useEmailSettings();
  return (
    <Panel
      title="Sending"
      description={
        settings.data ? (
          <span className="mail-mode" data-testid="email-mode">
            {settings.data.mode === 'sendgrid' ? (
              <>
                <span className="mail-pill mail-pill-success">SendGrid</span> Emails go out through SendGrid.
              </>
            ) : (
              <>
                <span className="mail-pill mail-pill-warning">Dev outbox</span> No SendGrid key: emails are kept in the outbox, not sent.
              </>
            )}
            <Stored set={settings.data.mode === 'sendgrid'} label={settings.data.apiKeySet ? 'API key' : settings.data.mode === 'sendgrid' ? 'API key (deployment)' : 'API key'} />
            <Stored set={settings.data.webhookPublicKey !== null || settings.data.globalWebhookKey} label="Webhook key" />
          </span>
        ) : null
      }
    >
      {settings.isPending ? (
        <SkeletonRows rows={4} />
      ) : settings.isError ? (
        <ErrorState message={toUserMessage(settings.error)} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} canManage={canManage} />
      )}
    </Panel>
  );
}
