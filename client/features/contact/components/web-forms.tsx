import { useState, type FormEvent } from 'react';
import { FORM_FIELDS, type FormField, type WebFormDto, type WebFormWithSecretDto } from '../../../../src/contracts/contact.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { CopyField } from '../../../components/copy-field.tsx';
import { TextField } from '../../../components/field.tsx';
import { FileIcon, PlusIcon, RefreshIcon, TrashIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Alert, EmptyState, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { formatRelative } from '../../../lib/format.ts';
import { useCreateWebForm, useDeleteWebForm, useRotateWebFormSecret, useWebForms } from '../api/use-web-forms.ts';

/** How a submission proves it knows the secret (server/contact/form-webhook.ts). */
export const FORM_TOKEN_HEADER = 'X-Form-Token';
export const FORM_SIGNATURE_HEADER = 'X-Switchboard-Signature';

const SAMPLE = '{"name":"Ana Silva","email":"ana@example.com","phone":"+14155550123","company":"Acme","message":"Please call me"}';

/** From a server (preferred): the raw body signed with the secret, so the secret never travels. */
const signedCurl = (endpointUrl: string, secret: string) =>
  [
    `BODY='${SAMPLE}'`,
    `SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac '${secret}' | sed 's/^.* //')`,
    `curl -X POST '${endpointUrl}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "${FORM_SIGNATURE_HEADER}: sha256=$SIG" \\`,
    `  -d "$BODY"`,
  ].join('\n');

/** From a plain HTML form, which cannot sign: the secret as a token (a "token" field works too). */
const tokenCurl = (endpointUrl: string, secret: string) =>
  [`curl -X POST '${endpointUrl}' \\`, `  -H '${FORM_TOKEN_HEADER}: ${secret}' \\`, `  --data-urlencode 'name=Ana Silva' --data-urlencode 'email=ana@example.com'`].join('\n');

/** Shown once, right after the secret was made: the URL, the secret and a request that works. */
function SecretOnce({ result, onDismiss }: { result: WebFormWithSecretDto; onDismiss: () => void }) {
  return (
    <div className="form-secret" data-testid="form-secret">
      <Alert tone="warning">
        Copy the secret now: it is shown <strong>only once</strong>. Rotate it to get a new one.
      </Alert>
      <CopyField label="Endpoint URL" value={result.form.endpointUrl} />
      <CopyField label="Secret" value={result.secret} hint={`Sign the raw body with it (HMAC-SHA256, ${FORM_SIGNATURE_HEADER} header), or send it as a token.`} />
      <div className="field">
        <span className="field-label">From your server (signed)</span>
        <pre className="code-block">{signedCurl(result.form.endpointUrl, result.secret)}</pre>
      </div>
      <div className="field">
        <span className="field-label">From an HTML form (token)</span>
        <pre className="code-block">{tokenCurl(result.form.endpointUrl, result.secret)}</pre>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary btn-sm" onClick={onDismiss}>
          I’ve saved it
        </button>
      </div>
    </div>
  );
}

function NewFormForm({ onCreated, onCancel }: { onCreated: (r: WebFormWithSecretDto) => void; onCancel: () => void }) {
  const create = useCreateWebForm();
  const [name, setName] = useState('');
  const [required, setRequired] = useState<FormField[]>(['name']);
  const [tags, setTags] = useState('');
  const errors = fieldErrorsOf(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), requiredFields: required, tags: [...new Set(tags.split(',').map((t) => t.trim()).filter(Boolean))] },
      { onSuccess: onCreated },
    );
  };
  return (
    <form className="form form-inset" onSubmit={onSubmit} noValidate aria-label="New web form">
      {create.error && Object.keys(errors).length === 0 ? <Alert tone="error">{toUserMessage(create.error)}</Alert> : null}
      <div className="form-grid">
        <TextField label="Form name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} placeholder="Website contact form" autoFocus />
        <TextField label="Tags for its leads" value={tags} onChange={(e) => setTags(e.target.value)} error={errors.tags} hint="Separate with commas" />
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">Required fields</legend>
        <div className="check-row">
          {FORM_FIELDS.map((f) => (
            <label key={f} className="check">
              <input type="checkbox" checked={required.includes(f)} onChange={(e) => setRequired(e.target.checked ? [...required, f] : required.filter((x) => x !== f))} />
              {f}
            </label>
          ))}
        </div>
        <div className="field-hint">An email or a phone is always required, to find the lead again.</div>
      </fieldset>
      <div className="form-actions form-actions-bar">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? <Spinner /> : null}
          Create form
        </button>
      </div>
    </form>
  );
}

function FormRow({ form, onSecret }: { form: WebFormDto; onSecret: (r: WebFormWithSecretDto) => void }) {
  const rotate = useRotateWebFormSecret();
  const remove = useDeleteWebForm();
  const [confirming, setConfirming] = useState<'rotate' | 'delete' | null>(null);
  return (
    <li className="wf-row">
      <div className="wf-main">
        <div className="list-title">
          {form.name}
          {form.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </div>
        <div className="list-meta">
          <span className="mono">{form.endpointUrl}</span> · requires {['email or phone', ...form.requiredFields].join(', ')} · {form.submissionCount} submission
          {form.submissionCount === 1 ? '' : 's'}
          {form.lastSubmissionAt ? `, last ${formatRelative(form.lastSubmissionAt)}` : ''}
        </div>
      </div>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => setConfirming('rotate')}>
        <RefreshIcon /> Rotate secret
      </button>
      <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Delete ${form.name}`} onClick={() => setConfirming('delete')}>
        <TrashIcon />
      </button>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'rotate' ? `New secret for ${form.name}?` : `Delete ${form.name}?`}
        confirmLabel={confirming === 'rotate' ? 'Rotate secret' : 'Delete form'}
        tone={confirming === 'rotate' ? 'primary' : 'danger'}
        pending={rotate.isPending || remove.isPending}
        error={rotate.error ? toUserMessage(rotate.error) : remove.error ? toUserMessage(remove.error) : null}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          confirming === 'rotate'
            ? rotate.mutate(
                { formId: form.id },
                {
                  onSuccess: (r) => {
                    setConfirming(null);
                    onSecret(r);
                  },
                },
              )
            : remove.mutate({ formId: form.id }, { onSuccess: () => setConfirming(null) })
        }
      >
        {confirming === 'rotate'
          ? 'The current secret stops working at once: update the website that posts to this form.'
          : 'Submissions to its endpoint are refused from now on. Leads it created stay.'}
      </ConfirmDialog>
    </li>
  );
}

/** Settings: web forms that post leads in, each with its endpoint and secret. */
export function WebFormsManager({ canManage }: { canManage: boolean }) {
  const forms = useWebForms(canManage);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<WebFormWithSecretDto | null>(null);
  return (
    <Panel
      title="Web forms"
      description="Leads posted from your website become contacts (matched by email or phone) with their follow-up tasks."
      actions={
        canManage && !adding ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setAdding(true)}>
            <PlusIcon /> New form
          </button>
        ) : null
      }
      flush
    >
      {!canManage ? (
        <div className="panel-notice">
          <Alert tone="info">Only admins manage web forms (they hold secrets).</Alert>
        </div>
      ) : (
        <>
          {secret ? (
            <div className="panel-pad">
              <SecretOnce result={secret} onDismiss={() => setSecret(null)} />
            </div>
          ) : null}
          {adding ? (
            <div className="panel-pad">
              <NewFormForm
                onCancel={() => setAdding(false)}
                onCreated={(r) => {
                  setAdding(false);
                  setSecret(r);
                }}
              />
            </div>
          ) : null}
          {forms.isPending ? (
            <SkeletonRows rows={2} />
          ) : forms.isError ? (
            <ErrorState message={toUserMessage(forms.error)} onRetry={() => void forms.refetch()} />
          ) : forms.data.length === 0 ? (
            adding ? null : (
              <EmptyState title="No web forms" icon={<FileIcon />}>
                Create one to get an endpoint your website can post leads to.
              </EmptyState>
            )
          ) : (
            <ul className="list" aria-label="Web forms">
              {forms.data.map((f) => (
                <FormRow key={f.id} form={f} onSecret={setSecret} />
              ))}
            </ul>
          )}
        </>
      )}
    </Panel>
  );
}
