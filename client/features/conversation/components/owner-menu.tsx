import { useMenu } from '../../../lib/use-menu.ts';
import { ChevronDownIcon, QueueIcon, SparkIcon, UsersIcon } from '../../../components/icons.tsx';
import { Avatar } from '../../../components/avatar.tsx';

export type Teammate = { id: string; name: string };

export type OwnerMenuProps = {
  teammates: Teammate[];
  meId: string;
  currentAssigneeId: string | null;
  /** Shown in the menu when hand-back is not already a button; a string is why it is unavailable. */
  handBack: { blocked: string | null } | null;
  canRelease: boolean;
  canAssign: boolean;
  busy: boolean;
  onHandBack: () => void;
  onRelease: () => void;
  onAssign: (userId: string) => void;
};

/** "Assign ▾": hand back, release to the queue, or give the conversation to a teammate. */
export function OwnerMenu({ teammates, meId, currentAssigneeId, handBack, canRelease, canAssign, busy, onHandBack, onRelease, onAssign }: OwnerMenuProps) {
  const { open, setOpen, rootRef, buttonRef, menuRef, menuId, close, onMenuKeyDown } = useMenu();
  const pick = (action: () => void) => () => {
    close(true);
    action();
  };

  if (!handBack && !canRelease && !canAssign) return null;
  // You first, then everyone else by name.
  const people = [...teammates].sort((a, b) => (a.id === meId ? -1 : b.id === meId ? 1 : a.name.localeCompare(b.name)));

  return (
    <div className="owner-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-secondary btn-sm"
        aria-haspopup="menu"
        aria-label="Assign"
        title="Hand back, release or assign to a teammate"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
      >
        <UsersIcon /> <span className="owner-menu-label">Assign</span> <ChevronDownIcon className="owner-menu-chevron" />
      </button>
      {open ? (
        <div className="menu owner-menu-list" role="menu" id={menuId} aria-label="Change owner" ref={menuRef} onKeyDown={onMenuKeyDown}>
          {handBack ? (
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              tabIndex={-1}
              aria-disabled={handBack.blocked ? true : undefined}
              title={handBack.blocked ?? 'The AI agent answers again'}
              onClick={handBack.blocked ? undefined : pick(onHandBack)}
            >
              <SparkIcon /> Hand back to AI
            </button>
          ) : null}
          {canRelease ? (
            <button type="button" role="menuitem" className="menu-item" tabIndex={-1} onClick={pick(onRelease)} title="Any teammate can take it from the queue">
              <QueueIcon /> Release to queue
            </button>
          ) : null}
          {canAssign ? (
            <>
              <div className="menu-label" role="presentation">
                Assign to
              </div>
              {people.map((p) => {
                const current = p.id === currentAssigneeId;
                return (
                  <button
                    key={p.id}
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    tabIndex={-1}
                    aria-disabled={current ? true : undefined}
                    onClick={current ? undefined : pick(() => onAssign(p.id))}
                  >
                    <Avatar name={p.name} seed={p.id} size="sm" />
                    <span className="menu-item-text">{p.id === meId ? `${p.name} (you)` : p.name}</span>
                    {current ? <span className="menu-item-note">Owner</span> : null}
                  </button>
                );
              })}
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
