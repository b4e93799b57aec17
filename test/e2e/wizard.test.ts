import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SiteDetection } from '../../src/shared/integrations.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { setUpThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { startOwlHub } from './support/owlhub.ts';

let owlhub: TestOwlHub;
let browser: Browser;
let page: Page;

// What the detect endpoint answers per site; the wizard's reaction to it is what is tested here.
const DETECTIONS: Record<string, SiteDetection> = {
  'https://acme.atlassian.net': {
    siteUrl: 'https://acme.atlassian.net',
    deployment: 'cloud',
    version: '1001.0.0',
    error: null,
  },
  'https://jira.acme.example/jira': {
    siteUrl: 'https://jira.acme.example/jira',
    deployment: 'datacenter',
    version: '9.12.4',
    error: null,
  },
};

beforeAll(async () => {
  [owlhub, browser] = await Promise.all([startOwlHub(), launchBrowser()]);
  page = await openPage(browser);
  await setUpThroughPage(page, owlhub.url);
  await page.route('**/api/integrations/detect?*', (route) => {
    const siteUrl = new URL(route.request().url()).searchParams.get('siteUrl') ?? '';
    return route.fulfill({
      json: DETECTIONS[siteUrl] ?? { siteUrl, deployment: null, version: null, error: null },
    });
  });
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
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
  await field('Jira Site URL').fill('https://acme.atlassian.net');
  await visible(page.getByText('Jira Cloud 1001.0.0 detected.'));
  expect(await page.locator('form label').allInnerTexts()).toEqual([
    'Name',
    'Jira Site URL',
    'User Email',
    'Access Token',
  ]);
  await capture(page, 'wizard-cloud');
});

test('for Data Center it offers a personal access token or username and password', async () => {
  await field('Jira Site URL').fill('https://jira.acme.example/jira');
  await visible(page.getByText('Jira Data Center 9.12.4 detected.'));
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
