import { Link } from 'react-router';
import { AuthShell } from '../../components/auth-shell.tsx';

export function NotFoundRoute() {
  return (
    <AuthShell title="Page not found" subtitle="The page you were looking for doesn’t exist or has moved.">
      <Link className="btn btn-primary" to="/inbox">
        Go to the inbox
      </Link>
    </AuthShell>
  );
}
