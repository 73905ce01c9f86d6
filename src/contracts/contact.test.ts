import { describe, expect, it } from 'vitest';
import { ZCreateContactInput, ZUpdateContactInput } from './contact.ts';

const contactId = '7d3c1c7e-5b8f-4d2a-9a55-0f2b3c4d5e6f';

describe('contact inputs', () => {
  it('treats blank email and phone on create as not given (HTML forms send them)', () => {
    const parsed = ZCreateContactInput.parse({ name: 'Ana', email: '  ', phone: '' });
    expect(parsed.email).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
  });

  it('normalises a given email and keeps a given phone for the service to put in E.164', () => {
    expect(ZCreateContactInput.parse({ email: ' Ana@Example.COM ', phone: '+44 20 7946 0958' })).toMatchObject({ email: 'ana@example.com', phone: '+44 20 7946 0958' });
  });

  it('refuses a contact with no name, email or phone, naming the field', () => {
    const result = ZCreateContactInput.safeParse({ email: '', phone: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['name'], message: 'Give at least a name, an email or a phone' });
  });

  it('refuses a malformed email or phone with a message a person can act on', () => {
    const result = ZCreateContactInput.safeParse({ name: 'Ana', email: 'not-an-email', phone: 'call me' });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['email', 'Enter a valid email address'],
      ['phone', 'Enter the number in international format, like +14155550123'],
    ]);
  });

  it('on update, clears a field sent blank or null and leaves an absent one alone', () => {
    expect(ZUpdateContactInput.parse({ contactId, email: '', phone: null })).toMatchObject({ email: null, phone: null });
    const untouched = ZUpdateContactInput.parse({ contactId, name: 'Ana' });
    expect('email' in untouched && untouched.email !== undefined).toBe(false);
  });
});
