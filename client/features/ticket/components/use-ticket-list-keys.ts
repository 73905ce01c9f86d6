import { useEffect, useRef, type RefObject } from 'react';
import { isTypingTarget } from '../../../lib/is-typing-target.ts';

/**
 * The ticket list's keyboard: j/k or ↑/↓ move the cursor, x selects the row under it, Enter
 * opens it, / searches, c creates a ticket. Ignored while typing or with a modifier held.
 */
export const useTicketListKeys = ({
  ids,
  cursorId,
  onCursor,
  onToggle,
  onOpen,
  onNew,
  searchRef,
}: {
  ids: readonly string[];
  cursorId: string | null;
  onCursor: (id: string) => void;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
  onNew: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) => {
  const state = useRef({ ids, cursorId, onCursor, onToggle, onOpen, onNew });
  state.current = { ids, cursorId, onCursor, onToggle, onOpen, onNew };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const s = state.current;
      const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
      if (step !== 0 && s.ids.length > 0) {
        e.preventDefault();
        const index = s.cursorId ? s.ids.indexOf(s.cursorId) : -1;
        s.onCursor(s.ids[index === -1 ? 0 : Math.min(s.ids.length - 1, Math.max(0, index + step))]!);
      } else if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'c') {
        e.preventDefault();
        s.onNew();
      } else if (e.key === 'x' && s.cursorId) {
        e.preventDefault();
        s.onToggle(s.cursorId);
      } else if (e.key === 'Enter' && s.cursorId && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        s.onOpen(s.cursorId);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
};
