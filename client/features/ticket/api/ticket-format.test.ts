import { describe, expect, it } from 'vitest';
import { activityText, formatCountdown, slaView } from './ticket-format.ts';

const NOW = Date.UTC(2026, 10, 23, 12, 0);
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('formatCountdown', () => {
  it.each([
    [20_000, '<1m'],
    [12 * 60_000, '12m'],
    [3 * 3_600_000, '3h'],
    [3 * 3_600_000 + 5 * 60_000, '3h 5m'],
    [2 * 86_400_000, '2d'],
    [2 * 86_400_000 + 4 * 3_600_000, '2d 4h'],
    [-12 * 60_000, '12m'],
  ])('%i ms is "%s"', (ms, text) => expect(formatCountdown(ms)).toBe(text));
});

describe('slaView', () => {
  it.each<[string, Parameters<typeof slaView>[0], string, string]>([
    ['no target', { state: 'none', dueAt: null, atRiskAt: null }, 'none', 'No SLA'],
    ['met', { state: 'met', dueAt: null, atRiskAt: null }, 'met', 'Met'],
    ['paused', { state: 'paused', dueAt: null, atRiskAt: null }, 'paused', 'Paused'],
    ['running, well ahead', { state: 'running', dueAt: at(125), atRiskAt: at(100) }, 'ok', 'Due in 2h 5m'],
    ['running, past 80 % before the event arrives', { state: 'running', dueAt: at(10), atRiskAt: at(-5) }, 'risk', 'At risk · due in 10m'],
    ['at risk', { state: 'at_risk', dueAt: at(10), atRiskAt: at(-5) }, 'risk', 'At risk · due in 10m'],
    ['at risk and pending', { state: 'at_risk', dueAt: null, atRiskAt: at(-5) }, 'risk', 'At risk · paused'],
    ['running, past due before the event arrives', { state: 'running', dueAt: at(-3), atRiskAt: at(-30) }, 'breached', 'Breached 3m ago'],
    ['breached', { state: 'breached', dueAt: at(-90), atRiskAt: at(-120) }, 'breached', 'Breached 1h 30m ago'],
  ])('%s', (_name, clock, tone, label) => {
    const view = slaView(clock, NOW);
    expect(view.tone).toBe(tone);
    expect(view.label).toBe(label);
  });
});

describe('activityText', () => {
  it.each<[Parameters<typeof activityText>[0], string]>([
    [{ field: 'created', from: null, to: '#1001' }, 'created the ticket'],
    [{ field: 'priority', from: 'NORMAL', to: 'URGENT' }, 'changed priority from Normal to Urgent'],
    [{ field: 'status', from: 'OPEN', to: 'PENDING' }, 'changed status from Open to Pending'],
    [{ field: 'assignee', from: null, to: 'Ben' }, 'assigned it to Ben'],
    [{ field: 'assignee', from: 'Ben', to: 'Dana' }, 'reassigned it from Ben to Dana'],
    [{ field: 'assignee', from: 'Ben', to: null }, 'unassigned Ben'],
    [{ field: 'tags', from: 'vip', to: null }, 'removed all tags'],
    [{ field: 'subject', from: 'a', to: 'b' }, 'renamed it to “b”'],
  ])('%o', (activity, text) => expect(activityText(activity)).toBe(text));
});
