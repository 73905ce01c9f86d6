import { CheckIcon, ChevronDownIcon } from '../../../components/icons.tsx';
import { useMenu } from '../../../lib/use-menu.ts';

export type FilterOption<V extends string> = { value: V; label: string };

/**
 * A filter chip that opens a menu: several values (checkboxes, the menu stays open) or one
 * (radio, picking closes it). Shows what is chosen on the chip itself.
 */
export function FilterMenu<V extends string>({
  label,
  options,
  selected,
  multiple,
  onChange,
  allLabel = 'Any',
}: {
  label: string;
  options: ReadonlyArray<FilterOption<V>>;
  selected: readonly V[];
  multiple: boolean;
  onChange: (next: V[]) => void;
  allLabel?: string;
}) {
  const { open, setOpen, rootRef, buttonRef, menuRef, menuId, close, onMenuKeyDown } = useMenu();
  const chosen = options.filter((o) => selected.includes(o.value));
  const summary =
    chosen.length === 0 ? allLabel : chosen.length <= 2 ? chosen.map((o) => o.label).join(', ') : `${chosen.slice(0, 2).map((o) => o.label).join(', ')} +${chosen.length - 2}`;
  const toggle = (value: V) => {
    if (!multiple) {
      close(true);
      onChange(selected.includes(value) ? [] : [value]);
      return;
    }
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  };

  return (
    <div className="filter" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={chosen.length ? 'filter-chip filter-chip-set' : 'filter-chip'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`${label}: ${summary}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="filter-chip-label">{label}</span>
        <span className="filter-chip-value">{summary}</span>
        <ChevronDownIcon className="filter-chip-chevron" />
      </button>
      {open ? (
        <div className="menu filter-menu" role="menu" id={menuId} aria-label={label} ref={menuRef} onKeyDown={onMenuKeyDown}>
          {chosen.length > 0 ? (
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item menu-item-muted"
              onClick={() => {
                onChange([]);
                if (!multiple) close(true);
              }}
            >
              <span className="filter-check" aria-hidden="true" />
              {allLabel}
            </button>
          ) : null}
          {options.map((o) => {
            const on = selected.includes(o.value);
            return (
              <button
                key={o.value}
                type="button"
                role={multiple ? 'menuitemcheckbox' : 'menuitemradio'}
                aria-checked={on}
                tabIndex={-1}
                className="menu-item"
                onClick={() => toggle(o.value)}
              >
                <span className="filter-check" aria-hidden="true">
                  {on ? <CheckIcon /> : null}
                </span>
                <span className="menu-item-text">{o.label}</span>
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
