import { useId, type ComponentProps, type ReactNode } from 'react';

type FieldChrome = { label: string; error?: string | undefined; hint?: ReactNode };

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** Label, control, hint and error wired together by id, so screen readers read the error with the field. */
function Field({ label, error, hint, id, children }: FieldChrome & { id?: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={controlId}>
        {label}
      </label>
      {children({ id: controlId, ...(error ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error ? (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function TextField({ label, error, hint, id, className, ...input }: FieldChrome & ComponentProps<'input'>) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(control) => <input className={`input ${className ?? ''}`} {...input} {...control} />}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, id, className, ...textarea }: FieldChrome & ComponentProps<'textarea'>) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(control) => <textarea className={`input textarea ${className ?? ''}`} {...textarea} {...control} />}
    </Field>
  );
}

export function SelectField({ label, error, hint, id, className, children, ...select }: FieldChrome & ComponentProps<'select'>) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(control) => (
        <select className={`input select ${className ?? ''}`} {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}
