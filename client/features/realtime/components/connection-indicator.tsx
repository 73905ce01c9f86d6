import { useConnectionStatus } from '../api/connection-status.ts';

export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <span
      className={`connection connection-${status.state}`}
      data-testid="connection-indicator"
      data-state={status.state}
      role="status"
      title={status.detail}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{status.label}</span>
      <span className="sr-only">{status.detail}</span>
    </span>
  );
}
