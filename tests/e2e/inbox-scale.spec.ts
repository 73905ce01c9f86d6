import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { ApiUser } from '../support/api-client.ts';
import { connectCloudChannel } from '../support/whatsapp.ts';
import { launchBrowser, Pages, PASSWORD, startServer, unique, type ServerProcess } from './harness.ts';

/** The inbox with 10,000 conversations: a bounded DOM, pages loaded as you scroll, live moves without refetching. */

const CONVERSATIONS = 10_000;

let server: ServerProcess;
let browser: Browser | undefined;
let graph: FakeGraph;
let pages: Pages;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  graph = await startFakeGraph();
});

afterAll(async () => {
  await browser?.close();
  await graph?.stop();
  if (server) await server.stop();
});

beforeEach(() => {
  pages = new Pages(browser!, server.url);
});

afterEach(async () => {
  await pages.close();
});

/** Seeds conversations straight into the database: posting 10,000 webhooks would test the webhook, not the inbox. */
const seedConversations = async (tenantId: string, channelId: string) => {
  const db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  try {
    await db.query(
      `WITH contacts AS (
         INSERT INTO "Contact" (id, "tenantId", phone, name, "updatedAt")
         SELECT gen_random_uuid(), $1, '+1777' || lpad(g::text, 7, '0'), 'Load Test ' || lpad(g::text, 5, '0'), now()
         FROM generate_series(1, $3::int) g
         RETURNING id, phone
       )
       INSERT INTO "Conversation" (id, "tenantId", "channelId", "contactId", "lastMessageAt", "lastMessagePreview",
                                   "lastMessageDirection", "lastInboundAt", "unreadCount", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, c.id, now() - (substring(c.phone, 6)::int * interval '1 minute'),
              'Message number ' || substring(c.phone, 6)::int, 'INBOUND', now() - (substring(c.phone, 6)::int * interval '1 minute'), 1,
              now() - interval '30 days', now()
       FROM contacts c`,
      [tenantId, channelId, CONVERSATIONS],
    );
  } finally {
    await db.end();
  }
};

const signUp = async (page: Page) => {
  await page.goto('/signup');
  await page.getByLabel('Workspace name').fill(`Busy Shop ${unique()}`);
  await page.getByLabel('Your name').fill('Load Tester');
  await page.getByLabel('Work email').fill(`load-${unique()}@example.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor();
};

describe('A busy inbox', () => {
  it('stays small in the DOM with 10,000 conversations, pages as it scrolls and moves rows live', async () => {
    const page = await pages.open('agent');
    await signUp(page);
    const api = new ApiUser(server.url);
    api.cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const { channel, target } = await connectCloudChannel(api, { appUrl: server.url, graphUrl: graph.url });
    const me = await api.http.auth.me.query();
    await seedConversations(me.workspace.id, channel.id);

    await page.reload();
    const rows = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
    await page.getByTestId('inbox-total').filter({ hasText: '10,000' }).waitFor();
    await rows.filter({ hasText: 'Load Test 00001' }).waitFor();
    expect(await rows.count()).toBeLessThan(40);

    // Scroll a long way in steps, as a reader would: the list stays virtual the whole way (frame
    // times are measured by `npm run bench`, not asserted here).
    const mostRowsRendered = await page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('.conv-scroll')!;
      let most = 0;
      for (let i = 0; i < 150; i++) {
        scroller.scrollTop += 240;
        await new Promise(requestAnimationFrame);
        most = Math.max(most, scroller.querySelectorAll('[role="listitem"]').length);
      }
      return most;
    });
    expect(mostRowsRendered).toBeGreaterThan(0);
    expect(mostRowsRendered).toBeLessThan(40);
    // Keep going to the end of what is loaded: each time, the next page arrives and the list grows.
    const deepest = () =>
      page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('.conv-scroll')!;
        scroller.scrollTop = scroller.scrollHeight;
        const names = [...scroller.querySelectorAll('.conv-name')].map((n) => Number(n.textContent?.replace(/\D/g, '')));
        return Math.max(...names);
      });
    await expect.poll(deepest, { timeout: 20_000 }).toBeGreaterThanOrEqual(400);
    expect(await rows.count()).toBeLessThan(40);

    // A customer far down the list writes again: the row jumps to the top and the total stays (re-counted, not refetched).
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('.conv-scroll')!.scrollTop = 0;
    });
    // Let the page fetches the scrolling asked for finish first.
    await page.waitForLoadState('networkidle');
    const listRequests: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('conversation.list')) listRequests.push(req.url());
    });
    const body = 'Hello again, is my order ready?';
    expect(await postSigned(target, inboundTextPayload(target, [{ from: '+17770009000', name: 'Load Test 09000', body }]))).toBe(200);
    await expect.poll(() => rows.first().textContent()).toContain('Load Test 09000');
    await page.getByTestId('inbox-total').filter({ hasText: '10,000' }).waitFor();
    // The event cannot say whether the row was counted already: one single-row request re-counts; no page is refetched.
    await expect.poll(() => listRequests.length).toBe(1);
    expect(decodeURIComponent(listRequests[0]!)).toContain('"limit":1');
    await api.close();
    expect(pages.problems).toEqual([]);
  });
});
