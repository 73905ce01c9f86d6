import { useState } from 'react';
import type { RangeInput, RangePreset } from '../../../../src/contracts/dashboard.ts';

const PRESETS: Array<[Exclude<RangePreset, 'custom'>, string]> = [
  ['24h', '24 h'],
  ['7d', '7 days'],
  ['30d', '30 days'],
  ['90d', '90 days'],
];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Presets, or a custom range of whole days in the viewer's zone (end day included). */
export function RangePicker({ value, onChange }: { value: RangeInput; onChange: (r: RangeInput) => void }) {
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 7 * 86_400_000)));
  const [to, setTo] = useState(() => day(new Date()));
  const applyCustom = (f: string, t: string) => {
    const start = new Date(`${f}T00:00:00`);
    const end = new Date(`${t}T00:00:00`);
    end.setDate(end.getDate() + 1);
    if (!(end > start)) return;
    onChange({ preset: 'custom', from: start.toISOString(), to: end.toISOString() });
  };
  return (
    <div className="range-picker">
      <div className="segmented" role="radiogroup" aria-label="Date range">
        {PRESETS.map(([preset, label]) => (
          <button key={preset} type="button" role="radio" aria-checked={value.preset === preset} className="segmented-item" onClick={() => onChange({ preset })}>
            {label}
          </button>
        ))}
        <button type="button" role="radio" aria-checked={value.preset === 'custom'} className="segmented-item" onClick={() => applyCustom(from, to)}>
          Custom
        </button>
      </div>
      {value.preset === 'custom' ? (
        <div className="range-custom">
          <label>
            <span className="sr-only">From</span>
            <input type="date" className="input input-sm" value={from} max={to} onChange={(e) => { setFrom(e.target.value); applyCustom(e.target.value, to); }} />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="sr-only">To</span>
            <input type="date" className="input input-sm" value={to} min={from} onChange={(e) => { setTo(e.target.value); applyCustom(from, e.target.value); }} />
          </label>
        </div>
      ) : null}
    </div>
  );
}
