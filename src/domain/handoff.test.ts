import { describe, expect, it } from 'vitest';
import { asksForHuman } from './handoff.ts';

describe('asksForHuman', () => {
  it.each([
    'Can I talk to a human?',
    'I want to speak with a real person',
    'let me chat with someone',
    'agent please',
    'HUMAN',
    'Is there a live agent?',
    'Quero falar com um atendente',
    'Quiero hablar con una persona',
  ])('recognises %j', (text) => expect(asksForHuman(text)).toBe(true));

  it.each([
    'Does it come in blue?',
    'My agent said the parcel shipped',
    'Human resources sent me here for the invoice',
    'I talked to my wife about it',
    '',
  ])('does not trigger on %j', (text) => expect(asksForHuman(text)).toBe(false));
});
