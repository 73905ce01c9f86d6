import { useId, type ReactNode } from 'react';
import { PanelBoundary } from './panel-boundary.tsx';

/** A titled card. Each panel has its own error boundary: one broken panel never blanks the page. */
export function Panel({
  title,
  description,
  actions,
  children,
  flush = false,
  className,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Content touches the edges (tables, lists). */
  flush?: boolean;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <header className="panel-header">
        <div className="panel-heading">
          <h2 className="panel-title" id={headingId}>
            {title}
          </h2>
          {description ? <div className="panel-description">{description}</div> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className={flush ? 'panel-body panel-body-flush' : 'panel-body'}>
        <PanelBoundary>{children}</PanelBoundary>
      </div>
    </section>
  );
}
