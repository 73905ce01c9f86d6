import { useRef, useState, type FormEvent } from 'react';
import { ZSignInInput } from '../../../../src/contracts/team.ts';
import { Alert, Spinner } from '../../../components/states.tsx';
import { TextField } from '../../../components/field.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { useSignIn } from '../api/use-sign-in.ts';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  const serverErrors = fieldErrorsOf(signIn.error);
  const errors = { ...serverErrors, ...clientErrors };
  useFocusFirstInvalid(formRef, attempt);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(ZSignInInput, values);
    if (!values.password) found.password = 'Enter your password';
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    signIn.reset();
    signIn.mutate(values, { onSuccess: onSignedIn });
  };

  const formError = signIn.error && Object.keys(serverErrors).length === 0 ? toUserMessage(signIn.error) : null;

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={values.email}
        onChange={(e) => {
          setValues((v) => ({ ...v, email: e.target.value }));
          setClientErrors(({ email: _dropped, ...rest }) => rest);
        }}
        error={errors.email}
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={(e) => {
          setValues((v) => ({ ...v, password: e.target.value }));
          setClientErrors(({ password: _dropped, ...rest }) => rest);
        }}
        error={errors.password}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={signIn.isPending}>
        {signIn.isPending ? <Spinner /> : null}
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
