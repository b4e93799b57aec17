import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, logInThroughPage } from './support/flows.ts';
import { describedText, visible } from './support/locators.ts';
import type { ApiSession, TestOwlHub } from './support/owlhub.ts';
import { apiSession, startOwlHub } from './support/owlhub.ts';
import { startJira } from './support/sandbox.ts';
import { addCloudIntegration, waitForFullSync } from './support/synced.ts';

const SUMMARY = 'Fit a new perch in the aviary';
const VIEWER = { email: 'vera@example.com', password: 'viewer password!', name: 'Vera Viewer' };

let jira: Sandbox;
let owlhub: TestOwlHub;
let admin: ApiSession;
let browser: Browser;
let page: Page;
let integrationId: string;

beforeAll(async () => {
  const started = await startJira({ flavor: 'cloud', projects: 2, issues: 10 });
  jira = started.jira;
  [owlhub, browser] = await Promise.all([
    startOwlHub({ OWLHUB_ALLOWED_HOSTS: started.allowedHost }),
    launchBrowser(),
  ]);
  admin = await apiSession(owlhub.url, ADMIN, true);
  integrationId = await addCloudIntegration(admin, jira);
  await admin.send('POST', '/api/users', { ...VIEWER, role: 'viewer' });
  await waitForFullSync(admin, integrationId);
  page = await openPage(browser);
  await logInThroughPage(page, owlhub.url, ADMIN);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
  await jira.stop();
});

test('creates an issue from the form Jira describes, then comments and moves it', async () => {
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues`);
  await page.getByRole('link', { name: 'Create issue' }).click();
  await page.getByLabel('Project').selectOption('OWL');
  await page.getByLabel('Issue type').selectOption({ label: 'Story' });
  const summary = page.getByLabel('Summary (required)');
  await visible(summary);
  await summary.fill(SUMMARY);
  const before = jira.listIssues().length;

  // A required custom field left empty: the form says so beside it and sends nothing.
  await page.getByRole('button', { name: 'Create issue' }).click();
  const team = page.getByLabel('Team (required)');
  expect(await describedText(team)).toBe('Team is required.');
  expect(await page.evaluate('document.activeElement?.id')).toBe('create-customfield_10010');
  expect(jira.listIssues().length).toBe(before);
  await capture(page, 'create-issue-required');

  await team.selectOption({ label: 'Payments' });
  await page.getByLabel('Reviewers (required)').fill('nobody-at-all');
  await page.getByLabel('Story Points (required)').fill('5');
  await page.getByLabel('Review date (required)').fill('2026-12-24');
  await page.getByLabel('Release notes (required)').fill('A sturdier perch');
  await page.getByLabel('Tags (required)').fill('aviary, winter');
  expect(await describedText(team)).toBe('');

  // Jira refuses an unknown reviewer: its message appears beside that field.
  await page.getByRole('button', { name: 'Create issue' }).click();
  const reviewers = page.getByLabel('Reviewers (required)');
  await visible(page.locator('[id="create-customfield_10011-error"]'));
  expect(await describedText(reviewers)).toContain("The user 'nobody-at-all' does not exist.");
  expect(jira.listIssues().length).toBe(before);

  await reviewers.fill(jira.listIssues()[0]?.reporterId ?? '');
  await page.getByRole('button', { name: 'Create issue' }).click();
  await visible(page.getByRole('heading', { name: SUMMARY, level: 1 }));
  expect(jira.listIssues().filter((i) => i.summary === SUMMARY)).toHaveLength(1);
  const key = jira.listIssues().find((i) => i.summary === SUMMARY)?.key ?? '';
  expect(page.url()).toContain(`/issues/${key}`);

  await page.getByLabel('New comment').fill('Perch ordered.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  const comments = page.getByRole('list', { name: 'Comments' }).getByRole('listitem');
  await visible(comments.filter({ hasText: 'Perch ordered.' }));
  expect(jira.getIssue(key)?.commentCount).toBe(1);

  await page.getByLabel('Move to').selectOption({ label: 'Done' });
  await page.getByRole('button', { name: 'Move' }).click();
  const facts = page.locator('.issue-facts');
  await visible(facts.getByText('Done', { exact: true }));
  expect(await facts.textContent()).toContain('Done');
  expect(jira.getIssue(key)?.status).toBe('Done');
  await capture(page, 'issue-actions');

  // The mirror holds the changes too: a fresh load reads them from OwlHub, not from the page's cache.
  await page.reload();
  await visible(comments.filter({ hasText: 'Perch ordered.' }));
  expect(await facts.textContent()).toContain('Done');
});

test('a viewer sees the issue but no action controls', async () => {
  const viewerPage = await openPage(browser);
  await logInThroughPage(viewerPage, owlhub.url, VIEWER);
  const key = jira.listIssues()[0]?.key ?? '';
  await viewerPage.goto(`${owlhub.url}/integrations/${integrationId}/issues/${key}`);
  await visible(viewerPage.locator('.issue-facts'));
  expect(await viewerPage.getByRole('region', { name: 'Act in Jira' }).count()).toBe(0);
  expect(await viewerPage.getByRole('button', { name: 'Add comment' }).count()).toBe(0);
  await viewerPage.goto(`${owlhub.url}/integrations/${integrationId}/issues`);
  await visible(viewerPage.getByRole('heading', { name: 'Issues', level: 1 }));
  expect(await viewerPage.getByRole('link', { name: 'Create issue' }).count()).toBe(0);
  await viewerPage.context().close();
});

test('admins read the audit log of what was done', async () => {
  await page.goto(`${owlhub.url}/settings/audit`);
  await visible(page.getByRole('heading', { name: 'Audit log', level: 1 }));
  const rows = page.getByRole('row');
  const text = await page.locator('table').innerText();
  expect(text).toContain('jira.issue.create');
  expect(text).toContain('jira.issue.comment');
  expect(text).toContain('integration.create');
  expect(await rows.count()).toBeGreaterThan(3);
  await capture(page, 'audit-log');
});
