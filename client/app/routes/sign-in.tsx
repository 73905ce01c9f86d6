import { Link, useLocation, useNavigate } from 'react-router';
import { AuthShell } from '../../components/auth-shell.tsx';
import { Alert } from '../../components/states.tsx';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { useForgetPreviousSession } from '../../lib/use-forget-previous-session.ts';

type SignInState = { from?: string; notice?: 'session-ended' } | null;

export function SignInRoute() {
  const navigate = useNavigate();
  useForgetPreviousSession();
  const state = useLocation().state as SignInState;
  // Only return to pages inside the app, never to the sign-in page itself or elsewhere.
  const next = state?.from && state.from.startsWith('/') && !state.from.startsWith('/signin') ? state.from : '/';
  return (
    <AuthShell
      title="Sign in to Switchboard"
      subtitle="Welcome back."
      footer={
        <>
          New to Switchboard? <Link to="/signup">Create a workspace</Link>
        </>
      }
    >
      {state?.notice === 'session-ended' ? (
        <Alert tone="warning">Your session ended. Please sign in again.</Alert>
      ) : null}
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
    </AuthShell>
  );
}
