import { useRef, useState, type FormEvent } from 'react';
import { CONTACT_SOURCES, CONTACT_STAGES, ZCreateContactInput, ZUpdateContactInput, type ContactDto } from '../../../../src/contracts/contact.ts';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { SOURCE_LABELS, STAGE_LABELS } from '../api/contact-labels.ts';
import { useCreateContact, useUpdateContact } from '../api/use-contact-mutations.ts';
import type { Teammate } from './contact-filters.tsx';

type Values = {
  name: string;
  email: string;
  phone: string;
  company: string;
  stage: ContactDto['stage'];
  source: ContactDto['source'];
  ownerId: string;
  tags: string;
  notes: string;
  createTasks: boolean;
  doNotEmail: boolean;
  doNotEmailReason: string;
};

const valuesOf = (c: ContactDto | null, meId: string): Values => ({
  name: c?.name ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  company: c?.company ?? '',
  stage: c?.stage ?? 'NEW',
  source: c?.source ?? 'MANUAL',
  ownerId: c ? (c.ownerId ?? '') : meId,
  tags: c?.tags.join(', ') ?? '',
  notes: c?.notes ?? '',
  createTasks: true,
  doNotEmail: c?.doNotEmail ?? false,
  doNotEmailReason: c?.doNotEmailReason ?? '',
});

const tagsOf = (text: string) => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];

/** Creates a lead (with its cadence tasks) or edits a contact. */
export function ContactForm({
  contact,
  teammates,
  meId,
  labelledBy,
  onDone,
}: {
  contact: ContactDto | null;
  teammates: Teammate[];
  meId: string;
  labelledBy: string;
  onDone: (contact: ContactDto | null) => void;
}) {
  const create = useCreateContact();
  const update = useUpdateContact();
  const save = contact ? update : create;
  const [values, setValues] = useState<Values>(() => valuesOf(contact, meId));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = { ...fieldErrorsOf(save.error), ...clientErrors };
  const formError = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? toUserMessage(save.error) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const opts = { onSuccess: (c: ContactDto) => onDone(c), onError: () => setAttempt((n) => n + 1) };
    if (contact) {
      const input = {
        contactId: contact.id,
        name: values.name,
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
        company: values.company,
        stage: values.stage,
        ownerId: values.ownerId || null,
        tags: tagsOf(values.tags),
        notes: values.notes,
        ...(values.doNotEmail !== contact.doNotEmail || values.doNotEmailReason !== (contact.doNotEmailReason ?? '')
          ? { doNotEmail: values.doNotEmail, ...(values.doNotEmail && values.doNotEmailReason.trim() ? { doNotEmailReason: values.doNotEmailReason.trim() } : {}) }
          : {}),
      };
      const found = validate(ZUpdateContactInput, input);
      setClientErrors(found);
      setAttempt((n) => n + 1);
      if (Object.keys(found).length > 0) return;
      update.mutate(ZUpdateContactInput.parse(input), opts);
    } else {
      // Blank email or phone is left out, not sent as "" (the schema reads absent as "not given").
      const input = {
        name: values.name,
        ...(values.email.trim() ? { email: values.email } : {}),
        ...(values.phone.trim() ? { phone: values.phone } : {}),
        company: values.company,
        stage: values.stage,
        source: values.source,
        ownerId: values.ownerId || null,
        tags: tagsOf(values.tags),
        notes: values.notes,
        createTasks: values.createTasks,
      };
      const found = validate(ZCreateContactInput, input);
      setClientErrors(found);
      setAttempt((n) => n + 1);
      if (Object.keys(found).length > 0) return;
      create.mutate(ZCreateContactInput.parse(input), opts);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        <TextField label="Name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} autoComplete="off" autoFocus />
        <TextField label="Company" value={values.company} onChange={(e) => set('company', e.target.value)} error={errors.company} autoComplete="off" />
        <TextField label="Email" type="email" value={values.email} onChange={(e) => set('email', e.target.value)} error={errors.email} autoComplete="off" />
        <TextField label="Phone" type="tel" value={values.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} placeholder="+14155550123" autoComplete="off" />
        <SelectField label="Stage" value={values.stage} onChange={(e) => set('stage', e.target.value as Values['stage'])} error={errors.stage}>
          {CONTACT_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </SelectField>
        {contact ? null : (
          <SelectField label="Source" value={values.source} onChange={(e) => set('source', e.target.value as Values['source'])} error={errors.source}>
            {CONTACT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Owner" value={values.ownerId} onChange={(e) => set('ownerId', e.target.value)} error={errors.ownerId}>
          <option value="">Unowned</option>
          {teammates.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id === meId ? `${m.name} (you)` : m.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Tags" value={values.tags} onChange={(e) => set('tags', e.target.value)} error={errors.tags} hint="Separate with commas" autoComplete="off" />
      </div>
      <TextAreaField label="Notes" rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} error={errors.notes} />
      {contact ? (
        <div className="form-grid">
          <label className="check">
            <input type="checkbox" checked={values.doNotEmail} onChange={(e) => set('doNotEmail', e.target.checked)} />
            Do not email
          </label>
          {values.doNotEmail ? (
            <TextField label="Reason" value={values.doNotEmailReason} onChange={(e) => set('doNotEmailReason', e.target.value)} error={errors.doNotEmailReason} placeholder="Asked not to be emailed" />
          ) : null}
        </div>
      ) : (
        <label className="check">
          <input type="checkbox" checked={values.createTasks} onChange={(e) => set('createTasks', e.target.checked)} />
          Create follow-up tasks from the cadence
        </label>
      )}
      <div className="form-actions form-actions-bar">
        <button type="button" className="btn btn-secondary" onClick={() => onDone(null)} disabled={save.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : null}
          {contact ? 'Save contact' : 'Create contact'}
        </button>
      </div>
    </form>
  );
}
