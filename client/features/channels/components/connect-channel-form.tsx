import { useRef, useState, type FormEvent } from 'react';
import { ZCreateChannelInput, type ChannelDto } from '../../../../src/contracts/conversation.ts';
import { TextField } from '../../../components/field.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { PROVIDER_LABELS } from '../api/channel-list.ts';
import { useCreateChannel } from '../api/use-create-channel.ts';

type Provider = ChannelDto['provider'];
type Values = Record<string, string>;

const randomToken = () => crypto.randomUUID().replace(/-/g, '');

const initial = (): Values => ({
  name: '',
  phoneNumber: '',
  phoneNumberId: '',
  wabaId: '',
  accessToken: '',
  appSecret: '',
  // Any string works; Meta echoes it back during the webhook handshake. Suggest a strong one.
  verifyToken: randomToken(),
  graphBaseUrl: 'https://graph.facebook.com',
  graphApiVersion: 'v21.0',
  twilioAccountSid: '',
  authToken: '',
  twilioApiBaseUrl: 'https://api.twilio.com',
});

const FIELDS: Record<Provider, string[]> = {
  WHATSAPP_CLOUD: ['name', 'phoneNumber', 'phoneNumberId', 'wabaId', 'accessToken', 'appSecret', 'verifyToken', 'graphBaseUrl', 'graphApiVersion'],
  TWILIO: ['name', 'phoneNumber', 'twilioAccountSid', 'authToken', 'twilioApiBaseUrl'],
};

/** The create input for the chosen provider: only its fields, optional ones left out when blank. */
const inputFor = (provider: Provider, values: Values) => {
  const out: Record<string, string> = { provider };
  for (const key of FIELDS[provider]) {
    const value = values[key]?.trim() ?? '';
    if (key === 'wabaId' && !value) continue;
    out[key] = value;
  }
  return out;
};

export function ConnectChannelForm({ onDone }: { onDone: (channel: ChannelDto | null) => void }) {
  const create = useCreateChannel();
  const [provider, setProvider] = useState<Provider>('WHATSAPP_CLOUD');
  const [values, setValues] = useState<Values>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);

  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };
  const formError = create.error && Object.keys(fieldErrorsOf(create.error)).length === 0 ? toUserMessage(create.error) : null;

  const field = (key: string, label: string, extra: { type?: string; hint?: string; placeholder?: string; autoComplete?: string } = {}) => (
    <TextField
      label={label}
      name={key}
      value={values[key] ?? ''}
      onChange={(e) => {
        setValues({ ...values, [key]: e.target.value });
        if (clientErrors[key]) setClientErrors({ ...clientErrors, [key]: '' });
      }}
      error={errors[key] || undefined}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      placeholder={extra.placeholder}
      autoComplete={extra.autoComplete ?? 'off'}
      spellCheck={false}
    />
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = inputFor(provider, values);
    const found = validate(ZCreateChannelInput, input, { required: 'Required' });
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    create.reset();
    const parsed = ZCreateChannelInput.parse(input);
    create.mutate(parsed, { onSuccess: (channel) => onDone(channel), onError: () => setAttempt((n) => n + 1) });
  };

  return (
    <Panel title="Connect WhatsApp" description="Secrets are encrypted at rest and never shown again after saving.">
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Connect WhatsApp">
        <div className="segmented" role="radiogroup" aria-label="Provider">
          {(['WHATSAPP_CLOUD', 'TWILIO'] as const).map((p) => (
            <button
              key={p}
              type="button"
              role="radio"
              aria-checked={provider === p}
              className="segmented-item"
              onClick={() => {
                setProvider(p);
                setClientErrors({});
                create.reset();
              }}
            >
              {PROVIDER_LABELS[p]}
            </button>
          ))}
        </div>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="form-grid">
          {field('name', 'Channel name', { placeholder: 'Support line' })}
          {field('phoneNumber', provider === 'TWILIO' ? 'Sender number' : 'Phone number', { placeholder: '+14155550123', hint: 'International format.' })}
        </div>
        {provider === 'WHATSAPP_CLOUD' ? (
          <>
            <div className="form-grid">
              {field('phoneNumberId', 'Phone number ID', { hint: 'WhatsApp Manager → API Setup.' })}
              {field('wabaId', 'Business account ID (optional)', { hint: 'Needed to sync templates; learnt from the first webhook otherwise.' })}
            </div>
            <div className="form-grid">
              {field('accessToken', 'Access token', { type: 'password', autoComplete: 'new-password' })}
              {field('appSecret', 'App secret', { type: 'password', autoComplete: 'new-password', hint: 'Verifies that webhooks come from Meta.' })}
            </div>
            {field('verifyToken', 'Verify token', { hint: 'Paste the same value in Meta’s webhook settings.' })}
            <details className="form-advanced" open={errors.graphBaseUrl || errors.graphApiVersion ? true : undefined}>
              <summary>Graph API settings</summary>
              <div className="form-grid">
                {field('graphBaseUrl', 'Graph API base URL')}
                {field('graphApiVersion', 'Graph API version')}
              </div>
            </details>
          </>
        ) : (
          <>
            <div className="form-grid">
              {field('twilioAccountSid', 'Account SID', { placeholder: 'AC…' })}
              {field('authToken', 'Auth token', { type: 'password', autoComplete: 'new-password' })}
            </div>
            <details className="form-advanced" open={errors.twilioApiBaseUrl ? true : undefined}>
              <summary>Twilio API settings</summary>
              {field('twilioApiBaseUrl', 'Twilio API base URL')}
            </details>
          </>
        )}
        <div className="form-actions form-actions-bar">
          <button type="button" className="btn btn-secondary" onClick={() => onDone(null)} disabled={create.isPending}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? <Spinner /> : null}
            {create.isPending ? 'Connecting…' : 'Connect channel'}
          </button>
        </div>
      </form>
    </Panel>
  );
}
