import { useEffect, useRef, type RefObject } from 'react';
import { isTypingTarget } from '../../../lib/is-typing-target.ts';

/**
 * The inbox's keyboard: ↑/↓ or j/k move the selection, Enter opens it, `/` jumps to search.
 * Listens on the window so it works wherever focus rests, except while typing.
 */
export const useInboxKeys = ({
  ids,
  selectedId,
  onSelect,
  onOpen,
  searchRef,
}: {
  ids: readonly string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) => {
  const state = useRef({ ids, selectedId, onSelect, onOpen });
  state.current = { ids, selectedId, onSelect, onOpen };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      const { ids, selectedId, onSelect, onOpen } = state.current;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      const arrow = e.key === 'ArrowDown' || e.key === 'ArrowUp';
      // Arrows keep scrolling the thread when focus is there; j/k work from anywhere.
      if (arrow && !(e.target === document.body || (e.target instanceof Element && e.target.closest('[data-inbox-keys]')))) return;
      const step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
      if (step !== 0) {
        if (ids.length === 0) return;
        e.preventDefault();
        const index = selectedId ? ids.indexOf(selectedId) : -1;
        const next = index === -1 ? 0 : Math.min(ids.length - 1, Math.max(0, index + step));
        onSelect(ids[next]!);
        return;
      }
      if (e.key !== 'Enter' || !selectedId) return;
      // Enter opens the selected conversation, also from a focused row (focus may trail a quick j/k);
      // other links and buttons keep their own Enter.
      const onRow = e.target instanceof Element && e.target.closest('[data-conversation-id]') !== null;
      if (!onRow && (e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)) return;
      e.preventDefault();
      onOpen(selectedId);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
};
