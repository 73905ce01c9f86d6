import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TemplateDto } from '../../../../src/contracts/conversation.ts';
import { ClockIcon, SendIcon, TemplateIcon } from '../../../components/icons.tsx';
import { Alert, ErrorState, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatRelative } from '../../../lib/format.ts';
import { useSendTemplate } from '../api/use-send-template.ts';
import { useTemplates } from '../api/use-templates.ts';

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** The template body with each {{n}} filled in, or highlighted while still empty. */
function TemplatePreview({ body, values }: { body: string; values: string[] }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(body.slice(last, match.index));
    const value = values[Number(match[1]) - 1]?.trim();
    parts.push(
      value ? (
        <span key={match.index} className="tpl-value">
          {value}
        </span>
      ) : (
        <mark key={match.index} className="tpl-slot">
          {`{{${match[1]}}}`}
        </mark>
      ),
    );
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return <div className="tpl-preview-bubble">{parts}</div>;
}

function NoTemplates({ templatesHref }: { templatesHref: string | null }) {
  return (
    <div className="tpl-empty">
      <TemplateIcon />
      <div>
        <div className="tpl-empty-title">No templates on this channel yet</div>
        <div className="tpl-empty-body">
          Templates are approved by WhatsApp in WhatsApp Manager, then added to the channel in Switchboard.{' '}
          {templatesHref ? (
            <>
              Add or sync them in <Link to={templatesHref}>Settings → Channels</Link>.
            </>
          ) : (
            'Ask an admin to add them in Settings → Channels.'
          )}
        </div>
      </div>
    </div>
  );
}

function TemplateForm({ conversationId, templates }: { conversationId: string; templates: TemplateDto[] }) {
  const [templateId, setTemplateId] = useState(templates[0]!.id);
  const [values, setValues] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [tried, setTried] = useState(false);
  const send = useSendTemplate();
  const template = templates.find((t) => t.id === templateId) ?? templates[0]!;
  const variables = Array.from({ length: template.variableCount }, (_, i) => values[i] ?? '');
  const missing = variables.findIndex((v) => !v.trim());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing !== -1) {
      document.getElementById(`tpl-var-${missing}`)?.focus();
      return;
    }
    send.mutate(
      // The same id until it succeeds: a retry after a lost answer is not a second message.
      { conversationId, templateId: template.id, variables: variables.map((v) => v.trim()), clientMessageId: attempt },
      {
        onSuccess: () => {
          setValues([]);
          setTried(false);
          setAttempt(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <form className="tpl-form" onSubmit={onSubmit} noValidate>
      <div className="tpl-fields">
        <div className="field">
          <label className="field-label" htmlFor="tpl-select">
            Template
          </label>
          <select
            id="tpl-select"
            className="input select"
            value={template.id}
            onChange={(e) => {
              setTemplateId(e.target.value);
              setValues([]);
              setTried(false);
              send.reset();
            }}
          >
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} · {t.language}
              </option>
            ))}
          </select>
        </div>
        {variables.length > 0 ? (
          <div className="tpl-vars">
            {variables.map((value, i) => (
              <div className="field" key={`${template.id}-${i}`}>
                <label className="field-label" htmlFor={`tpl-var-${i}`}>
                  Variable {`{{${i + 1}}}`}
                </label>
                <input
                  id={`tpl-var-${i}`}
                  className="input"
                  value={value}
                  aria-invalid={tried && !value.trim() ? true : undefined}
                  onChange={(e) => {
                    const next = variables.slice();
                    next[i] = e.target.value;
                    setValues(next);
                  }}
                />
              </div>
            ))}
          </div>
        ) : null}
      </div>
      <div className="tpl-preview">
        <div className="tpl-preview-label">Preview</div>
        <TemplatePreview body={template.body} values={variables} />
      </div>
      {send.error ? <Alert tone="error">{toUserMessage(send.error)}</Alert> : null}
      <div className="tpl-actions">
        {tried && missing !== -1 ? <span className="field-error">Fill in every variable to send.</span> : null}
        <button type="submit" className="btn btn-primary btn-sm" disabled={send.isPending}>
          {send.isPending ? <Spinner /> : <SendIcon />}
          Send template
        </button>
      </div>
    </form>
  );
}

export type TemplatePickerProps = {
  conversationId: string;
  channelId: string;
  contactName: string;
  closedAt: Date | null;
  templatesHref: string | null;
};

/** Outside the 24-hour window WhatsApp accepts only approved templates: pick one, fill it in, send. */
export function TemplatePicker({ conversationId, channelId, contactName, closedAt, templatesHref }: TemplatePickerProps) {
  const templates = useTemplates(channelId, { enabled: true });
  return (
    <div className="tpl-picker" data-testid="template-picker">
      <div className="tpl-notice">
        <ClockIcon />
        <span>
          <strong>The 24-hour window {closedAt ? `closed ${formatRelative(closedAt.toISOString())}` : 'is closed'}.</strong> WhatsApp only allows
          approved templates until {contactName} writes again.
        </span>
      </div>
      {templates.isPending ? (
        <div className="tpl-loading">
          <Spinner /> Loading templates…
        </div>
      ) : templates.isError ? (
        <ErrorState message={toUserMessage(templates.error)} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <NoTemplates templatesHref={templatesHref} />
      ) : (
        <TemplateForm conversationId={conversationId} templates={templates.data} />
      )}
    </div>
  );
}
