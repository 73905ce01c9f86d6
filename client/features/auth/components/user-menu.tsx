import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { MeDto } from '../../../../src/contracts/dto.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { ChevronDownIcon, LogOutIcon, UserIcon } from '../../../components/icons.tsx';
import { RoleBadge } from '../../../components/role-badge.tsx';
import { useSignOut } from '../api/use-sign-out.ts';

/** The account button in the top bar: who you are, your profile, and sign out. */
export function UserMenu({ me }: { me: MeDto }) {
  const [open, setOpen] = useState(false);
  const signOut = useSignOut();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list[(index + step + list.length) % list.length]?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

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
