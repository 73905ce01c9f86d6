import type { Role } from '../../src/domain/roles.ts';

export const ROLE_LABELS: Record<Role, string> = { ADMIN: 'Admin', SUPERVISOR: 'Supervisor', AGENT: 'Agent' };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: 'Manages the team, roles and workspace settings.',
  SUPERVISOR: 'Oversees conversations and the agents handling them.',
  AGENT: 'Handles customer conversations.',
};

export const initials = (name: string): string => {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
};

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "just now", "3 minutes ago", "in 7 days". */
export const formatRelative = (iso: string, now: number = Date.now()): string => {
  const diff = new Date(iso).getTime() - now;
  if (Math.abs(diff) < 45_000) return 'just now';
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'minute') return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
};

export const formatDateTime = (iso: string): string => absolute.format(new Date(iso));
export const formatDate = (iso: string): string => dateOnly.format(new Date(iso));
