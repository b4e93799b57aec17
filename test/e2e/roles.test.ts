import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { connectedIntegration } from './support/fixtures.ts';
import { ADMIN, logInThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { apiSession, startOwlHub } from './support/owlhub.ts';

const VIEWER = { email: 'vera@example.com', name: 'Vera Viewer', password: 'viewer password 1' };

let owlhub: TestOwlHub;
let browser: Browser;

beforeAll(async () => {
  [owlhub, browser] = await Promise.all([startOwlHub(), launchBrowser()]);
  const admin = await apiSession(owlhub.url, ADMIN, true);
  const created = await admin.send('POST', '/api/users', { ...VIEWER, role: 'viewer' });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
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
}

test('a viewer sees the pages but no edit controls', async () => {
  const page = await openPage(browser);
  await withIntegration(page);
  await logInThroughPage(page, owlhub.url, VIEWER);

  await visible(page.getByRole('link', { name: 'Jira Production' }));
  expect(await page.getByRole('link', { name: 'Add New Integration' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  await visible(page.getByText('Only admins can connect Jira.'));
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
  await capture(page, 'integration-connected');

  await page.getByRole('button', { name: 'Delete' }).click();
  await visible(page.getByRole('dialog', { name: 'Delete “Jira Production”?' }));
  await capture(page, 'integration-delete-confirm');
  await page.keyboard.press('Escape');
  expect(await page.getByRole('dialog').count()).toBe(0);
  await page.context().close();
});
