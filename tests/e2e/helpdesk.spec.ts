import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned, type CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { launchBrowser, Pages, PASSWORD, screenshot, startServer, unique, type ServerProcess } from './harness.ts';
import { randomContactPhone, randomPhoneNumberId, randomSecret } from './whatsapp-fixtures.ts';

let server: ServerProcess;
let browser: Browser | undefined;
let openai: FakeOpenAi;
let graph: FakeGraph;
let pages: Pages;

/** Each test is a whole user journey (sign-up, invite, settings, two browsers): more than the default minute on a busy machine. */
const JOURNEY_MS = 180_000;

const ANALYSIS = {
  summary: 'The office printer caught fire during a print job; the customer needs a replacement and a safety check today.',
  category: 'Hardware',
  sentiment: 'negative',
  suggestedPriority: 'URGENT',
  nextActions: ['Confirm nobody was hurt', 'Book a technician for today', 'Offer a loaner printer'],
};

beforeAll(async () => {
  graph = await startFakeGraph();
  openai = await startFakeOpenAi();
  // Ticket analysis asks for a JSON object; this is the model's answer.
  openai.setFallback({ kind: 'text', text: JSON.stringify(ANALYSIS) });
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await graph?.stop();
  if (server) {
    const died = server.child.exitCode;
    const exit = await server.stop();
    expect(died, `the server died during the run:\n${server.output.join('\n')}`).toBeNull();
    expect(exit, server.output.slice(-20).join('\n')).toEqual({ code: 0, signal: null });
  }
  await openai?.stop();
});

beforeEach(() => {
  pages = new Pages(browser!, server.url);
});

afterEach(async () => {
  await pages.close();
});

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

/** The admin invites an agent, who joins in a browser profile of their own. */
const inviteAgent = async (admin: Page, name: string) => {
  await mainNav(admin, 'Team');
  await admin.getByLabel('Email address').fill(`ben-${unique()}@example.test`);
  await admin.getByLabel('Role', { exact: true }).selectOption('AGENT');
  await admin.getByRole('button', { name: 'Create invite link' }).click();
  const link = new URL(await admin.getByLabel('Invite link').inputValue());
  const agent = await pages.open('ben');
  await agent.goto(link.pathname);
  await agent.getByLabel('Your name').fill(name);
  await agent.getByLabel('Password').fill(PASSWORD);
  await agent.getByRole('button', { name: 'Join workspace' }).click();
  await waitUntilLive(agent);
  await admin.getByRole('row').filter({ hasText: name }).waitFor();
  return agent;
};

const connectChannel = async (page: Page): Promise<CloudTarget> => {
  const phoneNumber = randomContactPhone();
  const phoneNumberId = randomPhoneNumberId();
  const appSecret = randomSecret();
  await mainNav(page, 'Channels');
  await page.getByRole('button', { name: 'Connect WhatsApp' }).first().click();
  const form = page.getByRole('form', { name: 'Connect WhatsApp' });
  await form.getByLabel('Channel name').fill('Support line');
  await form.getByLabel('Phone number', { exact: true }).fill(phoneNumber);
  await form.getByLabel('Phone number ID').fill(phoneNumberId);
  await form.getByLabel('Access token').fill('test-access-token');
  await form.getByLabel('App secret').fill(appSecret);
  await form.getByText('Graph API settings').click();
  await form.getByLabel('Graph API base URL').fill(graph.url);
  await form.getByRole('button', { name: 'Connect channel' }).click();
  await page.getByText('Support line is connected.').waitFor();
  return { phoneNumberId, displayPhoneNumber: phoneNumber, appSecret, webhookUrl: `${server.url}/webhooks/whatsapp/cloud` };
};

/** Settings → SLA: targets per priority (hours, minutes), in the default business hours. */
const setSlaTargets = async (page: Page) => {
  await mainNav(page, 'SLA');
  const form = page.getByRole('form', { name: 'SLA targets' });
  const targets: Array<[string, string, string]> = [
    ['Urgent', '', '30'],
    ['High', '2', ''],
    ['Normal', '8', ''],
    ['Low', '16', ''],
  ];
  for (const [priority, hours, minutes] of targets) {
    await form.getByLabel(`${priority} first response, hours`).fill(hours);
    await form.getByLabel(`${priority} first response, minutes`).fill(minutes);
    await form.getByLabel(`${priority} resolution, hours`).fill(String(Number(hours || 0) * 4 + 4));
  }
  await form.getByRole('button', { name: 'Save targets' }).click();
  await page.getByText('Saved. Open tickets’ due times are being recalculated.').waitFor();
  // Business hours are shown with the default calendar.
  await page.getByRole('form', { name: 'Business hours' }).getByLabel('Monday opens').waitFor();
  await screenshot(page, 'helpdesk-sla-settings.png');
};

const sameDocument = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

const priority = (page: Page) => page.getByRole('combobox', { name: 'Priority' });
const firstResponseDue = (page: Page) => page.getByTestId('sla-first-response-due');

describe('Helpdesk', () => {
  it('shows two agents on one ticket each other, and a priority change with its new SLA due time live to the other', async () => {
    const dana = await pages.open('dana');
    await signUp(dana, 'Dana Scully');
    const ben = await inviteAgent(dana, 'Ben Okafor');
    await setSlaTargets(dana);
    await mainNav(ben, 'Tickets');
    await ben.getByText('No open tickets').waitFor();
    await sameDocument(ben);

    // Dana opens a ticket from the list's dialog and gives it to Ben.
    await mainNav(dana, 'Tickets');
    await dana.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
    await dana.getByText('No open tickets').waitFor();
    await dana.getByRole('button', { name: 'New ticket' }).click();
    const form = dana.getByRole('form', { name: 'New ticket' });
    await form.getByLabel('Subject').fill('Printer on fire in the Leeds office');
    await form.getByLabel('Description').fill('The HP LaserJet on floor 2 started smoking during a print job. Nobody hurt; it is unplugged.');
    await form.getByLabel('Priority').selectOption('NORMAL');
    await form.getByLabel('Assignee').selectOption({ label: 'Ben Okafor' });
    await form.getByLabel('Tags').fill('hardware, leeds');
    await form.getByRole('button', { name: 'Create ticket' }).click();
    await dana.getByTestId('ticket-subject').filter({ hasText: 'Printer on fire in the Leeds office' }).waitFor();
    expect(await priority(dana).inputValue()).toBe('NORMAL');

    // Ben's list shows it as it is created, counted, and he is told live; he follows the notification to the ticket.
    await ben.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: 'Printer on fire in the Leeds office' }).waitFor();
    expect(await ben.getByTestId('ticket-total').textContent()).toBe('1');
    await ben.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const assigned = ben.getByRole('menu', { name: 'Notifications' }).getByRole('menuitem', { name: /Dana Scully assigned #\d+ to you/ });
    await assigned.waitFor();
    await screenshot(ben, 'helpdesk-notifications.png');
    await assigned.click();
    await ben.getByTestId('ticket-subject').filter({ hasText: 'Printer on fire in the Leeds office' }).waitFor();
    await ben.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

    // The AI's analysis arrives on both screens.
    for (const page of [dana, ben]) await page.getByTestId('ai-summary').filter({ hasText: ANALYSIS.summary }).waitFor();

    // Each sees the other on the ticket.
    await ben.getByRole('group', { name: /Dana Scully is viewing/ }).waitFor();
    await dana.getByRole('group', { name: /Ben Okafor is viewing/ }).waitFor();
    for (const page of [dana, ben]) await sameDocument(page);

    const dueBefore = await firstResponseDue(ben).getAttribute('data-due-at');
    expect(dueBefore).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await firstResponseDue(dana).getAttribute('data-due-at')).toBe(dueBefore);

    // Dana makes it urgent. Her SLA moves to the urgent target once the server has it…
    await priority(dana).selectOption('URGENT');
    await dana.waitForFunction((before) => {
      const due = document.querySelector('[data-testid="sla-first-response-due"]')?.getAttribute('data-due-at');
      return due && due !== before;
    }, dueBefore);
    const dueAfter = await firstResponseDue(dana).getAttribute('data-due-at');
    // Urgent's 30 minutes end before normal's 8 hours.
    expect(Date.parse(dueAfter!)).toBeLessThan(Date.parse(dueBefore!));

    // …and Ben sees the new priority and the same new due time without reloading.
    await ben.locator('.ticket-head [data-testid="ticket-priority"][data-priority="URGENT"]').waitFor();
    await ben.waitForFunction((after) => document.querySelector('[data-testid="sla-first-response-due"]')?.getAttribute('data-due-at') === after, dueAfter);
    expect(await priority(ben).inputValue()).toBe('URGENT');
    await ben.getByTestId('ticket-activity').filter({ hasText: 'Dana Scully changed priority from Normal to Urgent' }).waitFor();
    // The AI suggested urgent: nothing left to apply.
    await ben.getByTestId('ai-panel').getByText('matches').waitFor();
    await ben.getByRole('group', { name: /Dana Scully is (viewing|editing)/ }).waitFor();
    await screenshot(ben, 'helpdesk-ticket.png');

    // Ben's list shows it urgent too, still in the same page load.
    await mainNav(ben, 'Tickets');
    const row = ben.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: 'Printer on fire in the Leeds office' });
    await row.locator('[data-testid="ticket-priority"][data-priority="URGENT"]').waitFor();
    await row.getByTestId('sla-badge').filter({ hasText: /Due in|At risk/ }).waitFor();
    await screenshot(ben, 'helpdesk-list.png');
    for (const page of [dana, ben]) expect(await stillSameDocument(page)).toBe(true);

    expect(pages.problems).toEqual([]);
  }, JOURNEY_MS);

  it('turns a conversation into a ticket whose replies go out on WhatsApp, and changes tickets in bulk', async () => {
    const dana = await pages.open('dana');
    await signUp(dana, 'Dana Scully');
    const target = await connectChannel(dana);
    await setSlaTargets(dana);

    const ana = { phone: randomContactPhone(), name: 'Ana Silva' };
    const question = 'Hi, the chair from order #1042 arrived with a broken leg. Can I get a replacement?';
    expect(await postSigned(target, inboundTextPayload(target, [{ from: ana.phone, name: ana.name, body: question }]))).toBe(200);

    // From the conversation's header: a prefilled ticket that links back and carries the transcript.
    await mainNav(dana, 'Inbox');
    await dana.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: ana.name }).click();
    await dana.getByRole('log', { name: `Messages with ${ana.name}` }).waitFor();
    await dana.locator('.conv-header').getByRole('button', { name: 'Create ticket' }).click();
    const form = dana.getByRole('form', { name: 'New ticket' });
    expect(await form.getByLabel('Subject').inputValue()).toBe(`WhatsApp: ${ana.name}`);
    await screenshot(dana, 'helpdesk-create-from-conversation.png');
    await form.getByLabel('Priority').selectOption('HIGH');
    await form.getByRole('button', { name: 'Create ticket' }).click();
    await dana.getByTestId('ticket-subject').filter({ hasText: `WhatsApp: ${ana.name}` }).waitFor();
    await dana.getByRole('article', { name: 'Description' }).getByText(question, { exact: false }).waitFor();
    await dana.getByRole('link', { name: 'Conversation' }).waitFor();
    await dana.getByTestId('sla-first-response').and(dana.locator('[data-state="running"]')).waitFor();

    // A public reply goes to Ana on WhatsApp and stops the first-response clock.
    const reply = 'So sorry about that, Ana! A replacement chair ships tomorrow.';
    await dana.getByRole('textbox', { name: 'Public reply' }).fill(reply);
    await dana.getByRole('button', { name: 'Send reply' }).click();
    const comment = dana.getByTestId('ticket-comment').filter({ hasText: reply });
    await comment.getByText('Replied on WhatsApp').waitFor();
    await expect.poll(() => graph.sends.some((send) => JSON.stringify(send).includes(reply))).toBe(true);
    await dana.getByTestId('sla-first-response').and(dana.locator('[data-state="met"]')).waitFor();
    // An internal note stays inside.
    await dana.getByRole('tab', { name: 'Internal note' }).click();
    await dana.getByRole('textbox', { name: 'Internal note' }).fill('Repeat customer, be generous.');
    await dana.getByRole('button', { name: 'Add note' }).click();
    await dana.getByTestId('ticket-comment').filter({ hasText: 'Repeat customer, be generous.' }).getByText('Internal note').waitFor();
    await screenshot(dana, 'helpdesk-from-conversation.png');

    // A second ticket from the list (keyboard: C), then both set to pending at once.
    await mainNav(dana, 'Tickets');
    const table = dana.getByRole('table', { name: 'Tickets' });
    await table.getByRole('row').filter({ hasText: `WhatsApp: ${ana.name}` }).waitFor();
    await dana.keyboard.press('c');
    const second = dana.getByRole('form', { name: 'New ticket' });
    await second.getByLabel('Subject').fill('Invoice shows the wrong VAT number');
    await second.getByRole('button', { name: 'Create ticket' }).click();
    await dana.getByTestId('ticket-subject').filter({ hasText: 'Invoice shows the wrong VAT number' }).waitFor();
    await dana.getByRole('link', { name: 'Back to tickets' }).click();
    await expect.poll(() => dana.getByTestId('ticket-total').textContent()).toBe('2');
    await dana.getByRole('checkbox', { name: 'Select all loaded tickets' }).check();
    await dana.getByRole('toolbar', { name: 'Bulk actions' }).getByText('2 selected').waitFor();
    await dana.getByLabel('Set status of selected').selectOption('PENDING');
    await dana.getByTestId('bulk-outcome').getByText('2 tickets updated.').waitFor();
    for (const subject of [`WhatsApp: ${ana.name}`, 'Invoice shows the wrong VAT number']) {
      await table.getByRole('row').filter({ hasText: subject }).locator('[data-testid="ticket-status"][data-status="PENDING"]').waitFor();
    }
    // Paused clocks say so; the filter narrows the list with a real total.
    await table.getByRole('row').filter({ hasText: 'Invoice shows the wrong VAT number' }).getByTestId('sla-badge').filter({ hasText: 'Paused' }).waitFor();
    await dana.getByRole('button', { name: /^Status:/ }).click();
    await dana.getByRole('menuitemcheckbox', { name: 'New' }).click();
    await dana.getByRole('menuitemcheckbox', { name: 'Open' }).click();
    await dana.keyboard.press('Escape');
    await expect.poll(() => dana.getByTestId('ticket-total').textContent()).toBe('2');
    expect(new URL(dana.url()).searchParams.get('status')).toBe('PENDING');
    await dana.getByRole('button', { name: /^Priority:/ }).click();
    await dana.getByRole('menuitemcheckbox', { name: 'High' }).click();
    await dana.keyboard.press('Escape');
    await expect.poll(() => dana.getByTestId('ticket-total').textContent()).toBe('1');
    await table.getByRole('row').filter({ hasText: `WhatsApp: ${ana.name}` }).waitFor();
    await screenshot(dana, 'helpdesk-bulk.png');
    expect(pages.problems).toEqual([]);
  }, JOURNEY_MS);
});
