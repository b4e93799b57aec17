import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';

const SCREENSHOTS = join(import.meta.dirname, '../../../test-output/screenshots');

/** The two viewports every page must work at. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Starts the system Chromium, headless, with nothing phoning home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A fresh page in its own context (no cookies, no localStorage) at desktop size. */
export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  return context.newPage();
}

/**
 * Saves full-page screenshots of the page as it is now, at desktop and at phone size, and checks
 * what a screenshot cannot show: every control has a label, and nothing scrolls sideways.
 */
export async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  expect(await unlabelledControls(page), `unlabelled controls on ${name}`).toEqual([]);
  const original = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width, `${name} is wider than the ${label} viewport`).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Inputs, selects and text areas without a <label for> pointing at them or a <label> around them. */
async function unlabelledControls(page: Page): Promise<string[]> {
  // One round trip instead of several per control; a string, as this code runs in the page.
  const found: unknown =
    await page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !el.closest('label') && !(el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')))
    .map((el) => el.id || el.outerHTML)`);
  return Array.isArray(found) ? found.map(String) : ['(could not list controls)'];
}
