import { useEffect, useState } from 'react';
import { TICKET_STATUSES, type BulkUpdateResultDto, type TicketStatus } from '../../../../src/contracts/ticket.ts';
import { XIcon } from '../../../components/icons.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { STATUS_LABELS, ticketRef } from '../api/ticket-format.ts';
import { useBulkUpdateTickets } from '../api/use-update-ticket.ts';
import type { Teammate } from './ticket-toolbar.tsx';

const UNASSIGN = '__none__';

/** What the last bulk change did, including each ticket it refused and why. */
function BulkOutcome({ result, onDismiss }: { result: BulkUpdateResultDto; onDismiss: () => void }) {
  const tone = result.refused.length === 0 ? 'success' : result.updated.length === 0 ? 'error' : 'warning';
  return (
    <div className="bulk-outcome" data-testid="bulk-outcome">
      <Alert tone={tone}>
        {result.updated.length} ticket{result.updated.length === 1 ? '' : 's'} updated
        {result.refused.length ? `, ${result.refused.length} left as they were:` : '.'}
        {result.refused.length ? (
          <ul className="bulk-refused">
            {result.refused.map((r) => (
              <li key={r.ticketId}>
                <strong>{r.number === null ? 'A ticket' : ticketRef(r.number)}</strong> {r.message}
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
      <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={onDismiss}>
        <XIcon />
      </button>
    </div>
  );
}

/** Shown while tickets are selected: set their status or assignee in one go. */
export function BulkBar({ ids, teammates, onClear }: { ids: string[]; teammates: Teammate[]; onClear: () => void }) {
  const bulk = useBulkUpdateTickets();
  const [result, setResult] = useState<BulkUpdateResultDto | null>(null);
  // A clean success fades after a while; refusals stay until dismissed, they need reading.
  useEffect(() => {
    if (!result || result.refused.length) return;
    const timer = setTimeout(() => setResult(null), 8_000);
    return () => clearTimeout(timer);
  }, [result]);
  const run = (change: { status?: TicketStatus; assigneeId?: string | null }) =>
    bulk.mutate(
      { ticketIds: ids, ...change },
      {
        onSuccess: (r) => {
          setResult(r);
          if (r.refused.length === 0) onClear();
        },
      },
    );

  return (
    <>
      {ids.length > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar">
          <span className="bulk-count">{ids.length} selected</span>
          <select
            className="input select select-compact"
            aria-label="Set status of selected"
            value=""
            disabled={bulk.isPending}
            onChange={(e) => e.target.value && run({ status: e.target.value as TicketStatus })}
          >
            <option value="">Set status…</option>
            {TICKET_STATUSES.filter((s) => s !== 'NEW').map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <select
            className="input select select-compact"
            aria-label="Assign selected"
            value=""
            disabled={bulk.isPending}
            onChange={(e) => e.target.value && run({ assigneeId: e.target.value === UNASSIGN ? null : e.target.value })}
          >
            <option value="">Assign to…</option>
            <option value={UNASSIGN}>Nobody (unassign)</option>
            {teammates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {bulk.isPending ? <Spinner label="Updating" /> : null}
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
            Clear selection
          </button>
        </div>
      ) : null}
      {bulk.isError ? <Alert tone="error">{toUserMessage(bulk.error)}</Alert> : null}
      {result ? <BulkOutcome result={result} onDismiss={() => setResult(null)} /> : null}
    </>
  );
}
