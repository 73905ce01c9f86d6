import { describe, expect, it } from 'vitest';
import { WINDOW_MS, messagingWindow } from './messaging-window.ts';

const at = (iso: string) => new Date(iso);

describe('messagingWindow', () => {
  it('is closed for a contact who never wrote', () => {
    expect(messagingWindow(null, at('2026-01-01T00:00:00Z'))).toEqual({ open: false, closedAt: null });
  });
  it('is open right after an inbound message, with the time left', () => {
    const state = messagingWindow(at('2026-01-01T00:00:00Z'), at('2026-01-01T20:00:00Z'));
    expect(state).toEqual({ open: true, closesAt: at('2026-01-02T00:00:00Z'), remainingMs: 4 * 3600_000 });
  });
  it('closes exactly 24 hours after the last inbound message', () => {
    const last = at('2026-01-01T00:00:00Z');
    expect(messagingWindow(last, new Date(last.getTime() + WINDOW_MS - 1)).open).toBe(true);
    expect(messagingWindow(last, new Date(last.getTime() + WINDOW_MS))).toEqual({ open: false, closedAt: at('2026-01-02T00:00:00Z') });
  });
  it('is open for a message timestamped slightly in the future (clock skew)', () => {
    expect(messagingWindow(at('2026-01-01T00:00:05Z'), at('2026-01-01T00:00:00Z')).open).toBe(true);
  });
});
