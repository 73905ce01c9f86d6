import { initials } from '../lib/format.ts';

const PALETTE = 8;

const hueIndex = (seed: string): number => {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % PALETTE;
};

export function Avatar({ name, seed, size = 'md' }: { name: string; seed: string; size?: 'sm' | 'md' | 'row' | 'lg' }) {
  return (
    <span className={`avatar avatar-${size} avatar-c${hueIndex(seed)}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
