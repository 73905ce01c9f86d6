import { useId, useState } from 'react';
import { ChevronDownIcon, ClockIcon } from '../../../components/icons.tsx';
import { useMenu } from '../../../lib/use-menu.ts';
import { snoozePresets } from '../api/snooze-presets.ts';

/** "Snooze ▾": presets (later today, tomorrow, next week…) or a chosen date and time. */
export function SnoozeMenu({ disabled, onSnooze }: { disabled: boolean; onSnooze: (until: Date) => void }) {
  const { open, setOpen, rootRef, buttonRef, menuRef, menuId, close, onMenuKeyDown } = useMenu();
  const [custom, setCustom] = useState('');
  const customId = useId();
  const presets = open ? snoozePresets(new Date()) : [];
  const pick = (until: Date) => {
    close(true);
    onSnooze(until);
  };
  return (
    <div className="owner-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost btn-sm task-action"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-keyshortcuts="Z"
        title="Snooze (Z)"
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <ClockIcon /> <span className="task-action-label">Snooze</span> <ChevronDownIcon className="owner-menu-chevron" />
      </button>
      {open ? (
        <div className="menu owner-menu-list" role="menu" id={menuId} aria-label="Snooze until" ref={menuRef} onKeyDown={onMenuKeyDown}>
          {presets.map((p) => (
            <button key={p.id} type="button" role="menuitem" className="menu-item" tabIndex={-1} onClick={() => pick(p.until)}>
              <span className="menu-item-text">{p.label}</span>
              <span className="menu-item-note">{p.detail}</span>
            </button>
          ))}
          <div className="menu-label" role="presentation">
            <label htmlFor={customId}>Pick a date</label>
          </div>
          <div className="menu-custom" role="presentation">
            <input
              id={customId}
              type="datetime-local"
              className="input input-sm"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && custom) {
                  e.preventDefault();
                  pick(new Date(custom));
                }
              }}
            />
            <button type="button" className="btn btn-secondary btn-sm" disabled={!custom} onClick={() => pick(new Date(custom))}>
              Snooze
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
