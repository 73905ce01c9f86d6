import { useState } from 'react';
import { PencilIcon } from '../../../components/icons.tsx';

/** The subject as the page title; click (or the pencil) to rename, Enter saves, Escape cancels. */
export function SubjectEditor({ subject, onSave, onEditing }: { subject: string; onSave: (subject: string) => void; onEditing: (editing: boolean) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const finish = (save: boolean) => {
    const next = draft?.trim() ?? '';
    setDraft(null);
    onEditing(false);
    if (save && next && next !== subject) onSave(next);
  };
  if (draft === null) {
    return (
      <h1 className="ticket-subject-title">
        <span className="ticket-subject-text" data-testid="ticket-subject">
          {subject}
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-sm ticket-subject-edit"
          aria-label="Rename ticket"
          onClick={() => {
            setDraft(subject);
            onEditing(true);
          }}
        >
          <PencilIcon />
        </button>
      </h1>
    );
  }
  return (
    <input
      className="input ticket-subject-input"
      aria-label="Subject"
      value={draft}
      maxLength={200}
      autoFocus
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}
