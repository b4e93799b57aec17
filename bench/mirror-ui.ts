/**
 * `npm run bench:mirror-ui [-- --issues N] [-- --runs R]`: the mirror browser in Chromium on a
 * large mirror. Loads N generated issues (default 100,000) into a fresh SQLite data directory as
 * bench:search does, starts OwlHub on it, and prints the median and worst time, seen from the
 * browser, of: the issue list's first page, Next, a search typed into the box (its 300 ms
 * debounce included), a project and status filter, and an issue page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { parseConfig } from '../src/server/config.ts';
import { createLogger } from '../src/server/logger.ts';
import { startServer } from '../src/server/main.ts';
import { openStorage } from '../src/storage/connect.ts';
import { insertIntegration } from '../src/storage/integrations.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { integrationRow } from '../src/storage/testing/search-fixtures.ts';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { ADMIN, logInThroughPage } from '../test/e2e/support/flows.ts';
import { apiSession } from '../test/e2e/support/owlhub.ts';
import { ensureWebBuild } from '../test/e2e/support/web-build.ts';
import { PROJECTS, STATUSES, word } from './search/generate.ts';
import { loadIssues } from './search/load.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
  },
});
const INTEGRATION = 'i1';

/** The issue keys on screen once no request is in flight and `done` holds for them. */
async function settled(page: Page, done: (keys: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const busy = await page.locator('[aria-busy="true"]').count();
    const keys = await page.locator('.issue-row__key').allInnerTexts();
    if (busy === 0 && done(keys)) return keys;
    if (Date.now() > deadline) throw new Error(`the list did not settle: ${keys.join(', ')}`);
    await page.waitForTimeout(10);
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** One round of every step against the list at `listUrl`; milliseconds by step. */
async function round(page: Page, listUrl: string): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  let first: string[] = [];
  ms['first page'] = await timed(async () => {
    await page.goto(listUrl);
    first = await settled(page, (keys) => keys.length === 25);
  });
  let second: string[] = [];
  ms['Next'] = await timed(async () => {
    await page.getByRole('button', { name: 'Next →' }).click();
    second = await settled(page, (keys) => keys.length === 25 && keys[0] !== first[0]);
  });
  for (const [name, q] of [
    ['search, a rare word', word(15_000)],
    ['search, two common words', `${word(0)} ${word(40)}`],
  ] as const) {
    const before = await page.locator('.issue-row__key').allInnerTexts();
    ms[name] = await timed(async () => {
      await page.getByLabel('Search').fill(q);
      await settled(page, (keys) => keys.length > 0 && keys.join() !== before.join());
    });
  }
  ms['project and status filter'] = await timed(async () => {
    await page.goto(`${listUrl}?project=${PROJECTS[3] ?? ''}&status=${STATUSES[3] ?? ''}`);
    await settled(page, (keys) => keys.length > 0);
  });
  ms['issue page'] = await timed(async () => {
    await page.goto(`${listUrl}/${second[3] ?? ''}`);
    await page.locator('.rich-text').first().waitFor();
  });
  return ms;
}

const dataDir = mkdtempSync(join(tmpdir(), 'owlhub-bench-ui-'));
try {
  await ensureWebBuild();
  const storage = openStorage({ dialect: 'sqlite', path: join(dataDir, 'owlhub.sqlite') });
  const migrated = await migrateToLatest(storage.db);
  if (migrated.error) throw migrated.error;
  await insertIntegration(storage.db, integrationRow(INTEGRATION));
  const loadMs = await loadIssues(storage.db, INTEGRATION, Number(values.issues));
  await storage.close();
  console.log(`${values.issues} issues loaded in ${(loadMs / 1000).toFixed(1)} s`);

  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    OWLHUB_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const server = await startServer(parsed.config, createLogger('silent'));
  const browser = await launchBrowser();
  try {
    await apiSession(server.url, ADMIN, true);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logInThroughPage(page, server.url, ADMIN);
    const samples: Record<string, number[]> = {};
    for (let run = 0; run < Number(values.runs); run++) {
      const ms = await round(page, `${server.url}/integrations/${INTEGRATION}/issues`);
      for (const [name, value] of Object.entries(ms)) (samples[name] ??= []).push(value);
    }
    for (const [name, list] of Object.entries(samples)) {
      const sorted = [...list].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      const worst = sorted[sorted.length - 1] ?? 0;
      console.log(
        `${name.padEnd(28)} median ${Math.round(median)} ms, worst ${Math.round(worst)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
