import { useId, useRef, useState, type FormEvent } from 'react';
import { ZAiAgentFields, type AiAgentDto } from '../../../../src/contracts/ai-agent.ts';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { ROLE_LABELS } from '../api/persona.ts';
import { useCreateAiAgent } from '../api/use-create-ai-agent.ts';
import { useUpdateAiAgent } from '../api/use-update-ai-agent.ts';

export type ChannelOption = { id: string; name: string; phoneNumber: string };

type Values = Omit<AiAgentDto, 'id' | 'createdAt' | 'ratings'>;

const MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1'];

const blank = (first: boolean): Values => ({
  name: '',
  role: 'SUPPORT',
  personalityPrompt: '',
  knowledgePrompt: '',
  objectivesPrompt: '',
  model: 'gpt-4o-mini',
  temperature: 0.4,
  active: true,
  // The first persona usually answers everything.
  isDefault: first,
  channelIds: [],
});

const valuesOf = ({ id: _id, createdAt: _createdAt, ratings: _ratings, ...values }: AiAgentDto): Values => values;

/** Creates or edits a persona: who it is, what it knows, what it aims for, and where it answers. */
export function AiAgentForm({ agent, channels, first, onDone }: { agent: AiAgentDto | null; channels: ChannelOption[]; first: boolean; onDone: () => void }) {
  const create = useCreateAiAgent();
  const update = useUpdateAiAgent();
  const save = agent ? update : create;
  const [values, setValues] = useState<Values>(() => (agent ? valuesOf(agent) : blank(first)));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const tempId = useId();
  useFocusFirstInvalid(formRef, attempt);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = { ...fieldErrorsOf(save.error), ...clientErrors };
  const formError = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? toUserMessage(save.error) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(ZAiAgentFields, values, { required: 'Required' });
    setClientErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const input = ZAiAgentFields.parse(values);
    const opts = { onSuccess: onDone, onError: () => setAttempt((n) => n + 1) };
    if (agent) update.mutate({ ...input, aiAgentId: agent.id }, opts);
    else create.mutate(input, opts);
  };

  const toggleChannel = (id: string, on: boolean) =>
    set('channelIds', on ? [...values.channelIds, id] : values.channelIds.filter((c) => c !== id));

  return (
    <form ref={formRef} className="form ai-form" onSubmit={onSubmit} noValidate aria-label={agent ? `Edit ${agent.name}` : 'New AI agent'}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form-grid">
        <TextField label="Name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} placeholder="Nova" autoComplete="off" />
        <SelectField label="Role" value={values.role} onChange={(e) => set('role', e.target.value as Values['role'])} error={errors.role}>
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Personality"
        rows={3}
        value={values.personalityPrompt}
        onChange={(e) => set('personalityPrompt', e.target.value)}
        error={errors.personalityPrompt}
        hint="How it speaks: tone, length, language. “Warm and brief; answers in the customer’s language.”"
      />
      <TextAreaField
        label="Business knowledge"
        rows={4}
        value={values.knowledgePrompt}
        onChange={(e) => set('knowledgePrompt', e.target.value)}
        error={errors.knowledgePrompt}
        hint="Facts it may rely on: products, prices, opening hours, policies."
      />
      <TextAreaField
        label="Objectives"
        rows={3}
        value={values.objectivesPrompt}
        onChange={(e) => set('objectivesPrompt', e.target.value)}
        error={errors.objectivesPrompt}
        hint="What a good conversation ends with, and when to hand over to a person."
      />
      <div className="form-grid">
        <TextField label="Model" value={values.model} onChange={(e) => set('model', e.target.value)} error={errors.model} list={`${tempId}-models`} spellCheck={false} />
        <div className="field">
          <label className="field-label" htmlFor={tempId}>
            Temperature <span className="ai-temp-value">{values.temperature.toFixed(1)}</span>
          </label>
          <input
            id={tempId}
            type="range"
            className="range"
            min={0}
            max={2}
            step={0.1}
            value={values.temperature}
            onChange={(e) => set('temperature', Number(e.target.value))}
          />
          <div className="field-hint range-scale" aria-hidden="true">
            <span>Precise</span>
            <span>Creative</span>
          </div>
        </div>
      </div>
      <datalist id={`${tempId}-models`}>
        {MODELS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <fieldset className="fieldset">
        <legend className="field-label">Answers</legend>
        <label className="check">
          <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
          <span>
            Active <span className="check-hint">Inactive agents never answer; their conversations wait for a person.</span>
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={values.isDefault} onChange={(e) => set('isDefault', e.target.checked)} />
          <span>
            Workspace default <span className="check-hint">Answers every channel that has no agent of its own.</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field-label">Channels of its own</legend>
        {channels.length === 0 ? (
          <div className="field-hint">No channels connected yet.</div>
        ) : (
          <div className="check-grid">
            {channels.map((c) => (
              <label key={c.id} className="check check-card">
                <input type="checkbox" checked={values.channelIds.includes(c.id)} onChange={(e) => toggleChannel(c.id, e.target.checked)} />
                <span>
                  {c.name} <span className="check-hint mono">{c.phoneNumber}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.channelIds ? <div className="field-error">{errors.channelIds}</div> : null}
      </fieldset>
      <div className="form-actions form-actions-bar">
        <button type="button" className="btn btn-secondary" onClick={onDone} disabled={save.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : null}
          {agent ? 'Save changes' : 'Create AI agent'}
        </button>
      </div>
    </form>
  );
}
