import { useId, useState, type KeyboardEvent } from 'react';
import { XIcon } from '../../../components/icons.tsx';

/** Tags as removable chips plus a box that adds one on Enter or comma, suggesting tags already in use. */
export function TagEditor({
  tags,
  suggestions,
  disabled,
  onChange,
  onEditing,
}: {
  tags: string[];
  suggestions: string[];
  disabled: boolean;
  onChange: (next: string[]) => void;
  onEditing: (editing: boolean) => void;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = () => {
    const tag = text.trim().toLowerCase();
    setText('');
    if (!tag || tags.includes(tag)) return;
    onChange([...tags, tag]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !text && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="tag-editor">
      {tags.map((tag) => (
        <span key={tag} className="tag tag-removable">
          {tag}
          <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} disabled={disabled} onClick={() => onChange(tags.filter((t) => t !== tag))}>
            <XIcon />
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        aria-label="Add tag"
        placeholder={tags.length ? 'Add…' : 'Add a tag…'}
        list={listId}
        value={text}
        disabled={disabled}
        maxLength={40}
        onChange={(e) => {
          setText(e.target.value);
          onEditing(e.target.value.length > 0);
        }}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
