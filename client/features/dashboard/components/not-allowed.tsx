import { EmptyState } from '../../../components/states.tsx';
import { ShieldIcon } from '../../../components/icons.tsx';

/** What an agent sees on a supervisor page: said plainly, with the way back. */
export function NotAllowed({ what }: { what: string }) {
  return (
    <div data-testid="not-allowed">
      <EmptyState title={`${what} is for supervisors and admins`} icon={<ShieldIcon />}>
        Your role doesn’t include it. Ask an admin if you need access.{' '}
        <a href="/inbox">Back to the inbox</a>
      </EmptyState>
    </div>
  );
}
