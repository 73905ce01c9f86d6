import { useRef, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, ZSignUpInput } from '../../../../src/contracts/team.ts';
import { Alert, Spinner } from '../../../components/states.tsx';
import { TextField } from '../../../components/field.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { useSignUp } from '../api/use-sign-up.ts';

type Values = { workspaceName: string; name: string; email: string; password: string };

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const signUp = useSignUp();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ workspaceName: '', name: '', email: '', password: '' });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  const serverErrors = fieldErrorsOf(signUp.error);
  const errors = { ...serverErrors, ...clientErrors };
  useFocusFirstInvalid(formRef, attempt);

  const set = (key: keyof Values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    // An edited field's old complaint no longer applies.
    setClientErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(ZSignUpInput, values);
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    signUp.reset();
    signUp.mutate(values, { onSuccess: onSignedUp, onError: () => setAttempt((n) => n + 1) });
  };

  const formError = signUp.error && Object.keys(serverErrors).length === 0 ? toUserMessage(signUp.error) : null;

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Workspace name"
        name="workspaceName"
        autoComplete="organization"
        placeholder="Acme Support"
        value={values.workspaceName}
        onChange={set('workspaceName')}
        error={errors.workspaceName}
        autoFocus
      />
      <TextField label="Your name" name="name" autoComplete="name" value={values.name} onChange={set('name')} error={errors.name} />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        placeholder="you@company.com"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={signUp.isPending}>
        {signUp.isPending ? <Spinner /> : null}
        {signUp.isPending ? 'Creating workspace…' : 'Create workspace'}
      </button>
    </form>
  );
}
