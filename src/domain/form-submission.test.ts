import { describe, expect, it } from 'vitest';
import { readSubmission } from './form-submission.ts';

describe('readSubmission', () => {
  it('reads the usual fields, normalising email and phone', () => {
    expect(readSubmission({ name: ' Lee Lead ', email: 'LEE@Example.COM', phone: '+1 (415) 555-0123', company: 'Globex', message: 'Call me' }, ['name'])).toEqual({
      ok: true,
      lead: { name: 'Lee Lead', email: 'lee@example.com', phone: '+14155550123', company: 'Globex', message: 'Call me', extras: [] },
    });
  });

  it.each([
    [{ 'Full Name': 'A B', 'E-mail': 'a@b.co' }, 'A B', 'a@b.co'],
    [{ first_name: 'Ann', last_name: 'Bell', email_address: 'a@b.co' }, 'Ann Bell', 'a@b.co'],
    [{ firstname: 'Ann', your_email: 'a@b.co' }, 'Ann', 'a@b.co'],
  ])('accepts other spellings: %j', (fields, name, email) => {
    const result = readSubmission(fields, ['name']);
    expect(result.ok && result.lead.name).toBe(name);
    expect(result.ok && result.lead.email).toBe(email);
  });

  it('keeps unknown fields as extras and drops the token', () => {
    const result = readSubmission({ email: 'a@b.co', utm_source: 'google', token: 'secret', budget: 5000 }, []);
    expect(result).toEqual({ ok: true, lead: expect.objectContaining({ extras: [['utm_source', 'google'], ['budget', '5000']] }) });
  });

  it.each([
    [{ name: 'X' }, [], { email: ['Give an email or a phone number'] }],
    [{ email: 'nope' }, [], { email: ['Not a valid email address'] }],
    [{ phone: '12' }, [], { phone: ['Not a phone number in international format, like +14155550123'] }],
    [{ email: 'a@b.co' }, ['name', 'company'], { name: ['Required'], company: ['Required'] }],
    [{ email: 'a@b.co', name: 'x'.repeat(201) }, [], { name: ['At most 200 characters'] }],
    [{ email: '   ', phone: '' }, ['name'], { email: ['Give an email or a phone number'], name: ['Required'] }],
  ] as const)('refuses %j (required %j) with field errors', (fields, required, fieldErrors) => {
    expect(readSubmission(fields, required)).toEqual({ ok: false, fieldErrors });
  });

  it('ignores values that are not text (nested objects)', () => {
    expect(readSubmission({ email: 'a@b.co', nested: { a: 1 } }, [])).toEqual({ ok: true, lead: expect.objectContaining({ extras: [] }) });
  });
});
