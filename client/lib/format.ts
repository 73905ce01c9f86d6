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

const clock = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat('en', { weekday: 'short' });
const monthDay = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const monthDayYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' });
const longDay = new Intl.DateTimeFormat('en', { weekday: 'long', month: 'long', day: 'numeric' });
const longDayYear = new Intl.DateTimeFormat('en', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

const startOfDay = (ms: number): number => {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** Whole calendar days between two instants in the viewer's time zone (0 = same day). */
export const calendarDaysBetween = (earlier: number, later: number): number =>
  Math.round((startOfDay(later) - startOfDay(earlier)) / 86_400_000);

/** "3:05 PM". */
export const formatClock = (iso: string): string => clock.format(new Date(iso));

/** Compact time for list rows: "now", "5m", "3h", "Mon", "Jan 5", "Jan 5, 2025". */
export const formatShortTime = (iso: string, now: number = Date.now()): string => {
  const at = new Date(iso).getTime();
  const diff = now - at;
  if (diff < 60_000) return 'now';
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)}m`;
  if (calendarDaysBetween(at, now) === 0) return `${Math.floor(diff / 3_600_000)}h`;
  if (calendarDaysBetween(at, now) < 7) return weekday.format(at);
  return new Date(at).getFullYear() === new Date(now).getFullYear() ? monthDay.format(at) : monthDayYear.format(at);
};

/** A thread's day separator: "Today", "Yesterday", "Monday, January 5". */
export const formatDayLabel = (iso: string, now: number = Date.now()): string => {
  const at = new Date(iso).getTime();
  const days = calendarDaysBetween(at, now);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return new Date(at).getFullYear() === new Date(now).getFullYear() ? longDay.format(at) : longDayYear.format(at);
};

/** "5 h 12 min", "12 min", "less than a minute". */
export const formatDuration = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/** A contact's name, or their number when WhatsApp sent no profile name. */
export const displayName = (contact: { name: string; phone: string }): string => contact.name.trim() || contact.phone;
