import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { describedText, visible } from './support/locators.ts';
import { setUpThroughPage } from './support/flows.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { startOwlHub } from './support/owlhub.ts';

const INSTRUCTION =
  "You can use Jira's API token to connect your application. For more info, click here.";
const REMINDER =
  'An API Token has access to only a single organization in Jira. Please make sure you enter the correct API Token here.';
const TOKEN_DOCS =
  'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/';

let owlhub: TestOwlHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [owlhub, browser] = await Promise.all([startOwlHub(), launchBrowser()]);
  page = await openPage(browser);
  await setUpThroughPage(page, owlhub.url);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
});

async function openSettings(): Promise<void> {
  await page.goto(owlhub.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Jira Integration', level: 1 }).waitFor();
}

test('Settings › Jira Integration shows the seed page: instruction, reminder, fields in order', async () => {
  await openSettings();
  expect(await page.title()).toBe('Jira Integration · OwlHub');
  const section = page.getByRole('region', { name: 'Connect using API Token' });
  await visible(section.getByText(INSTRUCTION));
  const here = section.getByRole('link', { name: 'here' });
  expect(await here.getAttribute('href')).toBe(TOKEN_DOCS);
  await visible(section.getByText(REMINDER));

  const labels = await section.locator('form label').allInnerTexts();
  expect(labels).toEqual(['API Token', 'Protocol', 'Hostname', 'User Email']);
  const protocol = page.getByLabel('Protocol', { exact: true });
  expect(await protocol.inputValue()).toBe('https');
  expect(await protocol.locator('option').allInnerTexts()).toEqual(['HTTPS', 'HTTP']);
  expect(await page.getByLabel('Hostname', { exact: true }).getAttribute('placeholder')).toBe(
    'yourcompany.atlassian.net',
  );
  await visible(section.getByRole('button', { name: 'Connect' }));

  const tips = page.getByRole('region', { name: 'Tips', exact: true });
  expect(await tips.innerText()).toContain('treated with utmost confidentiality');
  expect(await tips.innerText()).toContain('regenerate immediately');
  const troubleshooting = page.getByRole('region', { name: 'Troubleshooting', exact: true });
  expect(await troubleshooting.innerText()).toContain(
    'Confirm that your API Token is active and valid.',
  );
  expect(await troubleshooting.innerText()).toContain('regenerating your API token');
  await capture(page, 'settings-jira');
});

test('a full URL pasted into Hostname is split into protocol and host', async () => {
  await openSettings();
  await page
    .getByLabel('Hostname', { exact: true })
    .fill('http://Acme.atlassian.net/jira/software/projects');
  expect(await page.getByLabel('Protocol', { exact: true }).inputValue()).toBe('http');
  expect(await page.getByLabel('Hostname', { exact: true }).inputValue()).toBe(
    'acme.atlassian.net',
  );

  await page.getByLabel('Hostname', { exact: true }).fill('https://jira.example.com/jira');
  expect(await page.getByLabel('Protocol', { exact: true }).inputValue()).toBe('https');
  expect(await page.getByLabel('Hostname', { exact: true }).inputValue()).toBe('jira.example.com');
  await visible(page.getByText('The path /jira was left out'));
});

test('HTTP needs an explicit confirmation before the token is sent', async () => {
  await openSettings();
  const sent: unknown[] = [];
  await page.route('**/api/integrations', async (route) => {
    sent.push(route.request().postDataJSON());
    await route.fulfill({
      status: 400,
      json: { error: { code: 'invalid_input', message: 'Check the fields.', fields: {} } },
    });
  });
  await page.getByLabel('API Token', { exact: true }).fill('token-123');
  await page.getByLabel('Protocol', { exact: true }).selectOption('http');
  await page.getByLabel('Hostname', { exact: true }).fill('jira.example.com');
  await page.getByLabel('User Email', { exact: true }).fill('me@example.com');
  await page.getByRole('button', { name: 'Connect' }).click();
  await visible(page.getByText('Confirm that the token may travel unencrypted'));
  expect(sent).toEqual([]);

  await page.getByLabel(/I understand that with HTTP the token travels unencrypted/).check();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect.poll(() => sent.length).toBe(1);
  expect(sent[0]).toEqual({
    type: 'jira',
    protocol: 'http',
    hostname: 'jira.example.com',
    email: 'me@example.com',
    token: 'token-123',
    authType: 'cloud_token',
    allowInsecureHttp: true,
  });
  await page.unroute('**/api/integrations');
});

test('field errors from a 400 are shown beside their fields', async () => {
  await openSettings();
  await page.route('**/api/integrations', (route) =>
    route.fulfill({
      status: 400,
      json: {
        error: {
          code: 'invalid_input',
          message: 'Some fields need a fix.',
          fields: {
            hostname: 'Enter a host name such as yourcompany.atlassian.net.',
            email: 'Enter a valid email address.',
            token: 'Enter the API token.',
          },
        },
      },
    }),
  );
  await page.getByLabel('Hostname', { exact: true }).fill('not a host');
  await page.getByRole('button', { name: 'Connect' }).click();
  await visible(page.getByText('Enter the API token.'));
  expect(await describedText(page.getByLabel('Hostname', { exact: true }))).toMatch(
    /Enter a host name such as yourcompany\.atlassian\.net\./,
  );
  expect(await describedText(page.getByLabel('User Email', { exact: true }))).toBe(
    'Enter a valid email address.',
  );
  expect(await describedText(page.getByLabel('API Token', { exact: true }))).toBe(
    'Enter the API token.',
  );
  await capture(page, 'settings-jira-field-errors');
  await page.unroute('**/api/integrations');
});

test('the form works from the keyboard, in the seed order', async () => {
  await openSettings();
  await page.getByLabel('API Token', { exact: true }).focus();
  const order: string[] = [];
  for (let step = 0; step < 4; step += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate('document.activeElement?.id ?? ""'));
  }
  expect(order).toEqual(['jira-protocol', 'jira-hostname', 'jira-email', '']);
  expect(await page.evaluate('document.activeElement?.textContent')).toBe('Connect');
});
