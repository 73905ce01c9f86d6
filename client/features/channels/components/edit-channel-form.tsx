import { useRef, useState, type FormEvent } from 'react';
import { ZUpdateChannelInput, type ChannelDto } from '../../../../src/contracts/conversation.ts';
import { TextField } from '../../../components/field.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { SECRET_LABELS, SECRETS_BY_PROVIDER } from '../api/channel-list.ts';
import { useUpdateChannel } from '../api/use-update-channel.ts';

type Values = Record<string, string>;

const settingsOf = (c: ChannelDto): Values =>
  c.provider === 'WHATSAPP_CLOUD'
    ? { name: c.name, graphBaseUrl: c.graphBaseUrl ?? '', graphApiVersion: c.graphApiVersion ?? '', wabaId: c.wabaId ?? '' }
    : { name: c.name, twilioApiBaseUrl: '' };

/** Edits a channel. Secret fields start empty: blank keeps what is stored, a value replaces it. */
export function EditChannelForm({ channel, onDone }: { channel: ChannelDto; onDone: () => void }) {
  const update = useUpdateChannel();
  const original = settingsOf(channel);
  const secrets = SECRETS_BY_PROVIDER[channel.provider];
  const [values, setValues] = useState<Values>(() => ({ ...original, ...Object.fromEntries(secrets.map((s) => [s, ''])) }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);

  const errors = { ...fieldErrorsOf(update.error), ...clientErrors };
  const formError = update.error && Object.keys(fieldErrorsOf(update.error)).length === 0 ? toUserMessage(update.error) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed travels; an untouched field is not a request to overwrite it.
    const input: Record<string, string> = { channelId: channel.id };
    for (const [key, value] of Object.entries(values)) {
      const v = value.trim();
      if (v && v !== original[key]) input[key] = v;
    }
    const found = validate(ZUpdateChannelInput, input, { required: 'Required' });
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(input).length === 1) return onDone();
    update.mutate(ZUpdateChannelInput.parse(input), { onSuccess: onDone, onError: () => setAttempt((n) => n + 1) });
  };

  const field = (key: string, label: string, opts: { secret?: boolean; hint?: string } = {}) => (
    <TextField
      key={key}
      label={label}
      name={key}
      type={opts.secret ? 'password' : 'text'}
      autoComplete={opts.secret ? 'new-password' : 'off'}
      spellCheck={false}
      placeholder={opts.secret ? (channel.secretsSet.includes(key) ? '•••••••• stored — leave blank to keep' : 'Not set') : undefined}
      value={values[key] ?? ''}
      onChange={(e) => setValues({ ...values, [key]: e.target.value })}
      error={errors[key] || undefined}
      hint={opts.hint}
    />
  );

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={`Edit ${channel.name}`}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        {field('name', 'Channel name')}
        {channel.provider === 'WHATSAPP_CLOUD'
          ? field('wabaId', 'Business account ID', { hint: 'Used to sync templates.' })
          : field('twilioApiBaseUrl', 'Twilio API base URL', { hint: 'Blank keeps the current one.' })}
      </div>
      {channel.provider === 'WHATSAPP_CLOUD' ? (
        <div className="form-grid">
          {field('graphBaseUrl', 'Graph API base URL')}
          {field('graphApiVersion', 'Graph API version')}
        </div>
      ) : null}
      <div className="form-grid">{secrets.map((s) => field(s, SECRET_LABELS[s] ?? s, { secret: true }))}</div>
      <div className="form-actions form-actions-bar">
        <button type="button" className="btn btn-secondary" onClick={onDone} disabled={update.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? <Spinner /> : null}
          Save changes
        </button>
      </div>
    </form>
  );
}
