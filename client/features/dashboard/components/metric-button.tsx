import type { ReactNode } from 'react';

/** A number that opens the list behind it. A real button: focusable, Enter/Space, screen-reader label. */
export function MetricButton({ children, onOpen, label, testId }: { children: ReactNode; onOpen?: () => void; label: string; testId?: string }) {
  if (!onOpen) return <span data-testid={testId}>{children}</span>;
  return (
    <button type="button" className="metric-button" onClick={onOpen} aria-label={`${label}: show the list`} data-testid={testId}>
      {children}
    </button>
  );
}

/** A tile: label, big number (clickable when it drills down), a line of detail. */
export function MetricTile({
  label,
  value,
  detail,
  onOpen,
  testId,
  tone,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  onOpen?: () => void;
  testId?: string;
  tone?: 'warning';
}) {
  return (
    <div className={`stat metric-tile${tone ? ` metric-tile-${tone}` : ''}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">
        <MetricButton label={label} onOpen={onOpen} testId={testId}>
          {value}
        </MetricButton>
      </div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </div>
  );
}
