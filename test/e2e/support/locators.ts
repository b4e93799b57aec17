import type { Locator } from 'playwright-core';

/** Waits until the locator is visible (vitest has no Playwright matchers, so tests wait instead). */
export function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: 10_000 });
}

/** The text of the elements that `aria-describedby` points at: what a screen reader reads after the label. */
export async function describedText(locator: Locator): Promise<string> {
  const ids = (await locator.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(
    ids.map((id) => locator.page().locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ').trim();
}
