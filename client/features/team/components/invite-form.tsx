import { useRef, useState, type FormEvent } from 'react';
import { ZInviteInput } from '../../../../src/contracts/team.ts';
import { ROLES, type Role } from '../../../../src/domain/roles.ts';
import { SelectField, TextField } from '../../../components/field.tsx';
import { CheckIcon, CopyIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { ROLE_LABELS } from '../../../lib/format.ts';
import { validate } from '../../../lib/validate.ts';
import { useInviteMember } from '../api/use-invite-member.ts';

function InviteLink({ email, url }: { email: string; url: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // Clipboard refused (permissions, insecure context): leave the link selected to copy by hand.
      inputRef.current?.select();
      setCopy('manual');
    }
  };

  return (
    <div className="invite-result">
      <Alert tone="success">
        Invite link for <strong>{email}</strong> is ready.
      </Alert>
      <div className="field">
        <label className="field-label" htmlFor="invite-link">
          Invite link
        </label>
        <div className="input-group">
          <input
            ref={inputRef}
            id="invite-link"
            className="input input-mono"
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="btn btn-secondary" onClick={() => void onCopy()}>
            {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
            {copy === 'copied' ? 'Copied' : 'Copy link'}
          </button>
        </div>
        <div className="field-hint" role="status">
          {copy === 'manual'
            ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.'
            : 'Switchboard doesn’t send invite emails yet: share this link yourself. It works once and expires in 7 days.'}
        </div>
      </div>
    </div>
  );
}

export function InviteForm() {
  const invite = useInviteMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('AGENT');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ email: string; url: string } | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const errors = { ...fieldErrorsOf(invite.error), ...clientErrors };
  const formError = invite.error && !errors.email && !errors.role ? toUserMessage(invite.error) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(ZInviteInput, { email, role });
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      emailRef.current?.focus();
      return;
    }
    invite.reset();
    invite.mutate(
      { email, role },
      {
        onSuccess: (created) => {
          setResult({ email: created.invite.email, url: created.inviteUrl });
          setEmail('');
        },
        onError: () => emailRef.current?.focus(),
      },
    );
  };

  return (
    <Panel title="Invite a teammate" description="They join with the role you pick. You can change it later.">
      <form className="form" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="form-row">
          <TextField
            ref={emailRef}
            label="Email address"
            name="email"
            type="email"
            autoComplete="off"
            placeholder="teammate@company.com"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setClientErrors({});
            }}
            error={errors.email}
          />
          <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} error={errors.role}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
            {invite.isPending ? <Spinner /> : null}
            {invite.isPending ? 'Creating link…' : 'Create invite link'}
          </button>
        </div>
      </form>
      {result ? <InviteLink key={result.url} email={result.email} url={result.url} /> : null}
    </Panel>
  );
}
