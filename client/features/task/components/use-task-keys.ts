import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../../lib/is-typing-target.ts';

export type TaskKeyHandlers = {
  ids: readonly string[];
  selectedId: string | null;
  select: (id: string) => void;
  /** x, s, e, Enter on the selected task. */
  act: (key: 'complete' | 'skip' | 'email' | 'open', id: string) => void;
};

/**
 * The task list's keyboard: j/k (or ↓/↑) move, x completes, s skips, z snoozes, a reassigns,
 * e drafts an email, Enter opens the contact. Menus open from the selected row's own buttons.
 */
export const useTaskKeys = (enabled: boolean, handlers: TaskKeyHandlers) => {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const { ids, selectedId, select, act } = latest.current;
      const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
      if (step !== 0) {
        if (ids.length === 0) return;
        e.preventDefault();
        const index = selectedId ? ids.indexOf(selectedId) : -1;
        select(ids[index === -1 ? 0 : Math.min(ids.length - 1, Math.max(0, index + step))]!);
        return;
      }
      if (!selectedId) return;
      const row = document.querySelector<HTMLElement>(`[data-task-id="${selectedId}"]`);
      const press = (shortcut: string) => row?.querySelector<HTMLButtonElement>(`button[aria-keyshortcuts="${shortcut}"]:not(:disabled)`)?.click();
      switch (e.key) {
        case 'x':
          e.preventDefault();
          act('complete', selectedId);
          return;
        case 's':
          e.preventDefault();
          act('skip', selectedId);
          return;
        case 'e':
          e.preventDefault();
          act('email', selectedId);
          return;
        case 'z':
          e.preventDefault();
          press('Z');
          return;
        case 'a':
          e.preventDefault();
          press('A');
          return;
        case 'Enter':
          if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) return;
          e.preventDefault();
          act('open', selectedId);
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
};
