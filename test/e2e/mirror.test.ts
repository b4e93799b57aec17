import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.ts';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { ADMIN, logInThroughPage } from './support/flows.ts';
import { visible } from './support/locators.ts';
import type { ApiSession, TestOwlHub } from './support/owlhub.ts';
import { apiSession, startOwlHub } from './support/owlhub.ts';
import { startJira } from './support/sandbox.ts';
import { addCloudIntegration, waitForFullSync } from './support/synced.ts';

// A word no generated text uses, so that exactly one issue holds it, in its description only.
const RARE_WORD = 'quokkanova';
const SUMMARY = 'Tidy the owl aviary before winter';

let jira: Sandbox;
let datacenter: Sandbox;
let datacenterId: string;
let owlhub: TestOwlHub;
let admin: ApiSession;
let browser: Browser;
let page: Page;
let integrationId: string;
let rareKey: string;

/** Creates an issue through Jira's own REST API, as a person in Jira would, with an ADF description. */
async function createIssueInJira(): Promise<string> {
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  const { email, apiToken } = jira.credentials;
  const text = (value: string) => ({ type: 'text', text: value });
  const response = await fetch(`${jira.url}/rest/api/3/issue`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      fields: {
        project: { key: 'OWL' },
        issuetype: { name: 'Task' },
        summary: SUMMARY,
        description: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'heading', attrs: { level: 3 }, content: [text('Aviary notes')] },
            { type: 'paragraph', content: [text(`The perches need ${RARE_WORD} varnish.`)] },
            {
              type: 'bulletList',
              content: ['Sand the perches', 'Varnish twice'].map((item) => ({
                type: 'listItem',
                content: [{ type: 'paragraph', content: [text(item)] }],
              })),
            },
            { type: 'codeBlock', attrs: { language: 'bash' }, content: [text('owl --feed')] },
          ],
        },
      },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { key: string }).key;
}

beforeAll(async () => {
  const [started, dc] = await Promise.all([
    startJira({ flavor: 'cloud', issues: 60 }),
    startJira({ flavor: 'datacenter', issues: 12, basePath: '/jira' }),
  ]);
  jira = started.jira;
  datacenter = dc.jira;
  rareKey = await createIssueInJira();
  jira.addComment(rareKey, 'Bought two tins of varnish.');
  [owlhub, browser] = await Promise.all([
    startOwlHub({ OWLHUB_ALLOWED_HOSTS: `${started.allowedHost},${dc.allowedHost}` }),
    launchBrowser(),
  ]);
  admin = await apiSession(owlhub.url, ADMIN, true);
  integrationId = await addCloudIntegration(admin, jira);
  if (datacenter.credentials.flavor !== 'datacenter') throw new Error('expected Data Center');
  const createdDc = await admin.send('POST', '/api/integrations', {
    type: 'jira',
    name: 'Jira Data Center',
    siteUrl: datacenter.url,
    authType: 'personal_access_token',
    token: datacenter.credentials.personalAccessToken,
    allowInsecureHttp: true,
  });
  expect(createdDc.status).toBe(202);
  datacenterId = ((await createdDc.json()) as { id: string }).id;
  await Promise.all([waitForFullSync(admin, integrationId), waitForFullSync(admin, datacenterId)]);
  page = await openPage(browser);
  await logInThroughPage(page, owlhub.url, ADMIN);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
  await Promise.all([jira.stop(), datacenter.stop()]);
});

const pagerText = () => page.getByRole('navigation', { name: 'Pages' }).locator('.pager__where');

/** Waits until the list shows exactly these keys, after any request in flight has settled. */
async function waitForKeys(check: (keys: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const busy = await page.locator('[aria-busy="true"]').count();
    const keys = await page.locator('.issue-row__key').allInnerTexts();
    if (busy === 0 && check(keys)) return keys;
    if (Date.now() > deadline) throw new Error(`list shows ${keys.join(', ')}`);
    await page.waitForTimeout(100);
  }
}

test('search finds an issue by a word in its description', async () => {
  await page.goto(owlhub.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Issues' })
    .click();
  // Two integrations: the navigation's Issues asks which one.
  await page.getByRole('link', { name: 'Issues of Jira Production' }).click();
  await waitForKeys((keys) => keys.length === 25);
  await capture(page, 'mirror-issues');

  await page.getByLabel('Search').fill(RARE_WORD);
  await waitForKeys((keys) => keys.length === 1);
  expect(await page.locator('.issue-row__key').allInnerTexts()).toEqual([rareKey]);
  expect(page.url()).toContain(`q=${RARE_WORD}`);
  await capture(page, 'mirror-search');

  await page.getByRole('link', { name: new RegExp(rareKey) }).click();
  await visible(page.getByRole('heading', { name: SUMMARY, level: 1 }));
  const description = page.getByRole('region', { name: 'Description' });
  expect(await description.getByRole('heading', { name: 'Aviary notes' }).count()).toBe(1);
  expect(await description.locator('p').first().innerText()).toBe(
    `The perches need ${RARE_WORD} varnish.`,
  );
  expect(await description.getByRole('listitem').allInnerTexts()).toEqual([
    'Sand the perches',
    'Varnish twice',
  ]);
  expect(await description.locator('pre code').innerText()).toBe('owl --feed');
  const comments = page.getByRole('list', { name: 'Comments' }).getByRole('listitem');
  expect(await comments.count()).toBe(1);
  expect(await comments.first().innerText()).toContain('Bought two tins of varnish.');
  expect(await page.getByRole('link', { name: /Open in Jira/ }).getAttribute('href')).toBe(
    `${jira.url}/browse/${rareKey}`,
  );
  await capture(page, 'mirror-issue');

  await page.goBack();
  await waitForKeys((keys) => keys.length === 1);
  expect(await page.getByLabel('Search').inputValue()).toBe(RARE_WORD);
});

test('an ADF description keeps its formatting: bold is <strong>', async () => {
  const withStrong = jira.listIssues().find((issue) => {
    const description = jira.renderIssue(issue.key)?.fields;
    return JSON.stringify(description ?? {}).includes('"type":"strong"');
  });
  if (withStrong === undefined) throw new Error('the sandbox generated no bold text');
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues/${withStrong.key}`);
  const description = page.getByRole('region', { name: 'Description' });
  await visible(description.locator('strong').first());
  expect(await description.locator('script, [onerror]').count()).toBe(0);
  const otherFields = page.getByRole('region', { name: 'Other fields' });
  expect(await otherFields.getByRole('rowheader', { name: 'Creator' }).count()).toBe(1);
  // Jira's bookkeeping (votes, watches) is left out rather than shown as raw JSON.
  expect(await otherFields.innerText()).not.toMatch(/watches|votes|"self"/);
  await capture(page, 'mirror-issue-formatting');
});

test('a Data Center description in wiki markup renders as formatted text', async () => {
  const withStrong = datacenter.listIssues().find((issue) => {
    const description = datacenter.renderIssue(issue.key)?.fields;
    return /\*[^*\s][^*]*\*/.test(JSON.stringify(description ?? {}));
  });
  if (withStrong === undefined) throw new Error('the sandbox generated no bold text');
  await page.goto(`${owlhub.url}/integrations/${datacenterId}/issues/${withStrong.key}`);
  const description = page.getByRole('region', { name: 'Description' });
  await visible(description.locator('strong').first());
  expect(await description.innerText()).not.toContain('*');
  expect(await page.getByRole('link', { name: /Open in Jira/ }).getAttribute('href')).toBe(
    `${datacenter.url}/browse/${withStrong.key}`,
  );
  await capture(page, 'mirror-issue-wiki');
});

test('Next and Previous page through the list, and Back returns to the first page', async () => {
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues`);
  const first = await waitForKeys((keys) => keys.length === 25);
  expect(await pagerText().innerText()).toBe('Issues 1–25');
  await page.getByRole('button', { name: 'Next →' }).click();
  const second = await waitForKeys((keys) => keys.length === 25 && keys[0] !== first[0]);
  expect(second.filter((key) => first.includes(key))).toEqual([]);
  expect(await pagerText().innerText()).toBe('Issues 26–50');
  await capture(page, 'mirror-page-2');
  await page.getByRole('button', { name: 'Next →' }).click();
  const third = await waitForKeys((keys) => keys[0] !== second[0]);
  expect(third.length).toBe(61 - 50);
  expect(await page.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
  const all = [...first, ...second, ...third].sort();
  expect(all).toEqual(
    jira
      .listIssues()
      .map((issue) => issue.key)
      .sort(),
  );
  await page.getByRole('button', { name: '← Previous' }).click();
  await waitForKeys((keys) => keys[0] === second[0]);
  // Each page is a history entry: Back retraces page 3, page 2, then page 1.
  await page.goBack();
  await waitForKeys((keys) => keys[0] === third[0]);
  await page.goBack();
  await page.goBack();
  await waitForKeys((keys) => keys[0] === first[0]);
  expect(await pagerText().innerText()).toBe('Issues 1–25');
});

test('the project and status filters narrow the list and live in a shareable URL', async () => {
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues`);
  await waitForKeys((keys) => keys.length === 25);
  const status = jira.listIssues().find((issue) => issue.projectKey === 'PAY')?.status ?? '';
  await page.getByLabel('Project').selectOption('PAY');
  await page.getByLabel('Status').selectOption(status);
  const truth = jira
    .listIssues()
    .filter((issue) => issue.projectKey === 'PAY' && issue.status === status)
    .map((issue) => issue.key)
    .sort();
  expect(truth.length).toBeGreaterThan(0);
  const shown = await waitForKeys((keys) => [...keys].sort().join() === truth.join());
  expect(shown.length).toBe(truth.length);
  const lozenges = await page.locator('.issue-row .lozenge').allInnerTexts();
  expect(lozenges.every((text) => text.toLowerCase() === status.toLowerCase())).toBe(true);
  expect(page.url()).toContain(
    `project=PAY&status=${encodeURIComponent(status).replace('%20', '+')}`,
  );
  await capture(page, 'mirror-filtered');

  const shared = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await logInThroughPage(shared, owlhub.url, ADMIN);
    await shared.goto(page.url());
    await shared.locator('.issue-row').first().waitFor();
    expect(await shared.getByLabel('Project').inputValue()).toBe('PAY');
    expect((await shared.locator('.issue-row__key').allInnerTexts()).sort()).toEqual(truth);
  } finally {
    await shared.close();
  }
});

test('an empty search says so, and an unknown issue shows an error', async () => {
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues?q=zzznothingmatches`);
  await visible(page.getByText('No issues match this search and these filters.'));
  await capture(page, 'mirror-empty');
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues/NOPE-404`);
  await visible(page.getByRole('alert'));
  expect(await page.getByRole('alert').innerText()).toContain('Could not load NOPE-404');
  await capture(page, 'mirror-missing-issue');
});

test('the projects page lists the mirrored projects, each linking to its issues', async () => {
  await page.goto(`${owlhub.url}/integrations/${integrationId}`);
  await page.getByRole('link', { name: 'Projects' }).click();
  const projects = page.getByRole('list', { name: 'Projects' }).getByRole('listitem');
  await visible(projects.first());
  expect(await projects.count()).toBe(3);
  await capture(page, 'mirror-projects');
  await page.getByRole('link', { name: 'Issues of Payments' }).click();
  const keys = await waitForKeys((shown) => shown.length > 0);
  expect(keys.every((key) => key.startsWith('PAY-'))).toBe(true);
});

test('a moved issue opens by its old key and says where it went', async () => {
  const moved = jira.moveIssue(rareKey, 'MOB');
  const queued = await admin.send('POST', `/api/integrations/${integrationId}/sync`, {
    mode: 'incremental',
  });
  expect(queued.status).toBe(202);
  const { runId } = (await queued.json()) as { runId: string };
  const runStatus = async () =>
    ((await (await admin.send('GET', `/api/sync-runs/${runId}`)).json()) as { status: string })
      .status;
  const deadline = Date.now() + 20_000;
  while ((await runStatus()) !== 'succeeded') {
    if (Date.now() > deadline) throw new Error('the incremental sync did not finish');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await page.goto(`${owlhub.url}/integrations/${integrationId}/issues/${rareKey}`);
  await visible(page.getByText(`${rareKey} moved; it is now ${moved.key}.`));
  expect(await page.getByRole('link', { name: /Open in Jira/ }).getAttribute('href')).toBe(
    `${jira.url}/browse/${moved.key}`,
  );
  await capture(page, 'mirror-issue-moved');
});
