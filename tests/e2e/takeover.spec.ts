import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned, type CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { launchBrowser, Pages, PASSWORD, screenshot, startServer, unique, type ServerProcess } from './harness.ts';
import { randomContactPhone, randomPhoneNumberId, randomSecret } from './whatsapp-fixtures.ts';

let server: ServerProcess;
let browser: Browser | undefined;
let graph: FakeGraph;
let openai: FakeOpenAi;
let pages: Pages;

const AI_REPLY = 'I am sorry your order arrived damaged! I can arrange a replacement: could you send a photo of the box?';
const SUGGESTION = 'Thanks for your patience, Ana. I have booked a free replacement for order 1042; it ships tomorrow with express delivery.';

beforeAll(async () => {
  graph = await startFakeGraph();
  openai = await startFakeOpenAi();
  // The AI's own replies come with the handoff tool; suggestions do not, and stream slowly enough to watch.
  openai.setFallback((request) => (request.tools?.length ? { kind: 'text', text: AI_REPLY } : { kind: 'text', text: SUGGESTION, chunkDelayMs: 30 }));
  server = await startServer({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, AI_DEBOUNCE_MS: '100', PRESENCE_TTL_MS: '3000' },
  });
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

/** Settings → AI agents: a default, active persona answering the channel. */
const createPersona = async (page: Page) => {
  await mainNav(page, 'AI agents');
  await page.getByRole('heading', { level: 1, name: 'AI agents' }).waitFor();
  await page.getByText('No AI agents yet').waitFor();
  expect(await page.getByText('The AI is offline').count()).toBe(0);
  await page.getByRole('button', { name: 'New AI agent' }).first().click();
  const form = page.getByRole('form', { name: 'New AI agent' });
  await form.getByLabel('Name').fill('Nova');
  await form.getByLabel('Role').selectOption('SUPPORT');
  await form.getByLabel('Personality').fill('Warm, brief and practical. Answers in the customer’s language and never promises refunds.');
  await form.getByLabel('Business knowledge').fill('Northwind sells furniture. Damaged deliveries are replaced for free within 30 days.');
  await form.getByLabel('Objectives').fill('Solve delivery problems in the chat; hand over to a person when the customer asks for one.');
  await form.getByLabel('Temperature').fill('0.3');
  expect(await form.getByLabel('Active').isChecked()).toBe(true);
  expect(await form.getByLabel('Workspace default').isChecked()).toBe(true);
  await form.getByLabel(/Support line/).check();
  await form.getByRole('button', { name: 'Create AI agent' }).click();
  const card = page.getByRole('article', { name: 'Nova' });
  await card.getByText('Default').waitFor();
  await card.getByText('Support line').waitFor();
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

const row = (page: Page, name: string) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: name });
const bubble = (page: Page, text: string) => page.getByTestId('thread').locator('[data-message-id]').filter({ hasText: text });
const owner = (page: Page) => page.getByTestId('conversation-owner').getByTestId('owner-badge');
const composer = (page: Page) => page.locator('textarea.composer-input');

describe('Taking over from the AI', () => {
  it('lets one agent take over from the AI while another watches live: owner, presence, typing, notes, a streamed suggestion, hand-back', async () => {
    const dana = await pages.open('dana');
    await signUp(dana, 'Dana Scully');
    const target = await connectChannel(dana);
    await createPersona(dana);
    const ben = await inviteAgent(dana, 'Ben Okafor');

    // A customer writes; the AI owns the new conversation and answers first.
    const ana = { phone: randomContactPhone(), name: 'Ana Silva' };
    const question = 'Hi, my order #1042 arrived with a broken leg on the chair. Can I get a replacement?';
    expect(await postSigned(target, inboundTextPayload(target, [{ from: ana.phone, name: ana.name, body: question }]))).toBe(200);
    for (const page of [dana, ben]) {
      await mainNav(page, 'Inbox');
      await row(page, ana.name).getByTestId('owner-badge').filter({ hasText: 'AI agent' }).waitFor();
      await row(page, ana.name).click();
      await page.getByRole('log', { name: `Messages with ${ana.name}` }).waitFor();
      const aiMessage = bubble(page, AI_REPLY);
      await aiMessage.getByText('Nova').waitFor();
      await aiMessage.getByText('AI agent').waitFor();
      await owner(page).filter({ hasText: 'Nova · AI' }).waitFor();
      await page.getByTestId('composer-lock').getByText('The AI agent is answering').waitFor();
      await page.evaluate(() => {
        (window as unknown as { sameDocument?: boolean }).sameDocument = true;
      });
    }
    // Each sees the other viewing.
    await ben.getByRole('group', { name: 'Dana Scully is viewing' }).waitFor();
    await dana.getByRole('group', { name: 'Ben Okafor is viewing' }).waitFor();

    // Dana takes over: Ben sees the new owner and a closed composer without reloading.
    await dana.locator('.conv-header').getByRole('button', { name: /Take over/ }).click();
    await owner(dana).filter({ hasText: 'You' }).waitFor();
    await owner(ben).filter({ hasText: 'Dana Scully' }).waitFor();
    await ben.getByTestId('composer-lock').getByText('Dana Scully owns this conversation.').waitFor();
    expect(await ben.getByTestId('composer-lock').getByRole('button', { name: /Take over/ }).count()).toBe(0);
    await ben.getByTestId('ownership-event').filter({ hasText: 'Dana Scully took over from the AI' }).waitFor();
    await dana.getByTestId('ownership-event').filter({ hasText: 'You took over from the AI' }).waitFor();
    await row(ben, ana.name).getByTestId('owner-badge').filter({ hasText: 'Dana Scully' }).waitFor();

    // Dana types; Ben sees it.
    await composer(dana).pressSequentially('Let me check that', { delay: 20 });
    await ben.getByTestId('typing-indicator').filter({ hasText: 'Dana is typing…' }).waitFor();
    await screenshot(ben, 'takeover.png');

    // Suggest reply streams the persona's draft token by token into Dana's composer.
    await composer(dana).fill('');
    await dana.getByRole('button', { name: /Suggest reply/ }).click();
    await dana.locator('form[data-streaming]').waitFor();
    const partial = await dana.waitForFunction(
      (full) => {
        const value = document.querySelector<HTMLTextAreaElement>('textarea.composer-input')?.value ?? '';
        return value.length > 0 && value.length < full.length ? value : null;
      },
      SUGGESTION,
      { polling: 'raf' },
    );
    expect(SUGGESTION.startsWith(String(await partial.jsonValue()))).toBe(true);
    await expect.poll(() => composer(dana).inputValue()).toBe(SUGGESTION);
    await dana.locator('form[data-streaming]').waitFor({ state: 'detached' });
    // In the box now, not offered again as a card.
    expect(await dana.getByTestId('ai-draft').count()).toBe(0);
    await composer(dana).press('Enter');
    const reply = bubble(dana, SUGGESTION);
    await reply.getByRole('img', { name: 'Sent' }).waitFor();
    await bubble(ben, SUGGESTION).getByText('Dana Scully').waitFor();

    // Anyone may leave an internal note: Ben switches to Note (Alt+N); Dana sees him writing it, then the note, never sent.
    await ben.keyboard.press('Alt+KeyN');
    await ben.getByRole('tab', { name: 'Note' }).and(ben.locator('[aria-selected="true"]')).waitFor();
    await composer(ben).pressSequentially('Customer is a repeat buyer', { delay: 20 });
    await dana.getByTestId('typing-indicator').filter({ hasText: 'Ben is writing a note…' }).waitFor();
    await composer(ben).press('Enter');
    const note = bubble(dana, 'Customer is a repeat buyer');
    await note.getByText('Internal note').waitFor();
    expect(await note.getAttribute('data-note')).toBe('true');
    expect(await note.locator('.ticks').count()).toBe(0);
    await ben.keyboard.press('Alt+KeyR');
    await ben.getByTestId('composer-lock').waitFor();

    // Ben rates the AI's answer.
    await bubble(ben, AI_REPLY).getByRole('button', { name: 'Helpful', exact: true }).click();
    await bubble(ben, AI_REPLY).getByText('Thanks for rating').waitFor();

    // The owner's menu offers the queue and every teammate.
    await dana.getByRole('button', { name: 'Assign' }).click();
    const menu = dana.getByRole('menu', { name: 'Change owner' });
    await menu.getByRole('menuitem', { name: 'Release to queue' }).waitFor();
    await menu.getByRole('menuitem', { name: 'Ben Okafor' }).waitFor();
    await dana.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // Dana hands back: both see the AI own it again.
    await dana.locator('.conv-header').getByRole('button', { name: 'Hand back to AI' }).click();
    for (const page of [dana, ben]) {
      await owner(page).filter({ hasText: 'Nova · AI' }).waitFor();
      await page.getByTestId('composer-lock').getByText('The AI agent is answering').waitFor();
    }
    await ben.getByTestId('ownership-event').filter({ hasText: 'Dana Scully handed the conversation back to the AI' }).waitFor();
    for (const page of [dana, ben]) expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // The customer writes again and the AI starts a slow answer; Dana takes over (T) while it streams.
    // The fenced-out answer is not sent: it becomes a draft Dana can use.
    const stopped = 'Of course! For a replacement I will need the order number and a photo, and then our team will ship a new chair within two days.';
    openai.setFallback((request) => (request.tools?.length ? { kind: 'text', text: stopped, chunkDelayMs: 150 } : { kind: 'text', text: SUGGESTION }));
    const followUp = 'Also, can you deliver it on Saturday?';
    const aiStarted = new Promise<void>((started) =>
      openai.onRequest((request) => {
        if (request.tools?.length && request.messages.some((m) => m.content?.includes(followUp))) started();
      }),
    );
    expect(await postSigned(target, inboundTextPayload(target, [{ from: ana.phone, name: ana.name, body: followUp }]))).toBe(200);
    await bubble(dana, followUp).waitFor();
    await aiStarted;
    await dana.keyboard.press('t');
    await owner(dana).filter({ hasText: 'You' }).waitFor();
    const draft = dana.getByTestId('ai-draft');
    await draft.getByText('The reply the AI was writing when you took over').waitFor();
    await draft.getByText(stopped).waitFor();
    await draft.getByRole('button', { name: 'Use' }).click();
    await expect.poll(() => composer(dana).inputValue()).toBe(stopped);
    await draft.waitFor({ state: 'detached' });
    expect(await bubble(ben, stopped).count()).toBe(0);

    // The persona's page counts the rating.
    await mainNav(dana, 'AI agents');
    await dana.getByRole('article', { name: 'Nova' }).getByText('100 % helpful · 1 rating').waitFor();
    await screenshot(dana, 'ai-agents.png');
    expect(pages.problems).toEqual([]);
  });
});
