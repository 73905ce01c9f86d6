import { calendarDaysBetween } from '../../../lib/format.ts';

const clock = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const monthDay = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const weekday = new Intl.DateTimeFormat('en', { weekday: 'short' });

/** "Overdue · 3 days", "Today 9:00 AM", "Tomorrow", "Fri", "Dec 4", with a tone for the row. */
export const dueLabel = (dueAt: string, now: number): { text: string; tone: 'overdue' | 'today' | 'later' } => {
  const due = Date.parse(dueAt);
  const days = calendarDaysBetween(now, due);
  if (days < 0) return { text: `Overdue · ${-days === 1 ? 'yesterday' : `${-days} days`}`, tone: 'overdue' };
  if (days === 0) return { text: `Today ${clock.format(due)}`, tone: due < now ? 'overdue' : 'today' };
  if (days === 1) return { text: 'Tomorrow', tone: 'later' };
  if (days < 7) return { text: weekday.format(due), tone: 'later' };
  return { text: monthDay.format(due), tone: 'later' };
};
