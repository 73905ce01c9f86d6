import { useRef, useState, type FormEvent } from 'react';
import { ZCreateTemplateInput } from '../../../../src/contracts/conversation.ts';
import { templateVariableCount } from '../../../../src/domain/template.ts';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { useCreateTemplate } from '../api/use-create-template.ts';

const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
type Category = (typeof CATEGORIES)[number];

const empty = { name: '', language: 'en_US', category: 'UTILITY' as Category, body: '' };

/** Adds a template exactly as it was approved in WhatsApp Manager (same name, language and text). */
export function TemplateForm({ channelId, onDone }: { channelId: string; onDone: () => void }) {
  const create = useCreateTemplate();
  const [values, setValues] = useState(empty);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);

  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };
  const formError = create.error && Object.keys(fieldErrorsOf(create.error)).length === 0 ? toUserMessage(create.error) : null;
  const variables = templateVariableCount(values.body);

  const set = (key: keyof typeof empty, value: string) => {
    setValues({ ...values, [key]: value });
    if (clientErrors[key]) setClientErrors({ ...clientErrors, [key]: '' });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = { channelId, ...values };
    const found = validate(ZCreateTemplateInput, input, { required: 'Required' });
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    create.reset();
    create.mutate(ZCreateTemplateInput.parse(input), {
      onSuccess: () => {
        setValues(empty);
        onDone();
      },
      onError: () => setAttempt((n) => n + 1),
    });
  };

  return (
    <form ref={formRef} className="form tpl-add" onSubmit={onSubmit} noValidate aria-label="Add template">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="tpl-add-grid">
        <TextField label="Name" name="name" placeholder="order_update" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name || undefined} spellCheck={false} autoComplete="off" />
        <TextField label="Language" name="language" placeholder="en_US" value={values.language} onChange={(e) => set('language', e.target.value)} error={errors.language || undefined} spellCheck={false} autoComplete="off" />
        <SelectField label="Category" name="category" value={values.category} onChange={(e) => set('category', e.target.value)} error={errors.category || undefined}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c.charAt(0) + c.slice(1).toLowerCase()}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Body"
        name="body"
        placeholder="Hi {{1}}, your order {{2}} is on its way."
        value={values.body}
        onChange={(e) => set('body', e.target.value)}
        error={errors.body || undefined}
        hint={
          variables > 0
            ? `${variables} variable${variables === 1 ? '' : 's'}: agents fill ${variables === 1 ? 'it' : 'them'} in when sending.`
            : 'Use {{1}}, {{2}}… where agents fill in details when sending.'
        }
        rows={3}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
          {create.isPending ? <Spinner /> : null}
          Add template
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
