import { Link, useNavigate, useParams } from 'react-router';
import { AuthShell } from '../../components/auth-shell.tsx';
import { LoadingState } from '../../components/states.tsx';
import { isPlausibleInviteToken, useInvitePreview } from '../../features/auth/api/use-invite-preview.ts';
import { AcceptInviteForm } from '../../features/auth/components/accept-invite-form.tsx';
import { toUserMessage } from '../../lib/errors.ts';
import { useForgetPreviousSession } from '../../lib/use-forget-previous-session.ts';
import { ROLE_LABELS } from '../../lib/format.ts';

export function AcceptInviteRoute() {
  const { token } = useParams();
  const navigate = useNavigate();
  const preview = useInvitePreview(token);
  useForgetPreviousSession();

  if (!isPlausibleInviteToken(token) || preview.isError) {
    const notFound = !preview.isError || preview.error.data?.code === 'NOT_FOUND' || preview.error.data?.code === 'BAD_REQUEST';
    return (
      <AuthShell
        title={notFound ? 'This invite link doesn’t work' : 'Couldn’t open this invite'}
        subtitle={
          notFound
            ? 'It may have expired, been revoked or already been used. Ask an admin of the workspace for a new link.'
            : toUserMessage(preview.error)
        }
        footer={
          <>
            Already joined? <Link to="/signin">Sign in</Link>
          </>
        }
      >
        {!notFound ? (
          <button type="button" className="btn btn-secondary" onClick={() => void preview.refetch()}>
            Try again
          </button>
        ) : null}
      </AuthShell>
    );
  }

  if (preview.isPending) {
    return (
      <AuthShell title="Opening your invite…">
        <LoadingState label="Checking the link…" />
      </AuthShell>
    );
  }

  const { workspaceName, email, role } = preview.data;
  return (
    <AuthShell
      title={`Join ${workspaceName}`}
      subtitle={
        <>
          You’ve been invited as <strong>{ROLE_LABELS[role].toLowerCase()}</strong>. Choose your name and a password to get started.
        </>
      }
      footer={
        <>
          Already have an account? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      <AcceptInviteForm token={token} email={email} onJoined={() => void navigate('/', { replace: true })} />
    </AuthShell>
  );
}
