import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { capture, launchBrowser, openPage } from './support/browser.ts';
import { visible } from './support/locators.ts';
import { ADMIN, logInThroughPage, setUpThroughPage } from './support/flows.ts';
import type { TestOwlHub } from './support/owlhub.ts';
import { startOwlHub } from './support/owlhub.ts';

let owlhub: TestOwlHub;
let browser: Browser;

beforeAll(async () => {
  [owlhub, browser] = await Promise.all([startOwlHub(), launchBrowser()]);
});

afterAll(async () => {
  await browser.close();
  await owlhub.stop();
});

test('first run: setup creates the admin, who can log out and log in again', async () => {
  const page = await openPage(browser);
  await page.goto(owlhub.url);
  await page.getByRole('heading', { name: 'Set up OwlHub' }).waitFor();
  await capture(page, 'setup');

  await setUpThroughPage(page, owlhub.url);
  expect(await page.getByRole('banner').innerText()).toContain(ADMIN.name);
  await capture(page, 'integrations-empty');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await capture(page, 'login');

  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong password, surely');
  await page.getByRole('button', { name: 'Log in' }).click();
  await visible(page.getByRole('alert'));

  await logInThroughPage(page, owlhub.url, ADMIN);
  expect(new URL(page.url()).pathname).toBe('/integrations');
  await page.context().close();
});

test('setup on a set-up OwlHub (409) sends the person to log in', async () => {
  const page = await openPage(browser);
  await page.goto(`${owlhub.url}/settings/jira`);
  await page.getByLabel('Name', { exact: true }).fill('Late Comer');
  await page.getByLabel('Email', { exact: true }).fill('late@example.com');
  await page.getByLabel('Password', { exact: true }).fill('another long password');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.getByText('OwlHub is already set up. Log in with your account.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.context().close();
});

test('the server answers the app for its own paths and 404 for missing assets', async () => {
  const page = await fetch(`${owlhub.url}/integrations/some-id`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  const script = /\/assets\/[^"]+\.js/.exec(await page.text())?.[0];
  expect(script).toBeDefined();
  const asset = await fetch(`${owlhub.url}${script ?? ''}`);
  expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect((await fetch(`${owlhub.url}/assets/gone-1234.js`)).status).toBe(404);
  expect((await fetch(`${owlhub.url}/api/nothing-here`)).status).toBe(404);
});
