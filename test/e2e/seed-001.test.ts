import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { setUpThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { startOwlHub } from './support/owlhub.ts';
import { startJira } from './support/sandbox.ts';
import { completeStep3, verifyStep4 } from './support/seed-001.ts';

let jira: Sandbox;
let datacenter: Sandbox;
let owlhub: TestOwlHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [started, dc] = await Promise.all([
    startJira({ flavor: 'cloud' }),
    startJira({ flavor: 'datacenter', basePath: '/jira' }),
  ]);
  jira = started.jira;
  datacenter = dc.jira;
  [owlhub, browser] = await Promise.all([
    startOwlHub({ OWLHUB_ALLOWED_HOSTS: `${started.allowedHost},${dc.allowedHost}` }),
    launchBrowser(),
  ]);
  page = await openPage(browser);
  await setUpThroughPage(page, owlhub.url);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
  await Promise.all([jira.stop(), datacenter.stop()]);
});

const field = (label: string) => page.getByLabel(label, { exact: true });

async function openWizard(): Promise<void> {
  await page.getByRole('link', { name: 'Integrations' }).first().click();
  await page.getByRole('link', { name: 'Add New Integration' }).click();
  await capture(page, 'add-new-integration');
  await page.getByRole('link', { name: /^Jira/ }).click();
  await visible(page.getByRole('button', { name: 'Create Integration' }));
}

test('the wizard asks for Name, Jira Site URL and Access Token, and User Email for Cloud', async () => {
  await openWizard();
  const labels = await page.locator('form label').allInnerTexts();
  expect(labels).toEqual(['Name', 'Jira Site URL', 'Access Token']);
  await field('Name').fill('Jira Production');
  await field('Jira Site URL').fill(jira.url);
  await visible(page.getByText(/^Jira Cloud .* detected\.$/));
  expect(await page.locator('form label').allInnerTexts()).toEqual([
    'Name',
    'Jira Site URL',
    // The sandbox speaks plain HTTP, so the wizard asks to confirm that.
    'I understand that with HTTP the token travels unencrypted, and anyone on the network path can read it.',
    'User Email',
    'Access Token',
  ]);
  await capture(page, 'wizard-cloud');
});

test('for Data Center it offers a personal access token or username and password', async () => {
  await field('Jira Site URL').fill(datacenter.url);
  await visible(page.getByText(/^Jira Data Center .* detected\.$/));
  expect(await field('User Email').count()).toBe(0);
  const pat = page.getByRole('radio', { name: 'Personal access token' });
  expect(await pat.isChecked()).toBe(true);
  await visible(field('Access Token'));

  await page.getByRole('radio', { name: 'Username and password' }).check();
  await visible(field('Username'));
  await visible(field('Password'));
  expect(await field('Access Token').count()).toBe(0);
  await capture(page, 'wizard-datacenter');
});

test('seeds/001 Step 3 (1–6) and Step 4 on Jira Cloud: Pending, then Connected', async () => {
  await completeStep3(page, owlhub.url, jira, 'Jira Production');
  await verifyStep4(page, jira, 'Jira Production');
});

test('seeds/001 Step 3 and Step 4 on Jira Data Center at a context path (personal access token)', async () => {
  await completeStep3(page, owlhub.url, datacenter, 'Jira Data Center');
  await verifyStep4(page, datacenter, 'Jira Data Center');
});

test('Data Center with username and password reaches Connected too', async () => {
  if (datacenter.credentials.flavor !== 'datacenter') throw new Error('expected Data Center');
  await openWizard();
  await field('Name').fill('Jira DC (password)');
  await field('Jira Site URL').fill(datacenter.url);
  await page.getByLabel(/I understand that with HTTP the token travels unencrypted/).check();
  await page.getByRole('radio', { name: 'Username and password' }).check();
  await field('Username').fill(datacenter.credentials.username);
  await field('Password').fill(datacenter.credentials.password);
  await page.getByRole('button', { name: 'Create Integration' }).click();
  await visible(page.getByRole('heading', { name: 'Jira DC (password)', level: 1 }));
  await page
    .locator('.page-head [data-status="connected"]')
    .waitFor({ state: 'visible', timeout: 20_000 });
  expect(await page.getByRole('region', { name: 'Credentials' }).innerText()).toContain(
    'Username and password',
  );
});

test('the integration list shows all three with their status badges', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Integrations' })
    .click();
  const list = page.getByRole('list', { name: 'Integrations' });
  // The list may first show the cached copy; wait for the refetch that includes all three.
  for (const name of ['Jira Production', 'Jira Data Center', 'Jira DC (password)']) {
    await visible(list.getByRole('link', { name, exact: true }));
  }
  const statuses: (string | null)[] = [];
  for (const badge of await list.locator('[data-status]').all()) {
    statuses.push(await badge.getAttribute('data-status'));
  }
  expect(statuses).toEqual(['connected', 'connected', 'connected']);
  await capture(page, 'integrations-list');
});
