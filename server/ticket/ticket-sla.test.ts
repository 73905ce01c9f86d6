import { describe, expect, it } from 'vitest';
import type { SlaClockDto, SlaStateDto } from '../../src/contracts/ticket.ts';
import type { StoredClocks } from './ticket-dto.ts';
import { slaTransitions } from './ticket-sla.ts';

const clock = (state: SlaStateDto): SlaClockDto => ({ state, dueAt: null, atRiskAt: null, elapsedMinutes: 0, targetMinutes: 10 });
const clocks = (first: SlaStateDto, resolution: SlaStateDto = 'none'): StoredClocks => ({ firstResponse: clock(first), resolution: clock(resolution) });

// [from, to, what is recorded for the first-response clock]
const rows: Array<[SlaStateDto | null, SlaStateDto, 'at_risk' | 'breached' | null]> = [
  [null, 'running', null],
  [null, 'at_risk', 'at_risk'],
  [null, 'breached', 'breached'],
  ['running', 'running', null],
  ['running', 'at_risk', 'at_risk'],
  ['running', 'breached', 'breached'], // both lines crossed at once: only the breach is news
  ['paused', 'at_risk', 'at_risk'],
  ['at_risk', 'at_risk', null], // a paused at-risk clock resuming is not re-flagged
  ['at_risk', 'breached', 'breached'],
  ['breached', 'breached', null],
  ['breached', 'at_risk', null], // never "downgrades" into a new at-risk flag
  ['running', 'met', null],
  ['at_risk', 'running', null], // a looser target: no flag
  ['none', 'running', null],
];

describe('slaTransitions', () => {
  it.each(rows)('%s -> %s records %s', (from, to, recorded) => {
    const before = from === null ? null : clocks(from);
    expect(slaTransitions(before, clocks(to))).toEqual(recorded ? [{ clock: 'first_response', to: recorded }] : []);
  });

  it('reports both clocks when both cross', () => {
    expect(slaTransitions(clocks('running', 'running'), clocks('breached', 'at_risk'))).toEqual([
      { clock: 'first_response', to: 'breached' },
      { clock: 'resolution', to: 'at_risk' },
    ]);
  });
});
