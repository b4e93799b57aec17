import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Sandbox, SandboxCredentials } from '../../../src/sandbox/index.ts';
import { capture } from './browser.ts';
import { visible } from './locators.ts';
import { REALISTIC_LATENCY_MS } from './sandbox.ts';

/** Seeds/001 Step 3 (1–6) against `jira`, filling what the detected kind of Jira asks for on the way. */
export async function completeStep3(
  page: Page,
  owlhubUrl: string,
  jira: Sandbox,
  name: string,
): Promise<void> {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const slug = `seed-001-${jira.flavor}`;
  // 1. Navigate to Integrations > Add New Integration.
  await page.goto(owlhubUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Integrations' })
    .click();
  await page.getByRole('link', { name: 'Add New Integration' }).click();
  // 2. Select Jira as the integration type.
  await page.getByRole('link', { name: /^Jira/ }).click();
  // 3. Enter a name for the integration.
  await field('Name').fill(name);
  // 4. Enter the Jira Site URL (the sandbox speaks plain HTTP, which needs a confirmation).
  await field('Jira Site URL').fill(jira.url);
  await page.getByLabel(/I understand that with HTTP the token travels unencrypted/).check();
  const credentials: SandboxCredentials = jira.credentials;
  if (credentials.flavor === 'cloud') {
    await visible(page.getByText(/^Jira Cloud .*detected\.$/));
    await field('User Email').fill(credentials.email);
  } else {
    await visible(page.getByText(/^Jira Data Center .*detected\.$/));
  }
  // 5. Paste the API token into the Access Token field.
  await field('Access Token').fill(
    credentials.flavor === 'cloud' ? credentials.apiToken : credentials.personalAccessToken,
  );
  await capture(page, `${slug}-form`);
  // 6. Click Create Integration.
  jira.setLimits({ latencyMs: REALISTIC_LATENCY_MS });
  await page.getByRole('button', { name: 'Create Integration' }).click();
}

/** Seeds/001 Step 4: Pending first, then Connected, on the integration's page without a reload. */
export async function verifyStep4(page: Page, jira: Sandbox, name: string): Promise<void> {
  await visible(page.getByRole('heading', { name, level: 1 }));
  const url = page.url();
  expect(await page.locator('.page-head [data-status]').getAttribute('data-status')).toBe(
    'pending',
  );
  const settled = page.locator(
    '.page-head [data-status="connected"], .page-head [data-status="failed"]',
  );
  await settled.waitFor({ state: 'visible', timeout: 20_000 });
  jira.setLimits({ latencyMs: 0 });
  const failure = await page.locator('[data-code]').allInnerTexts();
  expect(await settled.getAttribute('data-status'), failure.join(' ')).toBe('connected');
  expect(page.url(), 'the status changed without a reload or navigation').toBe(url);
  await visible(page.getByRole('list', { name: 'Verification checks' }));
  await capture(page, `seed-001-${jira.flavor}-connected`);
}
