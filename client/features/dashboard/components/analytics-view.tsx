import { useState } from 'react';
import type { RangeInput } from '../../../../src/contracts/dashboard.ts';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useAnalytics } from '../api/use-analytics.ts';
import type { DrillTarget } from '../api/use-drill.ts';
import { ANALYTICS_PANELS } from './analytics-panels.tsx';
import { DrillDrawer } from './drill-drawer.tsx';
import { RangePicker } from './range-picker.tsx';

/** Analytics for a range: figures, trends and tables; every number opens its list. */
export function AnalyticsView() {
  const [range, setRange] = useState<RangeInput>({ preset: '7d' });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const analytics = useAnalytics(range);
  const data = analytics.data;
  return (
    <div className="analytics">
      <div className="analytics-toolbar">
        <RangePicker value={range} onChange={setRange} />
        {data ? (
          <span className="text-subtle analytics-range" aria-live="polite">
            {formatDateTime(data.range.from)} – {formatDateTime(data.range.to)}
            {analytics.isFetching ? ' · updating…' : ''}
            {/* Analytics read rollups refreshed a moment after each event; the live panel does not lag. */}
            <span title="Analytics are refreshed about a second after each event; the live panel is instant."> · may lag live by ~2 s</span>
          </span>
        ) : null}
      </div>
      {data ? (
        <div className="analytics-grid">
          {ANALYTICS_PANELS.map((panel) => (
            <div key={panel.key} className={panel.wide ? 'analytics-wide' : undefined}>
              {panel.render({ data, range, drill: (t) => setDrill({ ...t, range }) })}
            </div>
          ))}
        </div>
      ) : analytics.isError ? (
        <ErrorState message={toUserMessage(analytics.error)} onRetry={() => void analytics.refetch()} />
      ) : (
        <LoadingState label="Computing analytics…" />
      )}
      {drill ? <DrillDrawer target={drill} onClose={() => setDrill(null)} /> : null}
    </div>
  );
}
