/**
 * True when a key press belongs to whatever has focus (a text field, a menu, a dialog) rather
 * than to a page's single-key shortcuts (j/k, /, E).
 */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('dialog[open], [role="menu"]')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
};
