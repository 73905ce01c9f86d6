import { useEffect, useRef, useState, type RefObject } from 'react';
import { SearchIcon, XIcon } from './icons.tsx';

const DEBOUNCE_MS = 250;

/**
 * A debounced search box with `/` as its shortcut hint and Escape to clear. The caller's value
 * wins when it changes from elsewhere (back button, a link); our own echo never overwrites typing.
 */
export function SearchInput({
  value,
  onChange,
  inputRef,
  label,
  placeholder,
  className = 'search-input',
}: {
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  placeholder: string;
  /** Beside `inbox-search`, for the page's own sizing. */
  className?: string;
}) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const latest = useRef(onChange);
  latest.current = onChange;
  const send = (next: string) => {
    sent.current = next.trim();
    latest.current(next.trim());
  };

  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    if (text.trim() === sent.current) return;
    const timer = setTimeout(() => send(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className={`inbox-search ${className}`}>
      <SearchIcon className="inbox-search-icon" />
      <input
        ref={inputRef}
        type="search"
        className="input inbox-search-input"
        placeholder={placeholder}
        aria-label={label}
        aria-keyshortcuts="/"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') send(text);
          if (e.key !== 'Escape') return;
          e.preventDefault();
          setText('');
          send('');
          e.currentTarget.blur();
        }}
      />
      {text ? (
        <button
          type="button"
          className="inbox-search-clear"
          aria-label="Clear search"
          onClick={() => {
            setText('');
            send('');
            inputRef.current?.focus();
          }}
        >
          <XIcon />
        </button>
      ) : (
        <kbd className="kbd inbox-search-kbd" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
