import { useRef, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, ZAcceptInviteInput } from '../../../../src/contracts/team.ts';
import { Alert, Spinner } from '../../../components/states.tsx';
import { TextField } from '../../../components/field.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { useAcceptInvite } from '../api/use-accept-invite.ts';

export function AcceptInviteForm({ token, email, onJoined }: { token: string; email: string; onJoined: () => void }) {
  const accept = useAcceptInvite();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ name: '', password: '' });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  const serverErrors = fieldErrorsOf(accept.error);
  const errors = { ...serverErrors, ...clientErrors };
  useFocusFirstInvalid(formRef, attempt);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(ZAcceptInviteInput, { ...values, token });
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    accept.reset();
    accept.mutate({ ...values, token }, { onSuccess: onJoined });
  };

  const formError = accept.error && Object.keys(serverErrors).length === 0 ? toUserMessage(accept.error) : null;

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="username" value={email} readOnly hint="Your invite is for this address." />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={values.name}
        onChange={(e) => {
          setValues((v) => ({ ...v, name: e.target.value }));
          setClientErrors(({ name: _dropped, ...rest }) => rest);
        }}
        error={errors.name}
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => {
          setValues((v) => ({ ...v, password: e.target.value }));
          setClientErrors(({ password: _dropped, ...rest }) => rest);
        }}
        error={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={accept.isPending}>
        {accept.isPending ? <Spinner /> : null}
        {accept.isPending ? 'Joining…' : 'Join workspace'}
      </button>
    </form>
  );
}
