import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { createPersona } from '../support/ai.ts';
import { createLead } from '../support/crm.ts';
import { addMember, createWorkspace } from '../support/factories.ts';
import { connectCloudChannel } from '../support/whatsapp.ts';
import { launchBrowser, Pages, PASSWORD, screenshot, startServer, type ServerProcess } from './harness.ts';
import { randomContactPhone } from './whatsapp-fixtures.ts';

let server: ServerProcess;
let browser: Browser | undefined;
let graph: FakeGraph;
let openai: FakeOpenAi;
let pages: Pages;

beforeAll(async () => {
  graph = await startFakeGraph();
  openai = await startFakeOpenAi();
  openai.setFallback(() => ({ kind: 'text', text: 'Happy to help! Which order is it about?' }));
  // Analytics read rollups refreshed one debounce window after each event: a short window here
  // keeps that lag far shorter than the UI steps between the takeover and the Analytics page.
  server = await startServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, AI_DEBOUNCE_MS: '100', STATS_DEBOUNCE_MS: '50' } });
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

const signIn = async (page: Page, email: string) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor();
};

const mainNav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area, exact: true }).click();
/** Waits until a live number reads `value`: it can only get there by a push (the page never refetches). */
const number = (page: Page, testId: string, value: string) => page.locator(`[data-testid="${testId}"]`).filter({ hasText: new RegExp(`^${value}$`) }).waitFor();

/** A workspace set up through the API: an AI persona on a channel, a supervisor and an agent. */
const workspace = async () => {
  const { admin } = await createWorkspace(server.url, 'Northwind');
  const { target } = await connectCloudChannel(admin, { appUrl: server.url, graphUrl: graph.url });
  await createPersona(admin);
  const sue = await addMember(server.url, admin, 'SUPERVISOR', 'Sue Supervisor');
  const ben = await addMember(server.url, admin, 'AGENT', 'Ben Okafor');
  return { target, sue, ben };
};

describe('Live operations dashboard', () => {
  it('moves when a customer writes and when an agent takes over, without reloading; agents are not allowed in', async () => {
    const { target, sue, ben } = await workspace();
    const supervisor = await pages.open('sue');
    await signIn(supervisor, sue.email);
    await mainNav(supervisor, 'Live');
    await supervisor.getByRole('heading', { level: 1, name: 'Live operations' }).waitFor();
    await number(supervisor, 'live-owner-ai', '0');
    await number(supervisor, 'live-today-inbound', '0');

    // Ben signs in: his dot turns green on Sue's screen.
    const agent = await pages.open('ben');
    await signIn(agent, ben.email);
    const benRow = supervisor.locator(`[data-testid="live-agent"][data-user-id="${ben.me.user.id}"]`);
    await benRow.and(supervisor.locator('[data-status="online"]')).waitFor();
    // The agent has no Live entry, and the page itself says no.
    expect(await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live', exact: true }).count()).toBe(0);
    await agent.goto('/dashboard');
    await agent.getByTestId('not-allowed').getByText('Live operations is for supervisors and admins').waitFor();

    // A customer writes (a signed webhook): the AI owns it, Sue's numbers move.
    const customer = { phone: randomContactPhone(), name: 'Ana Silva' };
    expect(await postSigned(target, inboundTextPayload(target, [{ from: customer.phone, name: customer.name, body: 'Hi! My chair arrived broken.' }]))).toBe(200);
    await number(supervisor, 'live-owner-ai', '1');
    await number(supervisor, 'live-today-inbound', '1');
    await number(supervisor, 'live-today-newConversations', '1');
    await number(supervisor, 'live-today-aiReplies', '1');

    // Ben takes over in his inbox: Sue sees it move from the AI to a person.
    await mainNav(agent, 'Inbox');
    await agent.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: customer.name }).click();
    await agent.locator('.conv-header').getByRole('button', { name: /Take over/ }).click();
    await number(supervisor, 'live-owner-ai', '0');
    await number(supervisor, 'live-owner-human', '1');
    await number(supervisor, 'live-today-takeovers', '1');
    await benRow.getByTestId('live-agent-open').filter({ hasText: /^1$/ }).waitFor();
    // A lead's follow-up due two days ago: the email and task panel counts it overdue, by push.
    const lead = await createLead(sue.member, { name: 'Lee Lead' });
    await sue.member.http.task.create.mutate({ contactId: lead.id, title: 'Call back', dueAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    await number(supervisor, 'live-crm-tasksOverdue', '1');
    await screenshot(supervisor, 'dashboard-live.png');

    // The number drills into the conversation behind it.
    await supervisor.getByTestId('live-owner-human').click();
    await supervisor.getByTestId('drill-drawer').getByTestId('drill-row').filter({ hasText: customer.name }).waitFor();
    await supervisor.keyboard.press('Escape');

    // Analytics: the range's figures, every number a list.
    await mainNav(supervisor, 'Analytics');
    await number(supervisor, 'an-conversations', '1');
    await supervisor.getByTestId('volume-chart').locator('svg').first().waitFor();
    await supervisor.getByTestId('an-takeover-rate').click();
    await supervisor.getByTestId('drill-drawer').getByTestId('drill-row').filter({ hasText: customer.name }).waitFor();
    await screenshot(supervisor, 'dashboard-analytics-drill.png');
    await supervisor.keyboard.press('Escape');
    // Lead pipeline: the WhatsApp contact and the lead, each a contact behind the number.
    await number(supervisor, 'an-lead-ALL-created', '2');
    await supervisor.getByTestId('an-lead-ALL-created').click();
    await supervisor.getByTestId('drill-drawer').getByTestId('drill-row').filter({ hasText: 'Lee Lead' }).waitFor();
    await supervisor.keyboard.press('Escape');
    await screenshot(supervisor, 'dashboard-analytics.png');

    expect(pages.problems).toEqual([]);
  });
});
