import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { setUpThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { startOwlHub } from './support/owlhub.ts';
import { REALISTIC_LATENCY_MS, startJira } from './support/sandbox.ts';

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

const field = (label: string) => page.getByLabel(label, { exact: true });

/** Seeds/000, steps 1–8, with the given token; the sandbox speaks HTTP, so step 5 picks HTTP. */
async function connectUsingApiToken(token: string): Promise<void> {
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  // 1. Navigate to the "Connect using API Token" section.
  await page.goto(owlhub.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Connect using API Token' });
  await visible(section);
  // 2. Read the instruction.
  await visible(
    section.getByText(
      "You can use Jira's API token to connect your application. For more info, click here.",
    ),
  );
  // 3. A reminder is given.
  await visible(
    section.getByText(
      'An API Token has access to only a single organization in Jira. Please make sure you enter the correct API Token here.',
    ),
  );
  // 4. Enter the token into the "API Token" field.
  await field('API Token').fill(token);
  // 5. Select the protocol the Jira instance uses.
  await field('Protocol').selectOption({ label: 'HTTP' });
  await page.getByLabel(/I understand that with HTTP the token travels unencrypted/).check();
  // 6. The "Hostname" field: the domain name or IP address of the Jira server.
  await field('Hostname').fill(new URL(jira.url).host);
  // 7. The "User Email" field.
  await field('User Email').fill(jira.credentials.email);
  // 8. Click "Connect".
  jira.setLimits({ latencyMs: REALISTIC_LATENCY_MS });
  await section.getByRole('button', { name: 'Connect' }).click();
}

test('seeds/000 steps 1–8 connect Jira Cloud: Pending, then Connected', async () => {
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  await connectUsingApiToken(jira.credentials.apiToken);
  await visible(page.locator('.status-card [data-status="pending"]'));
  await page
    .locator('.status-card [data-status="connected"]')
    .waitFor({ state: 'visible', timeout: 30_000 });
  jira.setLimits({ latencyMs: 0 });
  await capture(page, 'seed-000-connected');

  await page.getByRole('link', { name: 'Open the integration' }).click();
  await visible(page.getByRole('list', { name: 'Verification checks' }));
  const account = await page.getByRole('region', { name: 'Account' }).innerText();
  expect(account).toContain(jira.credentials.email);
  await capture(page, 'seed-000-integration');
});

test('a wrong token ends in Failed with the invalid_credentials message and hint', async () => {
  await connectUsingApiToken('ATATT3xFfGF0-not-the-right-token');
  await page
    .locator('.status-card [data-status="failed"]')
    .waitFor({ state: 'visible', timeout: 30_000 });
  jira.setLimits({ latencyMs: 0 });
  const error = page.locator('.status-card [data-code="invalid_credentials"]');
  await visible(error);
  expect(await error.locator('.notice__title').innerText()).not.toBe('');
  expect(await error.locator('.notice__hint').innerText()).not.toBe('');
  await capture(page, 'seed-000-failed');
});
