import { useId, useRef, useState } from 'react';
import { CheckIcon, CopyIcon } from './icons.tsx';

/** A read-only value with a Copy button; falls back to selecting the text when the clipboard is refused. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      inputRef.current?.select();
      setCopy('manual');
    }
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="input-group">
        <input ref={inputRef} id={id} className="input input-mono" value={value} readOnly onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn btn-secondary" onClick={() => void onCopy()} aria-label={`Copy ${label.toLowerCase()}`}>
          {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copy === 'manual' ? (
        <div className="field-hint" role="status">
          Press Ctrl+C (⌘C on a Mac) to copy.
        </div>
      ) : hint ? (
        <div className="field-hint">{hint}</div>
      ) : null}
    </div>
  );
}
