import { useEffect, useState, type FormEvent } from 'react';
import type { SlaPolicyDto, TicketPriority } from '../../../../src/contracts/ticket.ts';
import { Panel } from '../../../components/panel.tsx';
import { Alert, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { PRIORITY_LABELS } from '../api/ticket-format.ts';
import { useSlaPolicies, useUpdateSlaPolicies } from '../api/use-sla-settings.ts';
import { PriorityBadge } from './ticket-badges.tsx';

type Duration = { hours: string; minutes: string };
type Row = { priority: TicketPriority; firstResponse: Duration; resolution: Duration };

const toDuration = (total: number | null): Duration => {
  if (total === null) return { hours: '', minutes: '' };
  const hours = Math.floor(total / 60);
  const minutes = Math.round((total - hours * 60) * 100) / 100;
  return { hours: hours ? String(hours) : '', minutes: minutes ? String(minutes) : hours ? '' : '0' };
};

/** Minutes from the two boxes; null when both are empty (no target); NaN when not a number. */
const toMinutes = ({ hours, minutes }: Duration): number | null => {
  if (!hours.trim() && !minutes.trim()) return null;
  return Number(hours || 0) * 60 + Number(minutes || 0);
};

const rowsOf = (policies: SlaPolicyDto[]): Row[] =>
  policies.map((p) => ({ priority: p.priority, firstResponse: toDuration(p.firstResponseMinutes), resolution: toDuration(p.resolutionMinutes) }));

function DurationInput({ label, value, disabled, onChange, invalid }: { label: string; value: Duration; disabled: boolean; onChange: (d: Duration) => void; invalid: boolean }) {
  return (
    <span className="duration" role="group" aria-label={label}>
      <input
        className="input duration-input"
        inputMode="numeric"
        aria-label={`${label}, hours`}
        placeholder="–"
        value={value.hours}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange({ ...value, hours: e.target.value })}
      />
      <span className="duration-unit">h</span>
      <input
        className="input duration-input"
        inputMode="decimal"
        aria-label={`${label}, minutes`}
        placeholder="–"
        value={value.minutes}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange({ ...value, minutes: e.target.value })}
      />
      <span className="duration-unit">min</span>
    </span>
  );
}

/** First-response and resolution targets per priority, in business hours. Empty means no target. */
export function SlaPoliciesForm({ canEdit }: { canEdit: boolean }) {
  const policies = useSlaPolicies();
  const save = useUpdateSlaPolicies();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);

  // Another supervisor's change arrives live and shows here, unless this form has unsaved edits.
  useEffect(() => {
    if (policies.data && !dirty) setRows(rowsOf(policies.data));
  }, [policies.data, dirty]);

  const set = (priority: TicketPriority, clock: 'firstResponse' | 'resolution', d: Duration) => {
    setSaved(false);
    setDirty(true);
    setRows((list) => list?.map((r) => (r.priority === priority ? { ...r, [clock]: d } : r)) ?? list);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    const found: Record<string, string> = {};
    const input = rows.map((r) => {
      const firstResponseMinutes = toMinutes(r.firstResponse);
      const resolutionMinutes = toMinutes(r.resolution);
      for (const [key, v] of [
        ['firstResponse', firstResponseMinutes],
        ['resolution', resolutionMinutes],
      ] as const) {
        if (v !== null && !(v > 0)) found[`${r.priority}.${key}`] = `${PRIORITY_LABELS[r.priority]}: a target must be a number above zero, or empty for none.`;
      }
      return { priority: r.priority, firstResponseMinutes, resolutionMinutes };
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(
      { policies: input },
      {
        onSuccess: (result) => {
          setRows(rowsOf(result));
          setDirty(false);
          setSaved(true);
        },
      },
    );
  };

  return (
    <Panel title="Targets" description="How soon each priority gets a first reply and a resolution, counted in business hours. Leave both boxes empty for no target." flush>
      {policies.isPending || !rows ? (
        policies.isError ? (
          <ErrorState message={toUserMessage(policies.error)} onRetry={() => void policies.refetch()} />
        ) : (
          <SkeletonRows rows={4} />
        )
      ) : (
        <form onSubmit={submit} aria-label="SLA targets">
          <table className="table sla-table">
            <thead>
              <tr>
                <th>Priority</th>
                <th>First response</th>
                <th>Resolution</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.priority} data-priority={r.priority}>
                  <td>
                    <PriorityBadge priority={r.priority} />
                  </td>
                  <td>
                    <DurationInput
                      label={`${PRIORITY_LABELS[r.priority]} first response`}
                      value={r.firstResponse}
                      disabled={!canEdit}
                      invalid={Boolean(errors[`${r.priority}.firstResponse`])}
                      onChange={(d) => set(r.priority, 'firstResponse', d)}
                    />
                  </td>
                  <td>
                    <DurationInput
                      label={`${PRIORITY_LABELS[r.priority]} resolution`}
                      value={r.resolution}
                      disabled={!canEdit}
                      invalid={Boolean(errors[`${r.priority}.resolution`])}
                      onChange={(d) => set(r.priority, 'resolution', d)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit ? (
            <div className="form-actions form-actions-bar sla-actions">
              {Object.values(errors).map((message) => (
                <Alert key={message} tone="error">
                  {message}
                </Alert>
              ))}
              {save.isError ? <Alert tone="error">{toUserMessage(save.error)}</Alert> : null}
              {saved ? (
                <span className="form-status text-success" role="status">
                  Saved. Open tickets’ due times are being recalculated.
                </span>
              ) : null}
              <button type="submit" className="btn btn-primary" disabled={save.isPending}>
                {save.isPending ? <Spinner /> : null}
                Save targets
              </button>
            </div>
          ) : null}
        </form>
      )}
    </Panel>
  );
}
