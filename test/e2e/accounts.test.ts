import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { connectedIntegration } from './support/fixtures.ts';
import { describedText, visible } from './support/locators.ts';
import { ADMIN, logInThroughPage, setUpThroughPage } from './support/flows.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { apiSession, startOwlHub } from './support/owlhub.ts';

const VIEWER = { email: 'vera@example.com', name: 'Vera Viewer', password: 'viewer password 1' };

let owlhub: TestOwlHub;
let browser: Browser;

beforeAll(async () => {
  [owlhub, browser] = await Promise.all([startOwlHub(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
});

test('first run: setup creates the admin, who can log out and log in again', async () => {
  const page = await openPage(browser);
  await page.goto(owlhub.url);
  await page.getByRole('heading', { name: 'Set up OwlHub' }).waitFor();
  await capture(page, 'setup');

  await setUpThroughPage(page, owlhub.url);
  expect(await page.getByRole('banner').innerText()).toContain(ADMIN.name);
  await capture(page, 'integrations-empty');

  // Keyboard users pass the top bar in one step.
  await page.reload();
  await page.getByRole('heading', { name: 'Integrations' }).first().waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
  await capture(page, 'skip-link');
  await page.keyboard.press('Enter');
  expect(await page.evaluate('document.activeElement?.tagName')).toBe('MAIN');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await capture(page, 'login');

  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong password, surely');
  await page.getByRole('button', { name: 'Log in' }).click();
  await visible(page.getByRole('alert'));

  await logInThroughPage(page, owlhub.url, ADMIN);
  expect(new URL(page.url()).pathname).toBe('/integrations');
  await page.context().close();
});

test('a new browser on a set-up OwlHub is asked to log in, not to set up', async () => {
  const page = await openPage(browser);
  await page.goto(`${owlhub.url}/settings/jira`);
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Set up OwlHub' }).count()).toBe(0);
  await page.context().close();
});

test('a setup that lost the race (409) sends the person to log in', async () => {
  const page = await openPage(browser);
  // As if another person finished setup between this page's question and its answer.
  await page.route('**/api/auth/setup', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: { open: true } }) : route.fallback(),
  );
  await page.goto(`${owlhub.url}/settings/jira`);
  await page.getByLabel('Name', { exact: true }).fill('Late Comer');
  await page.getByLabel('Email', { exact: true }).fill('late@example.com');
  await page.getByLabel('Password', { exact: true }).fill('another long password');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.getByText('OwlHub is already set up. Log in with your account.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.context().close();
});

test('the server answers the app for its own paths and 404 for missing assets', async () => {
  const page = await fetch(`${owlhub.url}/integrations/some-id`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  const script = /\/assets\/[^"]+\.js/.exec(await page.text())?.[0];
  expect(script).toBeDefined();
  const asset = await fetch(`${owlhub.url}${script ?? ''}`);
  expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect((await fetch(`${owlhub.url}/assets/gone-1234.js`)).status).toBe(404);
  expect((await fetch(`${owlhub.url}/api/nothing-here`)).status).toBe(404);
});

/** Serves one fixed integration, so that role checks do not depend on verification. */
async function withIntegration(page: Page): Promise<void> {
  const integration = connectedIntegration();
  await page.route('**/api/integrations', (route) =>
    route.fulfill({ json: { items: [integration] } }),
  );
  await page.route(`**/api/integrations/${integration.id}`, (route) =>
    route.fulfill({ json: integration }),
  );
  await page.route(`**/api/integrations/${integration.id}/sync-runs`, (route) =>
    route.fulfill({ json: { items: [] } }),
  );
}

test('a viewer sees the pages but no edit controls', async () => {
  const admin = await apiSession(owlhub.url, ADMIN);
  const created = await admin.send('POST', '/api/users', { ...VIEWER, role: 'viewer' });
  expect(created.status).toBe(201);
  const page = await openPage(browser);
  await withIntegration(page);
  await logInThroughPage(page, owlhub.url, VIEWER);

  await visible(page.getByRole('link', { name: 'Jira Production' }));
  expect(await page.getByRole('link', { name: 'Add New Integration' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  await visible(page.getByText('Only admins can connect Jira.'));
  const settingsNav = page.getByRole('navigation', { name: 'Settings' });
  expect(await settingsNav.getByRole('link', { name: 'Users' }).count()).toBe(0);
  expect(await page.getByLabel('API Token', { exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Connect' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Jira Production' }).click();
  await visible(page.getByRole('heading', { name: 'Jira Production', level: 1 }));
  for (const name of ['Edit', 'Delete', 'Rotate token', 'Verify again']) {
    expect(
      await page.getByRole('button', { name }).or(page.getByRole('link', { name })).count(),
    ).toBe(0);
  }
  await capture(page, 'integration-viewer');

  await page.goto(`${owlhub.url}/integrations/new`);
  await visible(page.getByRole('heading', { name: 'Admins only' }));
  await page.context().close();
});

test('an admin sees the controls on the same integration', async () => {
  const page = await openPage(browser);
  await withIntegration(page);
  await logInThroughPage(page, owlhub.url, ADMIN);
  await page.getByRole('link', { name: 'Jira Production' }).click();
  await visible(page.getByRole('button', { name: 'Delete' }));
  await visible(page.getByRole('link', { name: 'Edit' }));
  await visible(page.getByRole('button', { name: 'Rotate token' }));
  await visible(page.getByRole('list', { name: 'Verification checks' }));

  await page.getByRole('button', { name: 'Delete' }).click();
  await visible(page.getByRole('dialog', { name: 'Delete “Jira Production”?' }));
  await capture(page, 'integration-delete-confirm');
  await page.keyboard.press('Escape');
  expect(await page.getByRole('dialog').count()).toBe(0);
  await page.context().close();
});

test('when the session ends, the next request shows Log in instead of errors', async () => {
  const page = await openPage(browser);
  await logInThroughPage(page, owlhub.url, ADMIN);
  await page.context().clearCookies();
  await page.getByRole('link', { name: 'Settings' }).click();
  await visible(page.getByRole('heading', { name: 'Log in' }));
  await page.context().close();
});

test('an admin adds a user in Settings › Users, changes the role, and deletes them', async () => {
  const page = await openPage(browser);
  await logInThroughPage(page, owlhub.url, ADMIN);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Users' })
    .click();
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name', { exact: true }).fill('Max Member');
  await form.getByLabel('Email', { exact: true }).fill('not-an-email');
  await form.getByLabel('Role', { exact: true }).selectOption('member');
  await form.getByLabel('Password', { exact: true }).fill('short');
  await form.getByRole('button', { name: 'Add user' }).click();
  // The server's 400 names both fields; each message sits under its own field.
  await visible(form.getByText('Use at least 12 characters.'));
  expect(await describedText(form.getByLabel('Password', { exact: true }))).toContain(
    'Use at least 12 characters.',
  );
  expect(await describedText(form.getByLabel('Email', { exact: true }))).toContain(
    'Enter a valid email address',
  );
  await capture(page, 'users-field-errors');

  await form.getByLabel('Email', { exact: true }).fill('max@example.com');
  await form.getByLabel('Password', { exact: true }).fill('a long enough password');
  await form.getByRole('button', { name: 'Add user' }).click();
  const users = page.getByRole('list', { name: 'Users' });
  await visible(users.getByText('max@example.com'));
  const role = page.getByLabel('Role of Max Member');
  expect(await role.inputValue()).toBe('member');
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
  await role.selectOption('viewer');
  expect((await saved).status()).toBe(200);
  expect(await role.inputValue()).toBe('viewer');
  await capture(page, 'users');

  const row = users.getByRole('listitem').filter({ hasText: 'max@example.com' });
  await row.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete Max Member?' })
    .getByRole('button', { name: 'Delete user' })
    .click();
  await users.getByText('max@example.com').waitFor({ state: 'detached' });
  await page.context().close();
});
