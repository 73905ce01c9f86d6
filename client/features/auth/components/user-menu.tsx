import { useMenu } from '../../../lib/use-menu.ts';
import { Link } from 'react-router';
import type { MeDto } from '../../../../src/contracts/dto.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { ChevronDownIcon, LogOutIcon, UserIcon } from '../../../components/icons.tsx';
import { RoleBadge } from '../../../components/role-badge.tsx';
import { useSignOut } from '../api/use-sign-out.ts';

/** The account button in the top bar: who you are, your profile, and sign out. */
export function UserMenu({ me }: { me: MeDto }) {
  const signOut = useSignOut();
  const { open, setOpen, rootRef, buttonRef, menuRef, menuId, close, onMenuKeyDown } = useMenu();

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account menu for ${me.user.name}`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Avatar name={me.user.name} seed={me.user.id} size="sm" />
        <span className="user-menu-name">{me.user.name}</span>
        <ChevronDownIcon className="user-menu-chevron" />
      </button>
      {open ? (
        <div className="menu" role="menu" id={menuId} aria-label="Account" ref={menuRef} onKeyDown={onMenuKeyDown}>
          <div className="menu-header">
            <div className="menu-header-name">{me.user.name}</div>
            <div className="menu-header-email">{me.user.email}</div>
            <RoleBadge role={me.user.role} />
          </div>
          <Link to="/profile" role="menuitem" className="menu-item" tabIndex={-1} onClick={() => close(false)}>
            <UserIcon />
            Your profile
          </Link>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            tabIndex={-1}
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            <LogOutIcon />
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
