import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { BusinessCalendarDto } from '../../../../src/contracts/ticket.ts';
import { WEEKDAYS, ZBusinessCalendar, type Weekday } from '../../../../src/domain/business-hours.ts';
import { PlusIcon, XIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Alert, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useBusinessCalendar, useUpdateBusinessCalendar } from '../api/use-sla-settings.ts';

const DAY_LABELS: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
};

/** The schema's messages, one per problem, with the day they concern. */
const problemsOf = (calendar: BusinessCalendarDto): string[] => {
  const result = ZBusinessCalendar.safeParse(calendar);
  if (result.success) return [];
  return [
    ...new Set(
      result.error.issues.map((issue) => {
        const day = issue.path[0] === 'weekly' && typeof issue.path[1] === 'string' ? DAY_LABELS[issue.path[1] as Weekday] : null;
        return day ? `${day}: ${issue.message}` : issue.message;
      }),
    ),
  ];
};

/**
 * When the SLA clocks run: the workspace's time zone, opening hours per weekday (several
 * periods a day allowed, e.g. a lunch break) and holidays, on which they stand still.
 */
export function BusinessHoursForm({ canEdit }: { canEdit: boolean }) {
  const calendar = useBusinessCalendar();
  const save = useUpdateBusinessCalendar();
  const [draft, setDraft] = useState<BusinessCalendarDto | null>(null);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [holiday, setHoliday] = useState('');
  const zoneList = useMemo(zones, []);

  useEffect(() => {
    if (calendar.data && !dirty) setDraft(calendar.data);
  }, [calendar.data, dirty]);

  const edit = (fn: (c: BusinessCalendarDto) => BusinessCalendarDto) => {
    setSaved(false);
    setDirty(true);
    setDraft((c) => (c ? fn(c) : c));
  };
  const setDay = (day: Weekday, windows: BusinessCalendarDto['weekly'][Weekday]) => edit((c) => ({ ...c, weekly: { ...c.weekly, [day]: windows } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const found = problemsOf(draft);
    setProblems(found);
    if (found.length) return;
    save.mutate(
      { calendar: draft },
      {
        onSuccess: (result) => {
          setDraft(result);
          setDirty(false);
          setSaved(true);
        },
        onError: (err) => setProblems(Object.values(fieldErrorsOf(err))),
      },
    );
  };

  const addHoliday = () => {
    if (!holiday || !draft || draft.holidays.includes(holiday)) return;
    edit((c) => ({ ...c, holidays: [...c.holidays, holiday].sort() }));
    setHoliday('');
  };

  return (
    <Panel title="Business hours" description="SLA clocks only run during these hours, in the workspace’s time zone, and stand still on holidays." flush>
      {!draft ? (
        calendar.isError ? (
          <ErrorState message={toUserMessage(calendar.error)} onRetry={() => void calendar.refetch()} />
        ) : (
          <SkeletonRows rows={5} />
        )
      ) : (
        <form className="hours-form" onSubmit={submit} aria-label="Business hours">
          <label className="prop hours-zone">
            <span className="prop-label">Time zone</span>
            <select className="input select" value={draft.timeZone} disabled={!canEdit} onChange={(e) => edit((c) => ({ ...c, timeZone: e.target.value }))}>
              {(zoneList.includes(draft.timeZone) ? zoneList : [draft.timeZone, ...zoneList]).map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <div className="hours-week" role="group" aria-label="Weekly hours">
            {WEEKDAYS.map((day) => {
              const windows = draft.weekly[day];
              const open = windows.length > 0;
              return (
                <div key={day} className="hours-day" data-day={day}>
                  <label className="hours-day-name">
                    <input
                      type="checkbox"
                      className="checkbox"
                      checked={open}
                      disabled={!canEdit}
                      onChange={() => setDay(day, open ? [] : [{ start: '09:00', end: '17:00' }])}
                    />
                    {DAY_LABELS[day]}
                  </label>
                  <div className="hours-windows">
                    {open ? (
                      windows.map((w, i) => (
                        <span key={i} className="hours-window">
                          <input
                            type="time"
                            className="input hours-time"
                            aria-label={`${DAY_LABELS[day]} opens`}
                            value={w.start}
                            disabled={!canEdit}
                            onChange={(e) => setDay(day, windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
                          />
                          <span className="text-muted">–</span>
                          {/* A time input cannot say 24:00 (closing at midnight): 23:59 stands for it. */}
                          <input
                            type="time"
                            className="input hours-time"
                            aria-label={`${DAY_LABELS[day]} closes`}
                            value={w.end === '24:00' ? '23:59' : w.end}
                            disabled={!canEdit}
                            onChange={(e) => setDay(day, windows.map((x, j) => (j === i ? { ...x, end: e.target.value === '23:59' ? '24:00' : e.target.value } : x)))}
                          />
                          {canEdit ? (
                            <button type="button" className="btn btn-ghost btn-sm" aria-label={`Remove ${DAY_LABELS[day]} period ${w.start}–${w.end}`} onClick={() => setDay(day, windows.filter((_, j) => j !== i))}>
                              <XIcon />
                            </button>
                          ) : null}
                        </span>
                      ))
                    ) : (
                      <span className="text-muted">Closed</span>
                    )}
                    {open && canEdit ? (
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        aria-label={`Add a period on ${DAY_LABELS[day]}`}
                        onClick={() => setDay(day, [...windows, { start: windows.at(-1)?.end === '24:00' ? '23:00' : (windows.at(-1)?.end ?? '09:00'), end: '24:00' }])}
                      >
                        <PlusIcon />
                      </button>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </div>
          <div className="hours-holidays">
            <div className="prop-label">Holidays</div>
            {draft.holidays.length === 0 ? <div className="text-muted">No holidays.</div> : null}
            <ul className="holiday-list">
              {draft.holidays.map((d) => (
                <li key={d} className="tag tag-removable">
                  {formatDate(`${d}T12:00:00`)}
                  {canEdit ? (
                    <button type="button" className="tag-remove" aria-label={`Remove holiday ${d}`} onClick={() => edit((c) => ({ ...c, holidays: c.holidays.filter((h) => h !== d) }))}>
                      <XIcon />
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            {canEdit ? (
              <span className="holiday-add">
                <input type="date" className="input" aria-label="Holiday date" value={holiday} onChange={(e) => setHoliday(e.target.value)} />
                <button type="button" className="btn btn-secondary btn-sm" onClick={addHoliday} disabled={!holiday}>
                  <PlusIcon /> Add holiday
                </button>
              </span>
            ) : null}
          </div>
          {canEdit ? (
            <div className="form-actions form-actions-bar">
              {problems.map((p) => (
                <Alert key={p} tone="error">
                  {p}
                </Alert>
              ))}
              {save.isError && problems.length === 0 ? <Alert tone="error">{toUserMessage(save.error)}</Alert> : null}
              {saved ? (
                <span className="form-status text-success" role="status">
                  Saved. Open tickets’ due times are being recalculated.
                </span>
              ) : null}
              <button type="submit" className="btn btn-primary" disabled={save.isPending}>
                {save.isPending ? <Spinner /> : null}
                Save business hours
              </button>
            </div>
          ) : null}
        </form>
      )}
    </Panel>
  );
}
