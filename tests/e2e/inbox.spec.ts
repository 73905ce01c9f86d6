import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned, statusPayload, type CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph, type GraphSend } from '../../server/dev/fake-graph-server.ts';
import { ApiUser } from '../support/api-client.ts';
import { connectCloudChannel } from '../support/whatsapp.ts';
import { launchBrowser, Pages, PASSWORD, screenshot, startServer, unique, type ServerProcess } from './harness.ts';
import {
  inboundPayload,
  randomContactPhone,
  randomPhoneNumberId,
  randomSecret,
  samplePng,
  startGraphGate,
  type GraphGate,
} from './whatsapp-fixtures.ts';

let server: ServerProcess;
let browser: Browser | undefined;
let graph: FakeGraph;
let gate: GraphGate;
let pages: Pages;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  graph = await startFakeGraph();
  gate = await startGraphGate(graph.url);
});

afterAll(async () => {
  await browser?.close();
  await gate?.close();
  await graph?.stop();
  if (!server) return;
  const died = server.child.exitCode;
  const exit = await server.stop();
  expect(died, `the server died during the run:\n${server.output.join('\n')}`).toBeNull();
  expect(exit, server.output.slice(-20).join('\n')).toEqual({ code: 0, signal: null });
});

beforeEach(() => {
  pages = new Pages(browser!, server.url);
});

afterEach(async () => {
  gate.release();
  await pages.close();
});

const nav = (page: Page, area: 'Inbox' | 'Channels') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area }).click();

/** Signs up in the browser; a new workspace lands in its (empty) inbox. */
const signUp = async (page: Page, name: string) => {
  await page.goto('/signup');
  await page.getByLabel('Workspace name').fill(`Acme Support ${unique()}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(`agent-${unique()}@example.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor();
};

/** Connects a Cloud API number through Settings → Channels, pointed at the gated fake Graph API. */
const connectChannel = async (page: Page): Promise<CloudTarget> => {
  const phoneNumber = randomContactPhone();
  const phoneNumberId = randomPhoneNumberId();
  const appSecret = randomSecret();
  await nav(page, 'Channels');
  await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor();
  await page.getByText('No WhatsApp number connected').waitFor();
  await page.getByRole('button', { name: 'Connect WhatsApp' }).first().click();
  const form = page.getByRole('form', { name: 'Connect WhatsApp' });
  await form.getByLabel('Channel name').fill('Support line');
  await form.getByLabel('Phone number', { exact: true }).fill(phoneNumber);
  await form.getByLabel('Phone number ID').fill(phoneNumberId);
  await form.getByLabel('Access token').fill('test-access-token');
  await form.getByLabel('App secret').fill(appSecret);
  await form.getByText('Graph API settings').click();
  await form.getByLabel('Graph API base URL').fill(gate.url);
  await form.getByRole('button', { name: 'Connect channel' }).click();
  await page.getByText('Support line is connected.').waitFor();
  const webhookUrl = await page.getByRole('textbox', { name: 'Webhook URL' }).inputValue();
  expect(webhookUrl).toBe(`${server.url}/webhooks/whatsapp/cloud`);
  return { phoneNumberId, displayPhoneNumber: phoneNumber, appSecret, webhookUrl };
};

const conversationRow = (page: Page, name: string) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: name });
const bubble = (page: Page, text: string) => page.getByTestId('thread').locator('[data-message-id]').filter({ hasText: text });
const nextSend = () => new Promise<GraphSend>((sent) => graph.onSend(sent));

describe('The inbox in the browser', () => {
  it('shows a customer message live and a reply’s ticks advancing to read', async () => {
    const page = await pages.open('agent');
    await signUp(page, 'Dana Scully');
    const target = await connectChannel(page);

    await nav(page, 'Inbox');
    await page.getByText('Inbox zero').waitFor();
    await page.evaluate(() => {
      (window as unknown as { sameDocument?: boolean }).sameDocument = true;
    });

    // A customer writes; the conversation appears without a reload.
    const ana = { phone: randomContactPhone(), name: 'Ana Silva' };
    const question = 'Hi! Is the Aurora sofa still available in navy? Photos here: https://example.com/aurora';
    // WhatsApp timestamps have second resolution: space the messages out so the order is certain.
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    expect(await postSigned(target, inboundTextPayload(target, [{ from: ana.phone, name: ana.name, body: question, at: minutesAgo(3) }]))).toBe(200);
    const anaRow = conversationRow(page, ana.name);
    await anaRow.getByText('Hi! Is the Aurora sofa').waitFor();
    await anaRow.getByLabel('1 unread').waitFor();
    await page.getByTestId('inbox-total').filter({ hasText: '1' }).waitFor();

    // Some more traffic, for a realistic screenshot: a photo with a caption, a location, another contact.
    graph.media.set('media-sofa-photo', { mimeType: 'image/png', bytes: samplePng() });
    const ben = { phone: randomContactPhone(), name: 'Ben Okafor' };
    expect(await postSigned(target, inboundTextPayload(target, [{ from: ben.phone, name: ben.name, body: 'Can I change the delivery address on order #1042?', at: minutesAgo(2) }]))).toBe(200);
    await conversationRow(page, ben.name).waitFor();
    const firstRow = () => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first().textContent();
    await expect.poll(firstRow).toContain(ben.name);
    expect(
      await postSigned(
        target,
        inboundPayload(target, ana, [
          { type: 'image', image: { id: 'media-sofa-photo', mime_type: 'image/png', caption: 'This one, in the corner' } },
          { type: 'location', location: { latitude: 38.7223, longitude: -9.1393, name: 'Showroom Lisbon', address: 'Rua Augusta 100' } },
        ]),
      ),
    ).toBe(200);
    await anaRow.getByLabel('3 unread').waitFor();
    // The newest activity is on top.
    await expect.poll(firstRow).toContain(ana.name);
    await page.getByTestId('inbox-total').filter({ hasText: '2' }).waitFor();

    // Open it: the thread shows text (with its link), the photo through our media proxy, the location.
    await anaRow.click();
    await page.getByRole('log', { name: `Messages with ${ana.name}` }).waitFor();
    await bubble(page, 'Aurora sofa').getByRole('link', { name: 'https://example.com/aurora' }).waitFor();
    const photo = bubble(page, 'This one, in the corner').getByRole('img');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await photo.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}$/);
    await bubble(page, 'Showroom Lisbon').getByRole('link', { name: /OpenStreetMap/ }).waitFor();
    // Opening it read it.
    await anaRow.getByLabel(/unread/).waitFor({ state: 'detached' });

    // Reply with Enter: "Sending" at once, then ✓ when the provider took it.
    gate.hold();
    const sent = nextSend();
    const reply = 'Yes, navy is in stock. Want me to reserve one for you?';
    await page.getByLabel(`Reply to ${ana.name}`).fill(reply);
    await page.getByLabel(`Reply to ${ana.name}`).press('Enter');
    const mine = bubble(page, reply);
    await mine.locator('[data-status="QUEUED"]').getByText('Sending').waitFor();
    await mine.getByText('Dana Scully').waitFor();
    gate.release();
    const { wamid } = await sent;
    await mine.getByRole('img', { name: 'Sent' }).waitFor();
    await anaRow.getByText(`You: ${reply}`).waitFor();

    // The customer's phone reports delivered, then read; the ticks follow live.
    expect(await postSigned(target, statusPayload(target, [{ id: wamid!, status: 'delivered', recipient: ana.phone }]))).toBe(200);
    await mine.getByRole('img', { name: 'Delivered' }).waitFor();
    expect(await postSigned(target, statusPayload(target, [{ id: wamid!, status: 'read', recipient: ana.phone }]))).toBe(200);
    const read = mine.getByRole('img', { name: 'Read' });
    await read.waitFor();
    expect(await read.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(47, 128, 237)');

    // The customer reacts to the reply: a badge on it, not a new line.
    const reaction = inboundPayload(target, ana, [{ type: 'reaction', reaction: { message_id: wamid, emoji: '👍' } }]);
    expect(await postSigned(target, reaction)).toBe(200);
    await mine.getByLabel('Reactions: 👍').waitFor();

    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(page, 'inbox.png');
    expect(pages.problems).toEqual([]);
  });

  it('offers templates once the 24-hour window has closed, and sends one', async () => {
    const page = await pages.open('admin');
    await signUp(page, 'Fox Mulder');
    const target = await connectChannel(page);
    await nav(page, 'Inbox');
    await page.getByText('Inbox zero').waitFor();

    const carla = { phone: randomContactPhone(), name: 'Carla Rossi' };
    const old = inboundTextPayload(target, [{ from: carla.phone, name: carla.name, body: 'Thanks, I will think about it.', at: new Date(Date.now() - 25 * 3600e3) }]);
    expect(await postSigned(target, old)).toBe(200);
    await conversationRow(page, carla.name).click();
    const picker = page.getByTestId('template-picker');
    await picker.getByText('The 24-hour window closed').waitFor();
    expect(await page.getByLabel(`Reply to ${carla.name}`).count()).toBe(0);

    // No templates yet: the picker says how to add one; an admin follows the link.
    await picker.getByText('No templates on this channel yet').waitFor();
    await picker.getByRole('link', { name: 'Settings → Channels' }).click();
    await page.getByRole('button', { name: 'Add template' }).click();
    const form = page.getByRole('form', { name: 'Add template' });
    await form.getByLabel('Name').fill('order_update');
    await form.getByLabel('Body').fill('Hi {{1}}, your order {{2}} is on its way. Reply here if anything changes.');
    await form.getByRole('button', { name: 'Add template' }).click();
    await page.getByRole('list', { name: 'Templates of Support line' }).getByText('order_update').waitFor();
    await screenshot(page, 'channels.png');

    await page.goBack();
    await page.getByRole('log', { name: `Messages with ${carla.name}` }).waitFor();
    await picker.getByLabel('Template').selectOption({ label: 'order_update · en_US' });
    await picker.getByLabel('Variable {{1}}').fill('Carla');
    await picker.getByLabel('Variable {{2}}').fill('#1042');
    await picker.getByText('Hi Carla, your order #1042 is on its way.').waitFor();

    const sent = nextSend();
    await picker.getByRole('button', { name: 'Send template' }).click();
    const mine = bubble(page, 'Hi Carla, your order #1042 is on its way.');
    await mine.getByText('Template · order_update').waitFor();
    const send = await sent;
    expect(send.body.type).toBe('template');
    await mine.getByRole('img', { name: 'Sent' }).waitFor();
    // Still outside the window: the picker stays, ready for the next one.
    await picker.getByLabel('Variable {{1}}').waitFor();
    await screenshot(page, 'template-window.png');
    expect(pages.problems).toEqual([]);
  });

  it('moves with the keyboard, finds message text, and resolves with E', async () => {
    const page = await pages.open('agent');
    await signUp(page, 'Walter Skinner');
    // Set up through the API as the signed-in browser user (its cookie), to keep this one quick.
    const api = new ApiUser(server.url);
    api.cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const { target } = await connectCloudChannel(api, { appUrl: server.url, graphUrl: gate.url });
    const people = [
      { phone: randomContactPhone(), name: 'Ava Novak', body: 'I would like a refund for the lamp', minutes: 3 },
      { phone: randomContactPhone(), name: 'Bo Haddad', body: 'Is the store open on Sunday?', minutes: 2 },
      { phone: randomContactPhone(), name: 'Cy Tanaka', body: 'Thanks for the quick delivery!', minutes: 1 },
    ];
    for (const p of people) {
      const at = new Date(Date.now() - p.minutes * 60_000);
      expect(await postSigned(target, inboundTextPayload(target, [{ from: p.phone, name: p.name, body: p.body, at }]))).toBe(200);
    }
    const rows = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
    await expect.poll(() => rows.allInnerTexts()).toEqual([
      expect.stringContaining('Cy Tanaka'),
      expect.stringContaining('Bo Haddad'),
      expect.stringContaining('Ava Novak'),
    ]);

    // j/k and the arrows move the selection; Enter opens it.
    const selected = page.locator('.conv-row[data-selected]');
    await page.keyboard.press('j');
    await selected.filter({ hasText: 'Cy Tanaka' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await selected.filter({ hasText: 'Ava Novak' }).waitFor();
    await page.keyboard.press('k');
    await selected.filter({ hasText: 'Bo Haddad' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('log', { name: 'Messages with Bo Haddad' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await selected.filter({ hasText: 'Ava Novak' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('log', { name: 'Messages with Ava Novak' }).waitFor();

    // "/" jumps to search, which looks into message text on the server; Esc clears it.
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Ava Novak')]);
    await page.getByTestId('inbox-total').filter({ hasText: /^1$/ }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => rows.count()).toBe(3);

    // A reply that cannot reach the server stays on screen with the reason and a retry (same client id: no duplicate).
    await page.route('**/trpc/conversation.sendText**', (route) => route.abort());
    await page.getByLabel('Reply to Ava Novak').fill('Of course, I am on it.');
    await page.getByLabel('Reply to Ava Novak').press('Enter');
    await page.getByText(/Not sent: Can.t reach Switchboard/).waitFor();
    await page.unroute('**/trpc/conversation.sendText**');
    await page.getByRole('button', { name: 'Retry' }).click();
    await bubble(page, 'Of course, I am on it.').getByRole('img', { name: 'Sent' }).waitFor();
    expect(await bubble(page, 'Of course, I am on it.').count()).toBe(1);
    await page.getByTestId('thread').click({ position: { x: 5, y: 5 } });

    // E resolves the open conversation: it leaves the Open list at once and shows under Resolved.
    await page.keyboard.press('e');
    await page.getByTestId('conversation-status').filter({ hasText: 'Resolved' }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('inbox-total').filter({ hasText: /^2$/ }).waitFor();
    await page.getByRole('button', { name: 'Resolved', exact: true }).click();
    await rows.filter({ hasText: 'Ava Novak' }).waitFor();
    await page.keyboard.press('e');
    await page.getByTestId('conversation-status').filter({ hasText: 'Open' }).waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await api.close();
    // The one request this test cut on purpose is the only thing the console may mention.
    expect(pages.problems.filter((p) => !p.includes('net::ERR_FAILED @') || !p.includes('conversation.sendText'))).toEqual([]);
  });
});
