import { useEffect, useId, useRef, type ReactNode } from 'react';
import { XIcon } from './icons.tsx';

/**
 * A modal on the native <dialog>, open while mounted: the browser traps focus and Escape
 * closes (unless `busy`). The body is the caller's (usually a form).
 */
export function Modal({ title, onClose, busy = false, wide = false, children }: { title: string; onClose: () => void; busy?: boolean; wide?: boolean; children: (titleId: string) => ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog modal modal-wide' : 'dialog modal'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="modal-head">
        <h2 className="dialog-title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="btn btn-ghost btn-sm" aria-label="Close" onClick={onClose} disabled={busy}>
          <XIcon />
        </button>
      </header>
      {children(titleId)}
    </dialog>
  );
}
