import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256.ts';

describe('sha256Hex', () => {
  it('matches node:crypto across block boundaries and multi-byte UTF-8', () => {
    const inputs = ['', 'abc', 'é', '€😀', ...Array.from({ length: 140 }, (_, n) => 'x'.repeat(n)), '😀'.repeat(40), 'ünïcödé '.repeat(1000)];
    for (const input of inputs) expect(sha256Hex(input)).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
  });
  it('has the FIPS 180-4 test value for "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
