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
let owlhub: TestOwlHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const started = await startJira({ flavor: 'cloud' });
  jira = started.jira;
  [owlhub, browser] = await Promise.all([
    startOwlHub({ OWLHUB_ALLOWED_HOSTS: started.allowedHost }),
    launchBrowser(),
  ]);
  page = await openPage(browser);
  await setUpThroughPage(page, owlhub.url);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
  await jira.stop();
});

test('seeds/001 Step 3 (1–6) and Step 4 on Jira Cloud: Pending, then Connected', async () => {
  await completeStep3(page, owlhub.url, jira, 'Jira Production');
  await verifyStep4(page, jira, 'Jira Production');
});

test('the integration list shows it with its status badge', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Integrations' })
    .click();
  const row = page.getByRole('listitem').filter({ hasText: 'Jira Production' });
  await visible(row);
  expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('connected');
  await capture(page, 'integrations-list');
});
