/** "—" for a figure that has no value (no data), never a made-up zero. */
export const NONE = '—';

/** "8 s", "3 min 12 s", "1 h 05 min", "2 d 3 h": precise enough to compare, short enough for a tile. */
export const formatDuration = (ms: number | null): string => {
  if (ms === null) return NONE;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
};

/** A wait as a ticking clock: "0:42", "12:05", "3:04:09". */
export const formatWait = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
};

export const formatPercent = (rate: number | null): string => (rate === null ? NONE : `${(rate * 100).toFixed(rate < 0.1 && rate > 0 ? 1 : 0)} %`);

const count = new Intl.NumberFormat('en');
export const formatCount = (n: number): string => count.format(n);

/** Owner time, for the bot-vs-human split: minutes while small, then whole hours. */
export const formatHours = (ms: number): string => (ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${count.format(Math.round(ms / 3_600_000))} h`);
