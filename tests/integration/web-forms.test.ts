import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, refusalOf, watchEvents, addMember } from '../support/factories.ts';
import { leadEmail } from '../support/crm.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const setup = async (requiredFields: Array<'name' | 'email' | 'phone' | 'company' | 'message'> = ['name']) => {
  const ws = await createWorkspace(app.url);
  const { form, secret } = await ws.admin.http.webForm.create.mutate({ name: 'Contact us', requiredFields, tags: ['website'] });
  return { ...ws, form, secret };
};

const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const postJson = (url: string, fields: Record<string, unknown>, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(fields) });
const postSignedJson = (url: string, secret: string, fields: Record<string, unknown>) => {
  const body = JSON.stringify(fields);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-switchboard-signature': sign(secret, body) }, body });
};
const postForm = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('POST /webhooks/forms/:formKey', () => {
  it('creates a lead from a signed JSON submission, with its cadence tasks, live', async () => {
    const { admin, form, secret } = await setup();
    const stream = watchEvents(admin);
    const email = leadEmail();
    const res = await postSignedJson(form.endpointUrl.replace(/^https?:\/\/[^/]+/, app.url), secret, { name: 'Fran Form', email, phone: '+44 20 7946 0958', company: 'Initech', message: 'Need a quote', utm_source: 'ads' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, status: 'created' });
    const created = await stream.next((e) => e.type === 'contact.created');
    if (created.type !== 'contact.created') throw new Error('unreachable');
    expect(created.payload.contact).toMatchObject({ name: 'Fran Form', email, phone: '+442079460958', company: 'Initech', source: 'WEB_FORM', stage: 'NEW', tags: ['website'] });
    expect(created.payload.contact.notes).toContain('Need a quote');
    expect(created.payload.contact.notes).toContain('utm_source: ads');
    await stream.until((seen) => seen.filter((e) => e.type === 'task.created').length === 5);
    const tasks = await admin.http.task.list.query({ view: 'all', contactId: created.payload.contact.id });
    expect(tasks.items.map((t) => t.cadenceStep)).toEqual([1, 2, 3, 4, 5]);
    expect((await admin.http.webForm.list.query())[0]).toMatchObject({ submissionCount: 1 });
  });

  it('stores a submission whose field names or values carry NUL characters (PostgreSQL refuses them), never a 500', async () => {
    const { admin, form, secret } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const res = await postJson(url, { name: 'Nu\u0000l Name', email: leadEmail(), 'utm\u0000source': 'ad\u0000s' }, { 'x-form-token': secret });
    expect(res.status).toBe(200);
    const [lead] = (await admin.http.contact.list.query({ source: 'WEB_FORM' })).items;
    expect(lead).toMatchObject({ name: 'Nul Name' });
    expect(lead!.notes).toContain('utmsource: ads');
  });

  it('accepts a form-encoded submission with the token as a field or a header', async () => {
    const { admin, form, secret } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    expect((await postForm(url, { name: 'Tom Token', email: leadEmail(), token: secret })).status).toBe(200);
    expect((await postJson(url, { name: 'Hal Header', email: leadEmail() }, { 'x-form-token': secret })).status).toBe(200);
    const { items } = await admin.http.contact.list.query({ source: 'WEB_FORM' });
    expect(items.map((c) => c.name).sort()).toEqual(['Hal Header', 'Tom Token']);
  });

  it('refuses a bad secret or signature with 401 and stores nothing', async () => {
    const { admin, form, secret } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const fields = { name: 'Eve', email: leadEmail() };
    const body = JSON.stringify(fields);
    const attempts = [
      postJson(url, fields, {}),
      postJson(url, fields, { 'x-form-token': `${secret}x` }),
      postJson(url, fields, { 'x-switchboard-signature': sign('wrong', body) }),
      // A valid signature of other bytes.
      postJson(url, fields, { 'x-switchboard-signature': sign(secret, `${body} `) }),
      postForm(url, { ...fields, token: 'nope' }),
      postJson(url, { ...fields, token: secret.slice(0, -1) }, {}),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(401);
    expect((await admin.http.contact.list.query({})).total).toBe(0);
  });

  it('answers 400 with field errors for missing or invalid fields, 400 for a malformed body, 404 for an unknown form, 415 for other types', async () => {
    const { form, secret } = await setup(['name', 'company']);
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const res = await postSignedJson(url, secret, { email: 'not-an-email', phone: '12' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'Some fields are missing or invalid',
      fieldErrors: {
        email: ['Not a valid email address'],
        phone: ['Not a phone number in international format, like +14155550123'],
        name: ['Required'],
        company: ['Required'],
      },
    });
    const malformed = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-switchboard-signature': sign(secret, '{"a":') }, body: '{"a":' });
    expect(malformed.status).toBe(400);
    expect((await postJson(`${app.url}/webhooks/forms/unknownformkey123`, { email: leadEmail() }, { 'x-form-token': secret })).status).toBe(404);
    const text = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-form-token': secret }, body: 'hi' });
    expect(text.status).toBe(415);
  });

  it('updates the same lead on a duplicate submission (by email or phone), without new tasks', async () => {
    const { admin, form, secret } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const email = leadEmail();
    expect(await (await postSignedJson(url, secret, { name: 'Dana Dup', email, message: 'first' })).json()).toMatchObject({ status: 'created' });
    const second = await postSignedJson(url, secret, { name: 'Dana D.', email: email.toUpperCase(), phone: '+14155550199', company: 'Hooli', message: 'second' });
    expect(await second.json()).toMatchObject({ status: 'updated' });
    expect(await (await postSignedJson(url, secret, { name: 'By phone', phone: '+1 415 555 0199', message: 'third' })).json()).toMatchObject({ status: 'updated' });
    const { items, total } = await admin.http.contact.list.query({});
    expect(total).toBe(1);
    // The name is kept; blanks are filled; every message lands in the notes.
    expect(items[0]).toMatchObject({ name: 'Dana Dup', email, phone: '+14155550199', company: 'Hooli' });
    expect(items[0]!.notes).toMatch(/first[\s\S]*second[\s\S]*third/);
    expect((await admin.http.task.list.query({ view: 'all' })).total).toBe(5);
  });

  it('two simultaneous submissions of one person make one lead', async () => {
    const { admin, form, secret } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const email = leadEmail();
    const results = await Promise.all([1, 2, 3].map((i) => postSignedJson(url, secret, { name: `Racer ${i}`, email })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await admin.http.contact.list.query({})).total).toBe(1);
    expect((await admin.http.task.list.query({ view: 'all' })).total).toBe(5);
  });

  it('answers a browser preflight so a site can post JSON from its own origin', async () => {
    const { form } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-form-token' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-form-token');
    const refused = await postJson(url, { email: leadEmail() }, { origin: 'https://shop.example' });
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a rotated secret replaces the old one', async () => {
    const { admin, form, secret } = await setup();
    const url = `${app.url}/webhooks/forms/${form.formKey}`;
    const { secret: fresh } = await admin.http.webForm.rotateSecret.mutate({ formId: form.id });
    expect((await postSignedJson(url, secret, { name: 'Old', email: leadEmail() })).status).toBe(401);
    expect((await postSignedJson(url, fresh, { name: 'New', email: leadEmail() })).status).toBe(200);
  });

  it('limits submissions per form and address (429 with Retry-After), other forms unaffected', async () => {
    const limited = await startTestApp({ env: { FORM_SUBMISSIONS_PER_MINUTE: '3' } });
    try {
      const ws = await createWorkspace(limited.url);
      const { form, secret } = await ws.admin.http.webForm.create.mutate({ name: 'Spammed' });
      const other = await ws.admin.http.webForm.create.mutate({ name: 'Quiet' });
      const url = (key: string) => `${limited.url}/webhooks/forms/${key}`;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await postSignedJson(url(form.formKey), secret, { name: `S ${i}`, email: leadEmail() })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await postSignedJson(url(form.formKey), secret, { name: 'S', email: leadEmail() });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await postSignedJson(url(other.form.formKey), other.secret, { name: 'Q', email: leadEmail() })).status).toBe(200);
      expect((await ws.admin.http.contact.list.query({})).total).toBe(4);
    } finally {
      await limited.stop();
    }
  });

  it('manages forms as an admin only, and never lists secrets', async () => {
    const { admin, secret } = await setup();
    const { member } = await addMember(app.url, admin, 'SUPERVISOR');
    expect((await refusalOf(member.http.webForm.list.query())).code).toBe('FORBIDDEN');
    expect(JSON.stringify(await admin.http.webForm.list.query())).not.toContain(secret);
  });
});
