/**
 * Full-field issues served per second by a 100,000-issue sandbox: search/jql pages and bulkfetch,
 * against a baseline of GET /issue one at a time. The sandbox runs in a worker thread (one core:
 * it is single-threaded) so that the client's JSON parsing does not count against it.
 */
import os from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { startSandbox, type SandboxCredentials } from '../src/sandbox/index.ts';
import { authHeader } from '../src/sandbox/test-client.ts';

interface Target {
  readonly url: string;
  readonly credentials: SandboxCredentials;
  readonly keys: readonly string[];
}

const ISSUES = 100_000;
const GOAL = 2_000;
const SEARCH_ISSUES = 20_000;
const BULK_ISSUES = 20_000;
const BASELINE_ISSUES = 1_000;

async function post(sandbox: Target, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { Authorization: authHeader(sandbox.credentials), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function timed(label: string, run: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const count = await run();
  const seconds = (performance.now() - started) / 1000;
  const rate = count / seconds;
  console.log(
    `${label.padEnd(44)} ${String(count).padStart(7)} issues in ${seconds.toFixed(2)} s = ${Math.round(rate)} issues/s`,
  );
  return rate;
}

async function searchPages(sandbox: Target): Promise<number> {
  let served = 0;
  let token: string | undefined;
  while (served < SEARCH_ISSUES) {
    const page = (await post(sandbox, '/rest/api/3/search/jql', {
      jql: 'project is not EMPTY ORDER BY key',
      fields: ['*all'],
      maxResults: 100,
      ...(token === undefined ? {} : { nextPageToken: token }),
    })) as { issues: unknown[]; nextPageToken?: string };
    served += page.issues.length;
    token = page.nextPageToken;
    if (token === undefined) break;
  }
  return served;
}

async function bulkFetch(sandbox: Target, keys: readonly string[]): Promise<number> {
  let served = 0;
  for (let i = 0; i < BULK_ISSUES; i += 100) {
    const page = (await post(sandbox, '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: keys.slice(i, i + 100),
      fields: ['*all'],
    })) as { issues: unknown[] };
    served += page.issues.length;
  }
  return served;
}

async function oneByOne(sandbox: Target, keys: readonly string[]): Promise<number> {
  for (const key of keys.slice(0, BASELINE_ISSUES)) {
    const response = await fetch(`${sandbox.url}/rest/api/3/issue/${key}`, {
      headers: { Authorization: authHeader(sandbox.credentials) },
    });
    if (response.status !== 200) throw new Error(`GET issue answered ${response.status}`);
    await response.json();
  }
  return BASELINE_ISSUES;
}

/** Worker side: start the sandbox and report where it listens. */
async function serveInWorker(): Promise<void> {
  const sandbox = await startSandbox({ issues: ISSUES, projects: 10, seed: 1 });
  const keys = sandbox.listIssues().map((issue) => issue.key);
  parentPort?.postMessage({
    url: sandbox.url,
    credentials: sandbox.credentials,
    keys,
  } satisfies Target);
}

async function main(): Promise<void> {
  const started = performance.now();
  // Node 20 workers cannot start from a .ts file; register tsx's loader first, then import this file.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const sandbox = await new Promise<Target>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  console.log(
    `sandbox with ${ISSUES} issues started in ${((performance.now() - started) / 1000).toFixed(2)} s at ${sandbox.url}`,
  );
  const { keys } = sandbox;
  try {
    const search = await timed('search/jql, fields=*all, pages of <=100', () =>
      searchPages(sandbox),
    );
    const bulk = await timed('issue/bulkfetch, fields=*all, 100 a request', () =>
      bulkFetch(sandbox, keys.slice(50_000)),
    );
    const baseline = await timed('baseline: GET /issue/{key} one at a time', () =>
      oneByOne(sandbox, keys.slice(90_000)),
    );
    const best = Math.max(search, bulk);
    console.log('');
    console.log(
      `cores (os.availableParallelism): ${os.availableParallelism()}; load average ${os.loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    console.log(
      `full-field issues served per second: ${Math.round(best)} (goal >= ${GOAL}/s on one core: ${best >= GOAL ? 'met' : 'NOT met'})`,
    );
    console.log(
      `baseline (one GET per issue): ${Math.round(baseline)}/s; paging is ${(best / baseline).toFixed(1)}x faster`,
    );
  } finally {
    await worker.terminate();
  }
}

if (isMainThread) await main();
else await serveInWorker();
