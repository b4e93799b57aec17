import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, logInThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { ApiSession, TestOwlHub } from './support/owlhub.ts';
import { apiSession, startOwlHub } from './support/owlhub.ts';
import { REALISTIC_LATENCY_MS, startJira } from './support/sandbox.ts';

let jira: Sandbox;
let owlhub: TestOwlHub;
let admin: ApiSession;
let browser: Browser;
let page: Page;
let integrationUrl: string;

beforeAll(async () => {
  const started = await startJira({ flavor: 'cloud' });
  jira = started.jira;
  [owlhub, browser] = await Promise.all([
    startOwlHub({ OWLHUB_ALLOWED_HOSTS: started.allowedHost }),
    launchBrowser(),
  ]);
  admin = await apiSession(owlhub.url, ADMIN, true);
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  const created = await admin.send('POST', '/api/integrations', {
    type: 'jira',
    name: 'Jira Production',
    siteUrl: jira.url,
    email: jira.credentials.email,
    token: jira.credentials.apiToken,
    allowInsecureHttp: true,
  });
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };
  integrationUrl = `${owlhub.url}/integrations/${id}`;
  page = await openPage(browser);
  await logInThroughPage(page, owlhub.url, ADMIN);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
  await jira.stop();
});

const status = () => page.locator('.page-head [data-status]').getAttribute('data-status');

async function waitForStatus(wanted: 'connected' | 'failed'): Promise<void> {
  await page
    .locator(`.page-head [data-status="${wanted}"]`)
    .waitFor({ state: 'visible', timeout: 20_000 });
}

test('a revoked token turns a connected integration to Failed on "Verify again", live', async () => {
  await page.goto(integrationUrl);
  await waitForStatus('connected');
  jira.revokeCredentials();
  jira.setLimits({ latencyMs: REALISTIC_LATENCY_MS });
  try {
    await page.getByRole('button', { name: 'Verify again' }).click();
    await waitForStatus('failed');
  } finally {
    jira.setLimits({ latencyMs: 0 });
    jira.restoreCredentials();
  }
  await visible(page.locator('[data-code="invalid_credentials"]'));
  expect(await page.locator('[data-check="credentials"]').getAttribute('class')).toContain(
    'check--failed',
  );
  await capture(page, 'integration-failed');
});

test('rotating to a wrong token is refused with the reason; the right one connects again', async () => {
  await page.getByRole('button', { name: 'Rotate token' }).click();
  await page.getByLabel('New token', { exact: true }).fill('ATATT3xFfGF0-a-token-that-is-wrong');
  await page.getByRole('button', { name: 'Save and verify' }).click();
  await visible(page.getByText(/^The new credentials were not saved/));
  await capture(page, 'integration-rotate-refused');

  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  await page.getByLabel('New token', { exact: true }).fill(jira.credentials.apiToken);
  await page.getByRole('button', { name: 'Save and verify' }).click();
  await waitForStatus('connected');
  expect(await page.getByLabel('New token', { exact: true }).count()).toBe(0);
});

test('edit renames the integration', async () => {
  await page.getByRole('link', { name: 'Edit' }).click();
  await visible(page.getByRole('heading', { name: 'Edit Jira Production' }));
  await capture(page, 'integration-edit');
  await page.getByLabel('Name', { exact: true }).fill('Jira (renamed)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await visible(page.getByRole('heading', { name: 'Jira (renamed)', level: 1 }));
  expect(await status()).toBe('connected');
});

test('delete asks first, then removes it from the list', async () => {
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.getByRole('dialog').count()).toBe(0);

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await visible(page.getByText('No integrations yet.'));
  expect(new URL(page.url()).pathname).toBe('/integrations');
});
