import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, Pages, PASSWORD, screenshot, startFlakyNetwork, startServer, unique, type ServerProcess } from './harness.ts';

let server: ServerProcess;
let browser: Browser | undefined;
let pages: Pages;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  // Browsers first: a socket still open at shutdown would only reconnect into a closed port.
  await browser?.close();
  if (!server) return;
  const died = server.child.exitCode;
  const exit = await server.stop();
  expect(died, `the server died during the run:\n${server.output.join('\n')}`).toBeNull();
  // Graceful shutdown is a requirement: SIGTERM ends in a clean exit 0.
  expect(exit, server.output.slice(-20).join('\n')).toEqual({ code: 0, signal: null });
});

beforeEach(() => {
  pages = new Pages(browser!, server.url);
});

afterEach(async () => {
  await pages.close();
});

const waitUntilLive = (page: Page) => page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor();

const signUp = async (page: Page, who: { workspace: string; name: string; email: string }) => {
  await page.goto('/signup');
  await page.getByLabel('Workspace name').fill(who.workspace);
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Work email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByTestId('workspace-name').filter({ hasText: who.workspace }).waitFor();
};

const goTo = async (page: Page, area: 'Overview' | 'Team' | 'Profile') => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area }).click();
  await page.getByRole('heading', { level: 1, name: area }).waitFor();
};

const memberRow = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

/** An admin with a workspace and a teammate who joined through the invite link, both on Team. */
const adminAndTeammate = async (opts: { role: 'AGENT' | 'SUPERVISOR'; mateBaseUrl?: string }) => {
  const workspace = `Initech ${unique()}`;
  const admin = await pages.open('admin');
  await signUp(admin, { workspace, name: 'Peter Gibbons', email: `peter-${unique()}@example.test` });
  await goTo(admin, 'Team');
  await admin.getByLabel('Email address').fill(`milton-${unique()}@example.test`);
  await admin.getByLabel('Role', { exact: true }).selectOption(opts.role);
  await admin.getByRole('button', { name: 'Create invite link' }).click();
  const link = new URL(await admin.getByLabel('Invite link').inputValue());

  const mate = await pages.open('teammate');
  // Resolves when the teammate's event stream has told the browser where it starts (its `ready` marker).
  const streamPositioned = new Promise<void>((positioned) =>
    mate.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"kind":"ready"')) positioned();
      }),
    ),
  );
  await mate.goto(`${opts.mateBaseUrl ?? server.url}${link.pathname}`);
  await mate.getByLabel('Your name').fill('Milton Waddams');
  await mate.getByLabel('Password').fill(PASSWORD);
  await mate.getByRole('button', { name: 'Join workspace' }).click();
  await waitUntilLive(mate);
  await goTo(mate, 'Team');
  await memberRow(admin, 'Milton Waddams').waitFor();
  return { admin, mate, streamPositioned };
};

describe('Switchboard in the browser', () => {
  it('signs up a new workspace and goes live', async () => {
    const page = await pages.open('founder');
    const workspace = `Northwind Support ${unique()}`;
    await signUp(page, { workspace, name: 'Ada Lovelace', email: `ada-${unique()}@example.test` });

    // A new workspace lands in its inbox.
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await goTo(page, 'Overview');
    await waitUntilLive(page);
    expect(await page.getByTestId('connection-indicator').textContent()).toContain('Live');
    expect(await page.getByTestId('my-role').textContent()).toBe('Admin');

    await screenshot(page, 'sign-up.png');
    expect(pages.problems).toEqual([]);
  });

  it('shows a teammate the role an admin gives them, live', async () => {
    const workspace = `Globex Care ${unique()}`;
    const adminName = 'Grace Hopper';
    const mateName = 'Tess Teammate';
    const mateEmail = `tess-${unique()}@example.test`;

    const admin = await pages.open('admin');
    await signUp(admin, { workspace, name: adminName, email: `grace-${unique()}@example.test` });
    await waitUntilLive(admin);
    await goTo(admin, 'Team');

    // The admin invites by email; with no email sending yet, the link is shown to copy.
    await admin.getByLabel('Email address').fill(mateEmail);
    await admin.getByLabel('Role', { exact: true }).selectOption('AGENT');
    await admin.getByRole('button', { name: 'Create invite link' }).click();
    const linkField = admin.getByLabel('Invite link');
    await linkField.waitFor();
    const inviteUrl = await linkField.inputValue();
    expect(inviteUrl.startsWith(`${server.url}/invite/`)).toBe(true);
    await admin.getByRole('list', { name: 'Pending invites' }).getByText(mateEmail).waitFor();

    // A second browser profile accepts the link...
    const mate = await pages.open('teammate');
    await mate.goto(inviteUrl);
    await mate.getByRole('heading', { name: `Join ${workspace}` }).waitFor();
    await mate.getByLabel('Your name').fill(mateName);
    await mate.getByLabel('Password').fill(PASSWORD);
    await mate.getByRole('button', { name: 'Join workspace' }).click();
    await mate.getByTestId('workspace-name').filter({ hasText: workspace }).waitFor();
    await waitUntilLive(mate);

    // ...signs out, and signs in with the password they chose.
    await mate.getByRole('button', { name: `Account menu for ${mateName}` }).click();
    await mate.getByRole('menuitem', { name: 'Sign out' }).click();
    await mate.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    await mate.getByLabel('Email', { exact: true }).fill(mateEmail);
    await mate.getByLabel('Password').fill(PASSWORD);
    await mate.getByRole('button', { name: 'Sign in' }).click();
    await mate.getByTestId('workspace-name').filter({ hasText: workspace }).waitFor();
    await waitUntilLive(mate);
    await goTo(mate, 'Team');

    // Both see each other; the admin's pending invite turned into a member without a reload.
    await memberRow(mate, adminName).waitFor();
    await memberRow(admin, mateName).waitFor();
    await admin.getByText('No pending invites').waitFor();
    const mateOwnRow = memberRow(mate, mateName);
    await mateOwnRow.getByText('Agent', { exact: true }).waitFor();
    // Read-only for an agent: no role pickers, no deactivate buttons.
    expect(await mate.getByRole('combobox').count()).toBe(0);
    expect(await mate.getByRole('button', { name: /^Deactivate/ }).count()).toBe(0);

    // The admin promotes the teammate; the teammate's open page follows, in the same document.
    await mate.evaluate(() => {
      (window as unknown as { sameDocument?: boolean }).sameDocument = true;
    });
    await admin.getByLabel(`Role for ${mateName}`).selectOption('SUPERVISOR');
    await admin.getByText(`${mateName} is now supervisor.`).waitFor();
    await mateOwnRow.getByText('Supervisor', { exact: true }).waitFor();
    expect(await mate.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await mate.getByTestId('connection-indicator').getAttribute('data-state')).toBe('live');
    await screenshot(mate, 'live-role-change.png');

    // The teammate's own role (auth.me) was patched too, and the admin's feed recorded it all.
    await goTo(mate, 'Overview');
    await mate.getByTestId('my-role').getByText('Supervisor', { exact: true }).waitFor();
    await goTo(admin, 'Overview');
    const feed = admin.getByRole('list', { name: 'Recent activity' });
    await feed.getByText(`${mateName} joined the workspace`).waitFor();
    await feed.getByText(`You changed ${mateName}’s role from agent to supervisor`).waitFor();
    await screenshot(admin, 'admin-overview.png');
    await goTo(admin, 'Team');
    await screenshot(admin, 'admin-team.png');

    expect(pages.problems).toEqual([]);
  });

  it('catches up on everything missed during network drops, in order, without reloading', async () => {
    const network = await startFlakyNetwork(server.url);
    try {
      const { admin, mate, streamPositioned } = await adminAndTeammate({ role: 'AGENT', mateBaseUrl: network.url });
      const mateRow = memberRow(mate, 'Milton Waddams');
      const indicatorState = () => mate.getByTestId('connection-indicator').getAttribute('data-state');
      await mate.evaluate(() => {
        (window as unknown as { sameDocument?: boolean }).sameDocument = true;
      });

      /** Cuts the teammate's link, makes the changes they cannot see, restores the link. */
      const missWhileOffline = async (roles: Array<'AGENT' | 'SUPERVISOR'>) => {
        network.cut();
        await mate.locator('[data-testid="connection-indicator"][data-state="reconnecting"]').waitFor();
        for (const role of roles) {
          await admin.getByLabel('Role for Milton Waddams').selectOption(role);
          await admin.getByText(`Milton Waddams is now ${role.toLowerCase()}.`).waitFor();
        }
        expect(await indicatorState()).toBe('reconnecting');
        network.restore();
        await waitUntilLive(mate);
      };
      const feedTexts = async (count: number) => {
        const items = mate.getByRole('list', { name: 'Recent activity' }).getByRole('listitem');
        await items.nth(count - 1).waitFor();
        return items.allInnerTexts();
      };
      const roleChange = (from: string, to: string) => expect.stringContaining(`Peter Gibbons changed your role from ${from} to ${to}`);

      // Dropped before the stream delivered any event: it resumes from the position it opened at.
      await streamPositioned;
      await missWhileOffline(['SUPERVISOR', 'AGENT']);
      await goTo(mate, 'Overview');
      expect(await feedTexts(2)).toEqual([roleChange('supervisor', 'agent'), roleChange('agent', 'supervisor')]);

      // Dropped again, now resuming from the last event it applied.
      await missWhileOffline(['SUPERVISOR', 'AGENT', 'SUPERVISOR']);
      await mate.getByTestId('my-role').getByText('Supervisor', { exact: true }).waitFor();
      // Newest first, every change exactly once, in the order it happened.
      expect(await feedTexts(5)).toEqual([
        roleChange('agent', 'supervisor'),
        roleChange('supervisor', 'agent'),
        roleChange('agent', 'supervisor'),
        roleChange('supervisor', 'agent'),
        roleChange('agent', 'supervisor'),
      ]);
      await goTo(mate, 'Team');
      await mateRow.getByText('Supervisor', { exact: true }).waitFor();
      expect(await mate.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(pages.problems).toEqual([]);
    } finally {
      await pages.close();
      await network.close();
    }
  });

  it('sends a deactivated member to sign-in with "Your session ended"', async () => {
    const { admin, mate } = await adminAndTeammate({ role: 'AGENT' });

    await admin.getByRole('button', { name: 'Deactivate Milton Waddams' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Deactivate Milton Waddams?' });
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await memberRow(admin, 'Milton Waddams').getByText('Deactivated').waitFor();

    // The server closes the teammate's socket (4401); the app signs them out on the spot.
    await mate.getByText('Your session ended. Please sign in again.').waitFor();
    await mate.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
    expect(pages.problems).toEqual([]);
  });
});
