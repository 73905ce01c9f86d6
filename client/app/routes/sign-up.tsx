import { Link, useNavigate } from 'react-router';
import { AuthShell } from '../../components/auth-shell.tsx';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';
import { useForgetPreviousSession } from '../../lib/use-forget-previous-session.ts';

export function SignUpRoute() {
  const navigate = useNavigate();
  useForgetPreviousSession();
  return (
    <AuthShell
      title="Create your workspace"
      subtitle="Bring your team’s customer conversations into one place."
      footer={
        <>
          Already have an account? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      <SignUpForm onSignedUp={() => void navigate('/', { replace: true })} />
    </AuthShell>
  );
}
