import { useState, type FormEvent } from 'react';
import { DEFAULT_CADENCE, ZUpdateCadenceInput, type CadenceDto } from '../../../../src/contracts/task.ts';
import { PlusIcon, TrashIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Alert, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useCadence, useUpdateCadence } from '../api/use-cadence.ts';

type Step = { key: number; dayOffset: string; title: string };

let nextKey = 1;
const stepsOf = (steps: ReadonlyArray<{ dayOffset: number; title: string }>): Step[] => steps.map((s) => ({ key: nextKey++, dayOffset: String(s.dayOffset), title: s.title }));

/** Per-step problems, keyed "index.field", from the API's own schema. */
const stepErrors = (steps: Step[], timeZone: string): { byStep: Record<string, string>; form: string | null; ok: boolean } => {
  const result = ZUpdateCadenceInput.safeParse({ steps: steps.map((s) => ({ dayOffset: s.dayOffset.trim() === '' ? NaN : Number(s.dayOffset), title: s.title })), timeZone });
  if (result.success) return { byStep: {}, form: null, ok: true };
  const byStep: Record<string, string> = {};
  let form: string | null = null;
  for (const issue of result.error.issues) {
    const [first, index, field] = issue.path;
    if (first === 'steps' && typeof index === 'number' && field) byStep[`${index}.${String(field)}`] ??= field === 'dayOffset' && issue.code === 'invalid_type' ? 'A whole number of days' : issue.message;
    else form ??= issue.message;
  }
  return { byStep, form, ok: false };
};

function CadenceForm({ cadence, canManage }: { cadence: CadenceDto; canManage: boolean }) {
  const update = useUpdateCadence();
  const [steps, setSteps] = useState<Step[]>(() => stepsOf(cadence.steps));
  const [timeZone, setTimeZone] = useState(cadence.timeZone);
  const [shown, setShown] = useState(false);
  const [saved, setSaved] = useState(false);
  const check = stepErrors(steps, timeZone);
  const errors = shown ? check.byStep : {};

  const set = (key: number, patch: Partial<Step>) => {
    setSaved(false);
    setSteps((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (!check.ok) return;
    const sorted = [...steps].sort((a, b) => Number(a.dayOffset) - Number(b.dayOffset));
    update.mutate(
      { steps: sorted.map((s) => ({ dayOffset: Number(s.dayOffset), title: s.title.trim() })), timeZone: timeZone.trim() },
      {
        onSuccess: (c) => {
          setSteps(stepsOf(c.steps));
          setSaved(true);
          setShown(false);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Follow-up cadence">
      {update.error ? <Alert tone="error">{toUserMessage(update.error)}</Alert> : null}
      {saved ? <Alert tone="success">Cadence saved. New leads get these tasks.</Alert> : null}
      {shown && check.form ? <Alert tone="error">{check.form}</Alert> : null}
      {steps.length === 0 ? <div className="cadence-none">No steps: new leads get no follow-up tasks.</div> : null}
      <ol className="cadence-steps">
        {steps.map((s, i) => (
          <li key={s.key} className="cadence-step">
            <span className="cadence-index" aria-hidden="true">
              {i + 1}
            </span>
            <label className="cadence-day">
              <span className="cadence-day-label">Day</span>
              <input
                className="input input-sm"
                type="number"
                min={0}
                max={365}
                inputMode="numeric"
                aria-label={`Step ${i + 1} day`}
                aria-invalid={errors[`${i}.dayOffset`] ? true : undefined}
                value={s.dayOffset}
                disabled={!canManage}
                onChange={(e) => set(s.key, { dayOffset: e.target.value })}
              />
            </label>
            <input
              className="input input-sm cadence-title"
              aria-label={`Step ${i + 1} title`}
              aria-invalid={errors[`${i}.title`] ? true : undefined}
              value={s.title}
              placeholder="What to do"
              disabled={!canManage}
              onChange={(e) => set(s.key, { title: e.target.value })}
            />
            {canManage ? (
              <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps((list) => list.filter((x) => x.key !== s.key))}>
                <TrashIcon />
              </button>
            ) : null}
            {errors[`${i}.dayOffset`] || errors[`${i}.title`] ? <div className="field-error cadence-error">{errors[`${i}.dayOffset`] ?? errors[`${i}.title`]}</div> : null}
          </li>
        ))}
      </ol>
      <label className="field cadence-zone">
        <span className="field-label">Time zone</span>
        <input className="input input-sm" value={timeZone} disabled={!canManage} onChange={(e) => setTimeZone(e.target.value)} spellCheck={false} />
        <span className="field-hint">Due times fall at the start of the day here; “today” on the task list is each person’s own day.</span>
      </label>
      {canManage ? (
        <div className="form-actions form-actions-bar">
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              const last = steps.at(-1);
              setSteps([...steps, { key: nextKey++, dayOffset: String(last ? Number(last.dayOffset) + 5 : 0), title: '' }]);
            }}
            disabled={steps.length >= 20}
          >
            <PlusIcon /> Add step
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setSteps(stepsOf(DEFAULT_CADENCE))}>
            Reset to default
          </button>
          <span className="form-status" />
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? <Spinner /> : null}
            Save cadence
          </button>
        </div>
      ) : null}
    </form>
  );
}

/** Settings: the follow-up tasks every new lead gets (day offset + title per step). */
export function CadenceEditor({ canManage }: { canManage: boolean }) {
  const cadence = useCadence();
  return (
    <Panel title="Follow-up cadence" description="Tasks created for every new lead, assigned to its owner. Day 0 is the day the lead arrives.">
      {cadence.isPending ? (
        <SkeletonRows rows={5} />
      ) : cadence.isError ? (
        <ErrorState message={toUserMessage(cadence.error)} onRetry={() => void cadence.refetch()} />
      ) : (
        <CadenceForm cadence={cadence.data} canManage={canManage} />
      )}
    </Panel>
  );
}
