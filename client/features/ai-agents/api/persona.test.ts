import { describe, expect, it } from 'vitest';
import { personaForChannel, ratingSummary } from './persona.ts';

const agent = (id: string, extra: { active?: boolean; isDefault?: boolean; channelIds?: string[] } = {}) => ({
  id,
  name: id,
  active: true,
  isDefault: false,
  channelIds: [] as string[],
  ...extra,
});

describe('personaForChannel', () => {
  it('prefers the channel’s own persona, else the active default', () => {
    const agents = [agent('default', { isDefault: true }), agent('sales', { channelIds: ['c1'] })];
    expect(personaForChannel(agents, 'c1')?.id).toBe('sales');
    expect(personaForChannel(agents, 'c2')?.id).toBe('default');
  });

  it('answers nothing when the channel’s own persona is inactive, or no default is active', () => {
    expect(personaForChannel([agent('d', { isDefault: true }), agent('s', { channelIds: ['c1'], active: false })], 'c1')).toBeNull();
    expect(personaForChannel([agent('d', { isDefault: true, active: false })], 'c1')).toBeNull();
  });
});

describe('ratingSummary', () => {
  it('gives the share of helpful ratings', () => {
    expect(ratingSummary({ helpful: 0, notHelpful: 0 })).toBeNull();
    expect(ratingSummary({ helpful: 3, notHelpful: 1 })).toBe('75 % helpful · 4 ratings');
  });
});
