import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, logInThroughPage, setUpThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { apiSession, startOwlHub } from './support/owlhub.ts';
import { REALISTIC_LATENCY_MS, startJira } from './support/sandbox.ts';

// Enough issues, on a slow enough Jira, that a full sync takes several seconds (ten or more here),
// committing a few hundred issues at a time: the page, polling twice a second, shows many steps.
const ISSUES = 3600;
const SLOW_JIRA_MS = 2 * REALISTIC_LATENCY_MS;

let jira: Sandbox;
let owlhub: TestOwlHub;
let browser: Browser;
let page: Page;
let integrationPath: string;

beforeAll(async () => {
  const started = await startJira({ flavor: 'cloud', issues: ISSUES });
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
const syncPanel = () => page.getByRole('region', { name: 'Sync' });
const currentRun = () => syncPanel().locator('.sync-run');
const history = () => syncPanel().getByRole('list', { name: 'Sync runs' });

/** Creates a Cloud integration through the wizard; the page then shows it and its first sync. */
async function connectThroughWizard(): Promise<void> {
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  await page.getByRole('link', { name: 'Add New Integration' }).click();
  await page.getByRole('link', { name: /^Jira/ }).click();
  await field('Name').fill('Jira Production');
  await field('Jira Site URL').fill(jira.url);
  await page.getByLabel(/I understand that with HTTP the token travels unencrypted/).check();
  await visible(page.getByText(/^Jira Cloud .*detected\.$/));
  await field('User Email').fill(jira.credentials.email);
  await field('Access Token').fill(jira.credentials.apiToken);
  await page.getByRole('button', { name: 'Create Integration' }).click();
  await visible(page.getByRole('heading', { name: 'Jira Production', level: 1 }));
  integrationPath = new URL(page.url()).pathname;
}

/** The progress bar's value each time it changes, until the run leaves queued/running. */
async function watchProgress(): Promise<number[]> {
  // Named by its text label, which says the phase and the count.
  const bar = syncPanel().getByRole('progressbar', { name: /\d+ (of [\d,]+ )?issues/ });
  await bar.waitFor({ state: 'visible', timeout: 20_000 });
  const seen: number[] = [];
  let captured = false;
  while ((await bar.count()) > 0) {
    const now = Number((await bar.getAttribute('aria-valuenow').catch(() => null)) ?? NaN);
    if (Number.isFinite(now) && now !== seen[seen.length - 1]) seen.push(now);
    if (!captured && now > 0) {
      await capture(page, 'sync-running');
      captured = true;
    }
    await page.waitForTimeout(100);
  }
  return seen;
}

test('a sync shows live progress', async () => {
  jira.setLimits({ latencyMs: SLOW_JIRA_MS });
  await connectThroughWizard();
  // A marker that a reload would lose.
  await page.evaluate('window.syncTestMarker = 1');
  await page
    .locator('.page-head [data-status="connected"]')
    .waitFor({ state: 'visible', timeout: 30_000 });

  const values = await watchProgress();
  jira.setLimits({ latencyMs: 0 });
  const increases = values.filter((value, index) => index > 0 && value > (values[index - 1] ?? 0));
  expect(increases.length, `progress values seen: ${values.join(', ')}`).toBeGreaterThanOrEqual(2);

  await visible(currentRun().locator('[data-run-status="succeeded"]'));
  const written = await currentRun().locator('[data-count="written"]').innerText();
  expect(Number(written.replace(/\D/g, ''))).toBe(jira.listIssues().length);
  expect(await page.evaluate('window.syncTestMarker')).toBe(1);
  expect(new URL(page.url()).pathname).toBe(integrationPath);
  expect(await syncPanel().getByText('Last synced: never').count()).toBe(0);
  await capture(page, 'sync-succeeded');
}, 90_000);

test('"Sync now" adds an incremental run to the history', async () => {
  await syncPanel().getByRole('button', { name: 'Sync now' }).click();
  const runs = history().getByRole('listitem');
  await visible(runs.nth(1));
  expect(await runs.count()).toBe(2);
  expect(await runs.first().locator('.sync-history__mode').innerText()).toBe('Incremental');
  expect(await runs.nth(1).locator('.sync-history__mode').innerText()).toBe('Full');
  await runs
    .first()
    .locator('[data-run-status="succeeded"]')
    .waitFor({ state: 'visible', timeout: 20_000 });
  await capture(page, 'sync-history');
});

test('"Cancel sync" stops a running full sync, which ends Cancelled', async () => {
  jira.setLimits({ latencyMs: SLOW_JIRA_MS });
  try {
    await syncPanel().getByRole('button', { name: 'Full sync' }).click();
    await visible(currentRun().getByRole('progressbar'));
    await syncPanel().getByRole('button', { name: 'Cancel sync' }).click();
    await currentRun()
      .locator('[data-run-status="cancelled"]')
      .waitFor({ state: 'visible', timeout: 20_000 });
  } finally {
    jira.setLimits({ latencyMs: 0 });
  }
  const newest = history().getByRole('listitem').first();
  await visible(newest.locator('[data-run-status="cancelled"]'));
  expect(await newest.locator('.sync-history__mode').innerText()).toBe('Full');
  expect(await syncPanel().getByRole('button', { name: 'Cancel sync' }).count()).toBe(0);
  await capture(page, 'sync-cancelled');
});

/** Opens the integration page as a new account with `role`, once its sync history shows. */
async function syncPanelAs(role: 'viewer' | 'member', email: string): Promise<Page> {
  const account = { name: `A ${role}`, email, password: `${role} password 1` };
  const admin = await apiSession(owlhub.url, ADMIN);
  expect((await admin.send('POST', '/api/users', { ...account, role })).status).toBe(201);
  const other = await openPage(browser);
  await logInThroughPage(other, owlhub.url, account);
  await other.goto(new URL(integrationPath, owlhub.url).toString());
  await visible(
    other.getByRole('region', { name: 'Sync' }).getByRole('list', { name: 'Sync runs' }),
  );
  return other;
}

test('a viewer sees the sync and its history but no controls', async () => {
  const viewerPage = await syncPanelAs('viewer', 'vera@example.com');
  const panel = viewerPage.getByRole('region', { name: 'Sync' });
  for (const name of ['Sync now', 'Full sync', 'Cancel sync']) {
    expect(await panel.getByRole('button', { name }).count()).toBe(0);
  }
  await capture(viewerPage, 'sync-viewer');
  await viewerPage.context().close();
});

test('a member may sync', async () => {
  const memberPage = await syncPanelAs('member', 'max@example.com');
  const panel = memberPage.getByRole('region', { name: 'Sync' });
  await visible(panel.getByRole('button', { name: 'Sync now' }));
  await visible(panel.getByRole('button', { name: 'Full sync' }));
  // Members run syncs but do not manage the integration.
  expect(await memberPage.getByRole('button', { name: 'Rotate token' }).count()).toBe(0);
  await memberPage.context().close();
});
