import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendgridEventFor, startFakeSendgrid, type FakeSendgrid } from '../../server/dev/fake-sendgrid-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { launchBrowser, Pages, PASSWORD, screenshot, startServer, unique, type ServerProcess } from './harness.ts';

let browser: Browser | undefined;
let pages: Pages;
let current: Page | null = null;

const SENDGRID_KEY = 'SG.e2e-test-key-0123456789';
const DRAFT_SUBJECT = 'Quick hello from Northwind';
const DRAFT_BODY = 'Hi Ana,\n\nThanks for your interest in our oak tables. The spring catalogue is here: https://northwind.test/spring\n\nWould a short call on Thursday suit you?';
const LINK = 'https://northwind.test/spring';

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async (ctx) => {
  // A failure leaves a picture of where it stopped, next to the others.
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, 'crm-failure.png').catch(() => undefined);
  current = null;
  await pages.close();
});

/** The server ran the whole describe without dying and shut down cleanly. */
const stopServer = async (server: ServerProcess | undefined) => {
  if (!server) return;
  const died = server.child.exitCode;
  const exit = await server.stop();
  expect(died, `the server died during the run:\n${server.output.join('\n')}`).toBeNull();
  expect(exit, server.output.slice(-20).join('\n')).toEqual({ code: 0, signal: null });
};

const mainNav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area, exact: true }).click();
const waitUntilLive = (page: Page) => page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor();

const signUp = async (page: Page, name: string) => {
  await page.goto('/signup');
  await page.getByLabel('Workspace name').fill(`Northwind ${unique()}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(`dana-${unique()}@example.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await waitUntilLive(page);
};

const markDocument = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

describe('Leads, follow-up tasks and tracked emails', () => {
  let server: ServerProcess;
  let sendgrid: FakeSendgrid;
  let openai: FakeOpenAi;

  beforeAll(async () => {
    sendgrid = await startFakeSendgrid({ apiKey: SENDGRID_KEY });
    openai = await startFakeOpenAi();
    // The email draft is a forced write_email tool call.
    openai.setFallback({ kind: 'tool', name: 'write_email', args: { subject: DRAFT_SUBJECT, body: DRAFT_BODY } });
    // SendGrid's key and API from the deployment; the webhook's verification key is pasted in Settings → Email below.
    server = await startServer({
      env: { SENDGRID_API_KEY: SENDGRID_KEY, SENDGRID_BASE_URL: sendgrid.url, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url },
    });
  });

  afterAll(async () => {
    await stopServer(server);
    await sendgrid?.close();
    await openai?.stop();
  });

  beforeEach(() => {
    pages = new Pages(browser!, server.url);
  });

  it('creates a lead with its tasks, sends an AI-drafted email from a task, and shows SendGrid engagement live', { timeout: 120_000 }, async () => {
    const dana = await pages.open('dana');
    current = dana;
    await signUp(dana, 'Dana Scully');

    // Settings → Email: the verified sender and the Event Webhook's verification key.
    await mainNav(dana, 'Email');
    await dana.getByTestId('email-mode').getByText('SendGrid', { exact: true }).waitFor();
    const settings = dana.getByRole('form', { name: 'Email settings' });
    await settings.getByLabel('Sender address').fill('sales@northwind.test');
    await settings.getByLabel('Event Webhook verification key').fill(sendgrid.publicKey);
    expect(await settings.getByRole('textbox', { name: 'Event Webhook URL' }).inputValue()).toBe(`${server.url}/webhooks/sendgrid`);
    await settings.getByRole('button', { name: 'Save email settings' }).click();
    await dana.getByText('Email settings saved.').waitFor();
    await screenshot(dana, 'crm-settings-email.png');

    // A new lead gets the default five follow-up tasks.
    await mainNav(dana, 'Contacts');
    await dana.getByText('No contacts yet').waitFor();
    await dana.getByRole('button', { name: 'New contact' }).first().click();
    const form = dana.getByRole('form', { name: 'New contact' });
    const email = `ana-${unique()}@example.test`;
    await form.getByLabel('Name').fill('Ana Silva');
    await form.getByLabel('Company').fill('Oakfield Interiors');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Tags').fill('spring, tables');
    await form.getByRole('button', { name: 'Create contact' }).click();
    await dana.getByRole('heading', { level: 1, name: 'Ana Silva' }).waitFor();
    const tasksPanel = dana.getByRole('region', { name: 'Open tasks' });
    for (const title of ['Introduce yourself', 'Follow up', 'Check in', 'Share something useful', 'Last follow-up']) {
      await tasksPanel.locator('[data-task-id]').filter({ hasText: title }).waitFor();
    }
    await dana.getByTestId('timeline').getByText('Created as').waitFor();
    // The pipeline: a click moves the stage, and the timeline records it.
    await dana.getByRole('radiogroup', { name: 'Stage' }).getByRole('radio', { name: 'Qualified' }).click();
    await dana.getByRole('radiogroup', { name: 'Stage' }).getByRole('radio', { name: 'Qualified', checked: true }).waitFor();
    await dana.getByTestId('timeline').locator('[data-kind="stage_change"]').filter({ hasText: 'New → Qualified' }).waitFor();

    // The list shows it with its real total.
    await mainNav(dana, 'Contacts');
    await dana.getByRole('list', { name: 'Contacts' }).getByRole('listitem').filter({ hasText: 'Ana Silva' }).waitFor();
    expect(await dana.getByTestId('contacts-total').textContent()).toBe('1');
    await screenshot(dana, 'crm-contacts.png');

    // Tasks → Mine: open the first follow-up and draft the email; the AI's draft arrives live.
    await mainNav(dana, 'Tasks');
    const taskRow = dana.getByRole('list', { name: 'Tasks' }).locator('[data-task-id]').filter({ hasText: 'Introduce yourself' });
    await taskRow.waitFor();
    await screenshot(dana, 'crm-tasks.png');
    await taskRow.getByRole('button', { name: /Draft email/ }).click();
    const composer = dana.getByRole('dialog', { name: 'Email to Ana Silva' });
    await composer.getByText('Completes: Introduce yourself').waitFor();
    await expect.poll(() => composer.getByLabel('Subject').inputValue()).toBe(DRAFT_SUBJECT);
    await composer.getByTestId('email-body-editor').getByText('Would a short call on Thursday suit you?').waitFor();
    expect(await composer.getByTestId('ai-draft-status').getAttribute('data-state')).toBe('ready');
    // The agent makes it theirs before sending.
    await composer.getByTestId('email-body-editor').click();
    await dana.keyboard.press('Control+End');
    await dana.keyboard.type(' Looking forward to it.');
    await screenshot(dana, 'crm-composer.png');
    await composer.getByRole('button', { name: 'Send' }).click();
    await dana.getByTestId('email-sent-notice').getByText(`Email on its way to ${email}`).waitFor();
    await composer.waitFor({ state: 'detached' });

    // SendGrid received it from the agent's name and the verified address, with the email's custom args.
    const [mail] = await sendgrid.waitForSent(1);
    expect(mail!.body.from).toEqual({ email: 'sales@northwind.test', name: 'Dana Scully' });
    expect(mail!.body.personalizations?.[0]?.to?.[0]?.email).toBe(email);
    const html = mail!.body.content?.find((c) => c.type === 'text/html')?.value ?? '';
    expect(html).toContain('Looking forward to it.');
    const emailId = mail!.body.custom_args?.emailId ?? mail!.body.personalizations?.[0]?.custom_args?.emailId;
    expect(emailId).toMatch(/^[0-9a-f-]{36}$/);

    // Sending completed the task: it leaves "Mine" without a reload.
    await taskRow.waitFor({ state: 'detached' });

    // The contact's timeline shows the email; SendGrid's events arrive and it updates in place.
    await dana.getByRole('list', { name: 'Tasks' }).locator('[data-task-id]').first().getByRole('link', { name: /Ana Silva/ }).click();
    await dana.getByRole('heading', { level: 1, name: 'Ana Silva' }).waitFor();
    const card = dana.getByTestId('timeline').getByTestId('timeline-email');
    await card.getByText(DRAFT_SUBJECT).waitFor();
    await markDocument(dana);

    const webhook = `${server.url}/webhooks/sendgrid`;
    // SendGrid's own timestamps (seconds), a moment after the send.
    const start = Math.floor(Date.now() / 1000);
    const delivered = await sendgrid.signAndPost(webhook, [
      sendgridEventFor(mail!, 'processed', { timestamp: start }),
      sendgridEventFor(mail!, 'delivered', { timestamp: start + 1 }),
    ]);
    expect(delivered.status).toBe(200);
    await card.getByTestId('email-delivered').waitFor();
    await card.getByTestId('email-status').filter({ hasText: 'Delivered' }).waitFor();

    const opened = await sendgrid.signAndPost(webhook, [
      sendgridEventFor(mail!, 'open', { timestamp: start + 2 }),
      sendgridEventFor(mail!, 'open', { timestamp: start + 3 }),
      sendgridEventFor(mail!, 'click', { timestamp: start + 4, url: LINK }),
    ]);
    expect(opened.status).toBe(200);
    await card.getByTestId('email-opens').getByText('Opened 2 times').waitFor();
    await card.getByTestId('email-clicks').getByText('1 click on 1 link').waitFor();
    await card.getByRole('list', { name: 'Clicked links' }).getByText('×1').waitFor();
    await card.getByTestId('email-status').filter({ hasText: 'Clicked' }).waitFor();
    expect(await sameDocument(dana)).toBe(true);
    await screenshot(dana, 'crm-contact.png');

    // The email's own view: engagement with the clicked link, live as another click arrives.
    await card.getByRole('link', { name: DRAFT_SUBJECT }).click();
    const detail = dana.getByTestId('email-detail');
    await detail.getByRole('table', { name: 'Clicked links' }).getByText(LINK).waitFor();
    expect(await sendgrid.signAndPost(webhook, [sendgridEventFor(mail!, 'click', { timestamp: start + 5, url: LINK })]).then((r) => r.status)).toBe(200);
    await detail.getByTestId('email-clicks').getByText('2 clicks on 1 link').waitFor();
    await detail.getByText('Accepted by SendGrid').waitFor();
    expect(await sameDocument(dana)).toBe(true);
    await screenshot(dana, 'crm-email.png');

    // An unsubscribe marks the contact do-not-email, live, and blocks drafting.
    expect(await sendgrid.signAndPost(webhook, [sendgridEventFor(mail!, 'unsubscribe', { timestamp: start + 6 })]).then((r) => r.status)).toBe(200);
    await detail.getByTestId('email-problem').filter({ hasText: 'Unsubscribed' }).waitFor();
    await detail.getByRole('link', { name: 'Contact' }).click();
    await dana.getByTestId('do-not-email-banner').waitFor();
    expect(await dana.getByRole('button', { name: 'Draft email' }).isDisabled()).toBe(true);
    expect(await sameDocument(dana)).toBe(true);

    expect(pages.problems).toEqual([]);
  });
});

describe('Without SendGrid or OpenAI: dev outbox, AI offline, import, web forms, the task keyboard', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await stopServer(server);
  });

  beforeEach(() => {
    pages = new Pages(browser!, server.url);
  });

  it('imports leads with a per-row report, takes web-form leads live, sends into the dev outbox, and works tasks from the keyboard', { timeout: 150_000 }, async () => {
    const dana = await pages.open('dana');
    current = dana;
    await signUp(dana, 'Dana Scully');
    await markDocument(dana);

    // CSV import: one good row, two refused with their reasons.
    await mainNav(dana, 'Contacts');
    await dana.getByRole('button', { name: 'Import' }).click();
    const importer = dana.getByRole('dialog', { name: 'Import contacts' });
    const good = `bo-${unique()}@example.test`;
    const csv = ['name,email,phone,company,stage,tags', `Bo Jensen,${good},,Fjord Design,QUALIFIED,fair;vip`, 'Cy Broken,not-an-email,,,,', ',,,Nobody Inc,,'].join('\n');
    await importer.getByLabel('CSV file').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await importer.getByLabel('Create follow-up tasks for new leads').check();
    await importer.getByRole('button', { name: 'Import' }).click();
    const report = importer.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(/3 rows read: 1 created, 0 updated .*2 not imported/);
    const refused = report.getByRole('table', { name: 'Rows not imported' });
    await refused.waitFor();
    expect(await refused.getByRole('cell', { name: '3', exact: true }).count()).toBeGreaterThan(0);
    expect(await refused.getByRole('cell', { name: '4', exact: true }).count()).toBeGreaterThan(0);
    await screenshot(dana, 'crm-import.png');
    await importer.getByRole('button', { name: 'Done' }).click();
    const list = dana.getByRole('list', { name: 'Contacts' });
    await list.getByRole('listitem').filter({ hasText: 'Bo Jensen' }).getByText('Qualified').waitFor();

    // A web form: its secret is shown once; a submission becomes a lead in the open list, live.
    await mainNav(dana, 'Follow-ups');
    await dana.getByRole('button', { name: 'New form' }).click();
    const newForm = dana.getByRole('form', { name: 'New web form' });
    await newForm.getByLabel('Form name').fill('Website');
    await newForm.getByRole('button', { name: 'Create form' }).click();
    const secretBox = dana.getByTestId('form-secret');
    const endpoint = await secretBox.getByRole('textbox', { name: 'Endpoint URL' }).inputValue();
    const secret = await secretBox.getByRole('textbox', { name: 'Secret' }).inputValue();
    expect(endpoint).toMatch(new RegExp(`^${server.url}/webhooks/forms/`));
    await screenshot(dana, 'crm-follow-ups.png');
    await mainNav(dana, 'Contacts');
    await list.getByRole('listitem').filter({ hasText: 'Bo Jensen' }).waitFor();
    const cy = `cy-${unique()}@example.test`;
    const submitted = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-form-token': secret },
      body: JSON.stringify({ name: 'Cy Morgan', email: cy, company: 'Harbor Co' }),
    });
    expect(submitted.status).toBeLessThan(300);
    await list.getByRole('listitem').filter({ hasText: 'Cy Morgan' }).waitFor();
    await expect.poll(() => dana.getByTestId('contacts-total').textContent()).toBe('2');
    // Filters narrow the list on the server, with the real total; export downloads what is shown.
    await dana.getByRole('combobox', { name: 'Stage' }).selectOption('QUALIFIED');
    await list.getByRole('listitem').filter({ hasText: 'Cy Morgan' }).waitFor({ state: 'detached' });
    await expect.poll(() => dana.getByTestId('contacts-total').textContent()).toBe('1');
    const [download] = await Promise.all([dana.waitForEvent('download'), dana.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain(good);
    expect(exported).not.toContain(cy);
    await dana.getByRole('button', { name: 'Clear filters' }).click();
    await list.getByRole('listitem').filter({ hasText: 'Cy Morgan' }).waitFor();

    // No OpenAI key: the composer says the AI is offline; the agent writes; it lands in the dev outbox.
    await list.getByRole('listitem').filter({ hasText: 'Cy Morgan' }).getByRole('link').click();
    await dana.getByRole('heading', { level: 1, name: 'Cy Morgan' }).waitFor();
    // Editing: the page shows the saved fields at once.
    await dana.getByRole('button', { name: 'Edit' }).click();
    const edit = dana.getByRole('form', { name: 'Edit Cy Morgan' });
    await edit.getByLabel('Phone').fill('+1 415 555 0199');
    await edit.getByLabel('Tags').fill('website');
    await edit.getByRole('button', { name: 'Save contact' }).click();
    await edit.waitFor({ state: 'detached' });
    await dana.locator('.contact-head').getByText('+14155550199').waitFor();
    await dana.getByRole('button', { name: 'Draft email' }).click();
    const composer = dana.getByRole('dialog', { name: 'Email to Cy Morgan' });
    await composer.locator('[data-testid="ai-draft-status"][data-state="offline"]').getByText('The AI is offline').waitFor();
    await screenshot(dana, 'crm-composer-offline.png');
    await composer.getByRole('button', { name: 'Send' }).click();
    await composer.getByText('Write a subject').waitFor();
    await composer.getByLabel('Subject').fill('Thanks for reaching out');
    await composer.getByTestId('email-body-editor').click();
    await dana.keyboard.type('Hi Cy, thanks for your message. When would suit you for a call?');
    // The errors of the empty Send go as the fields are written.
    await composer.getByText('Write a subject').waitFor({ state: 'detached' });
    await composer.getByText('Write the email', { exact: true }).waitFor({ state: 'detached' });
    // A stray Escape does not throw the written email away: it asks; a second Escape keeps writing.
    await dana.keyboard.press('Escape');
    const discard = composer.getByTestId('discard-confirm');
    await discard.getByText('Discard this email?').waitFor();
    await expect.poll(() => dana.evaluate(() => document.activeElement?.textContent)).toBe('Keep writing');
    await screenshot(dana, 'crm-composer-discard.png');
    await dana.keyboard.press('Escape');
    await discard.waitFor({ state: 'detached' });
    expect(await composer.getByLabel('Subject').inputValue()).toBe('Thanks for reaching out');
    await composer.getByRole('button', { name: 'Cancel' }).click();
    await discard.getByRole('button', { name: 'Keep writing' }).click();
    await discard.waitFor({ state: 'detached' });
    await composer.getByRole('button', { name: 'Send' }).click();
    await dana.getByTestId('email-sent-notice').getByText('Email kept in the dev outbox').waitFor();
    await dana.getByTestId('timeline').getByTestId('timeline-email').getByText('In dev outbox').waitFor();

    await mainNav(dana, 'Outbox');
    const caught = dana.getByTestId('outbox-email').filter({ hasText: 'Thanks for reaching out' });
    await caught.getByText(cy).waitFor();
    await screenshot(dana, 'crm-outbox.png');
    await caught.click();
    const detail = dana.getByTestId('email-detail');
    await detail.getByTestId('email-status').getByText('In dev outbox').waitFor();
    await detail.frameLocator('iframe').getByText('When would suit you for a call?').waitFor();

    // Tasks from the keyboard (the imported lead's, mine): j selects the first, x completes it, Undo brings it back.
    await mainNav(dana, 'Tasks');
    const mine = dana.getByRole('list', { name: 'Tasks' }).locator('[data-task-id]');
    await mine.first().waitFor();
    const before = await mine.count();
    const first = (await mine.first().getAttribute('aria-label')) ?? '';
    await dana.keyboard.press('j');
    await dana.locator('[data-task-id][aria-current="true"]').waitFor();
    await dana.keyboard.press('x');
    await dana.getByTestId('task-notice').getByText(`Completed “${first}”.`).waitFor();
    await expect.poll(() => mine.count()).toBe(before - 1);
    await dana.getByTestId('task-notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => mine.count()).toBe(before);

    // A longer list: 70 more leads (two pages); the virtualised list pages in from the server as it scrolls, with the real total.
    await mainNav(dana, 'Contacts');
    await dana.getByRole('button', { name: 'Import' }).click();
    const many = ['name,email', ...Array.from({ length: 70 }, (_, i) => `Lead ${i},lead-${i}-${unique()}@example.test`)].join('\n');
    await dana.getByRole('dialog', { name: 'Import contacts' }).getByLabel('CSV file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(many) });
    await dana.getByRole('dialog', { name: 'Import contacts' }).getByRole('button', { name: 'Import' }).click();
    await dana.getByTestId('import-report').getByText(/70 rows read/).waitFor();
    await dana.getByRole('dialog', { name: 'Import contacts' }).getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dana.getByTestId('contacts-total').textContent()).toBe('72');
    const rendered = await list.getByRole('listitem').count();
    expect(rendered).toBeLessThan(60);
    expect(await list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe('72');
    // Scrolling to the bottom loads the next pages until the last row exists.
    await expect
      .poll(async () => {
        await dana.locator('.ctable-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return list.locator('[aria-posinset="72"]').count();
      })
      .toBe(1);
    expect(await sameDocument(dana)).toBe(true);

    expect(pages.problems).toEqual([]);
  });
});
