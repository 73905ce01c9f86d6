/** A snooze choice: what the menu says and the instant the task comes back. */
export type SnoozePreset = { id: string; label: string; detail: string; until: Date };

const at = (base: Date, days: number, hour: number): Date => {
  const d = new Date(base);
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d;
};

const weekday = new Intl.DateTimeFormat('en', { weekday: 'short', hour: 'numeric', minute: '2-digit' });
const clock = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });

/**
 * The snooze menu, in the viewer's time zone: in 3 hours (only while it is still today), tomorrow
 * morning, next Monday morning, in a week. Mornings are 9:00, when follow-ups get done.
 */
export const snoozePresets = (now: Date): SnoozePreset[] => {
  const presets: SnoozePreset[] = [];
  const later = new Date(now.getTime() + 3 * 3_600_000);
  if (later.getDate() === now.getDate()) presets.push({ id: 'later', label: 'Later today', detail: clock.format(later), until: later });
  const tomorrow = at(now, 1, 9);
  presets.push({ id: 'tomorrow', label: 'Tomorrow', detail: weekday.format(tomorrow), until: tomorrow });
  // Monday after today (a Monday snoozes to the following one).
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  const monday = at(now, toMonday, 9);
  if (toMonday !== 1) presets.push({ id: 'next-week', label: 'Next week', detail: weekday.format(monday), until: monday });
  const week = at(now, 7, 9);
  presets.push({ id: 'week', label: 'In a week', detail: weekday.format(week), until: week });
  return presets;
};
