import { describe, expect, it } from 'vitest';
import { toE164 } from './phone.ts';

describe('toE164', () => {
  it.each([
    ['16505551234', '+16505551234'],
    ['+16505551234', '+16505551234'],
    ['+1 (650) 555-1234', '+16505551234'],
    ['whatsapp:+14155238886', '+14155238886'],
    ['WhatsApp:+14155238886', '+14155238886'],
    ['0044 20 7946 0958', '+442079460958'],
    [' 34 600 000 000 ', '+34600000000'],
  ])('%s -> %s', (raw, expected) => expect(toE164(raw)).toBe(expected));

  it.each(['', 'abc', '+0123456789', '12345', '+1234567890123456', 'whatsapp:', '+1-650-CALL-NOW'])('refuses %j', (raw) => {
    expect(toE164(raw)).toBeNull();
  });
});
