import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { XIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, SkeletonRows } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { formatDuration } from '../api/format-metric.ts';
import { useDrill, type DrillTarget } from '../api/use-drill.ts';
import { CsvButton } from './csv-button.tsx';

/** The list behind a number, in a side sheet: newest first, paged, each row opens its conversation, email or contact. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const drill = useDrill(target);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const rows = drill.data?.pages.flatMap((p) => p.items) ?? [];
  const { label: _label, range, ...drillInput } = target;
  return (
    <div className="drill-backdrop" onClick={onClose}>
      <aside className="drill-drawer" role="dialog" aria-modal="true" aria-label={target.label} onClick={(e) => e.stopPropagation()} data-testid="drill-drawer">
        <header className="drill-header">
          <h2 className="panel-title">{target.label}</h2>
          <div className="drill-actions">
            {range ? <CsvButton input={{ table: 'drill', range, drill: drillInput }} /> : null}
            <button ref={closeRef} type="button" className="btn btn-ghost btn-sm" onClick={onClose} aria-label="Close">
              <XIcon />
            </button>
          </div>
        </header>
        <div className="drill-body">
          {drill.isPending ? (
            <SkeletonRows rows={6} />
          ) : drill.isError ? (
            <ErrorState message={toUserMessage(drill.error)} onRetry={() => void drill.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState title="Nothing here">Nothing counts toward this number.</EmptyState>
          ) : (
            <ul className="drill-list">
              {rows.map((row) => (
                <li key={row.id}>
                  <Link to={row.href} className="drill-row" data-testid="drill-row">
                    <span className="drill-title">{row.title}</span>
                    <span className="drill-meta">
                      {row.status} · {formatDateTime(row.at)}
                    </span>
                    {row.valueMs !== null ? <span className="drill-value">{formatDuration(row.valueMs)}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {drill.hasNextPage ? (
            <button type="button" className="btn btn-secondary btn-sm drill-more" onClick={() => void drill.fetchNextPage()} disabled={drill.isFetchingNextPage}>
              {drill.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
