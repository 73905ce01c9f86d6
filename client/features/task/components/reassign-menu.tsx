import { Avatar } from '../../../components/avatar.tsx';
import { ChevronDownIcon, UsersIcon } from '../../../components/icons.tsx';
import { useMenu } from '../../../lib/use-menu.ts';

export type Teammate = { id: string; name: string };

/** "Reassign ▾": give the task to a teammate (you first). */
export function ReassignMenu({
  teammates,
  meId,
  currentId,
  disabled,
  onReassign,
}: {
  teammates: Teammate[];
  meId: string;
  currentId: string | null;
  disabled: boolean;
  onReassign: (userId: string) => void;
}) {
  const { open, setOpen, rootRef, buttonRef, menuRef, menuId, close, onMenuKeyDown } = useMenu();
  const people = [...teammates].sort((a, b) => (a.id === meId ? -1 : b.id === meId ? 1 : a.name.localeCompare(b.name)));
  return (
    <div className="owner-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost btn-sm task-action"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-keyshortcuts="A"
        title="Reassign (A)"
        aria-label="Reassign"
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <UsersIcon /> <ChevronDownIcon className="owner-menu-chevron" />
      </button>
      {open ? (
        <div className="menu owner-menu-list" role="menu" id={menuId} aria-label="Reassign to" ref={menuRef} onKeyDown={onMenuKeyDown}>
          <div className="menu-label" role="presentation">
            Assign to
          </div>
          {people.map((p) => {
            const current = p.id === currentId;
            return (
              <button
                key={p.id}
                type="button"
                role="menuitem"
                className="menu-item"
                tabIndex={-1}
                aria-disabled={current ? true : undefined}
                onClick={
                  current
                    ? undefined
                    : () => {
                        close(true);
                        onReassign(p.id);
                      }
                }
              >
                <Avatar name={p.name} seed={p.id} size="sm" />
                <span className="menu-item-text">{p.id === meId ? `${p.name} (you)` : p.name}</span>
                {current ? <span className="menu-item-note">Assigned</span> : null}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
